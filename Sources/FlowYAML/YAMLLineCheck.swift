import CTICore
import Foundation

/// Checks on the raw lines, before the YAML parser sees them.
///
/// - An unquoted `#` standing alone where a key or value goes (`#: operator`, `terminator: #`,
///   `- #`) starts a comment in YAML, so the DTMF key would silently vanish: refused.
/// - Explicit keys (`? key`) and aliases used as keys (`*a : x`, `[*a, *b]: x`) are refused here,
///   because the parser compares keys by value while building the tree: an alias key into nested
///   aliases would be expanded exponentially before the tree could be checked. (Any other alias is
///   refused after parsing, at its anchor, without being followed.)
enum YAMLLineCheck {
    static func check(_ text: String) throws(FlowDecodingError) {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let characters = Array(line.replacingOccurrences(of: "\r", with: ""))
            if let (column, message) = problem(in: characters) {
                throw FlowDecodingError(line: index + 1, column: column + 1, path: "", message: message)
            }
        }
    }

    private static let hashMessage = "an unquoted '#' starts a comment in YAML, so this DTMF key would be lost: write \"#\""
    private static let explicitKeyMessage = "explicit keys ('? ') are not allowed in a flow; write 'key: value'"
    private static let aliasKeyMessage =
        "aliases (*name) are not allowed in a flow, least of all as keys; write the value out (quote a DTMF key: \"*\")"

    /// The first problem on one line (offset, message), looking only outside quotes and comments.
    /// One pass: what came before is kept as its last non-blank character and whether it was only dashes.
    private static func problem(in line: [Character]) -> (Int, String)? {
        var quote: Character?
        var aliasAt: Int?
        var last: Character?  // the last non-blank character before this one
        var onlyDashes = true  // nothing but '-' (and blanks) before this one
        for (offset, character) in line.enumerated() {
            defer {
                if character != " " && character != "\t" {
                    last = character
                    onlyDashes = onlyDashes && character == "-" && quote == nil
                }
            }
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            let startsToken = offset == 0 || [" ", "\t", "[", "{", ","].contains(line[offset - 1])
            switch character {
            case "\"", "'":
                if last == nil || [":", "-", "[", "{", ",", "?"].contains(last!) { quote = character }
            case "#" where offset == 0 || line[offset - 1] == " " || line[offset - 1] == "\t":
                // A comment starts here; is it a lone '#' in key or value position?
                let after = line[(offset + 1)...].drop { $0 == " " || $0 == "\t" }
                let keyPosition = onlyDashes && after.first == ":"
                let valuePosition = [":", "-", "[", "{", ","].contains(last ?? " ") && (after.isEmpty || [",", "]", "}"].contains(after.first!))
                return keyPosition || valuePosition ? (offset, hashMessage) : nil
            case "?" where startsToken && (offset + 1 == line.count || [" ", "\t"].contains(line[offset + 1])):
                if onlyDashes || ["[", "{", ","].contains(last ?? " ") { return (offset, explicitKeyMessage) }
            case "*" where startsToken && offset + 1 < line.count && ![" ", "\t", ",", "]", "}"].contains(line[offset + 1]):
                aliasAt = aliasAt ?? offset
            case ":" where offset + 1 == line.count || [" ", "\t"].contains(line[offset + 1]):
                if let aliasAt { return (aliasAt, aliasKeyMessage) }
            default:
                break
            }
        }
        return nil
    }
}
