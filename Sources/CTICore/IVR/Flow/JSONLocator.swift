/// A strict JSON syntax check that knows where every value starts.
///
/// Foundation's decoder reports neither the line of a syntax error nor duplicate keys (it keeps
/// one silently). This scanner finds the first syntax error or duplicate key with its line and
/// column, and maps each value's path (`nodes[2].prompts[0]`) to where it starts.
struct JSONLocator {
    /// A position in the text, both counted from 1.
    struct Position: Hashable {
        var line: Int
        var column: Int
    }

    /// The first thing wrong with the text.
    struct SyntaxError: Error {
        let position: Position
        let path: String
        let message: String
    }

    /// Where each value starts, by path (`""` for the root).
    private(set) var positions: [String: Position] = [:]

    private let bytes: [UInt8]
    private var offset = 0
    private var position = Position(line: 1, column: 1)
    private static let maxDepth = 200

    /// Scans `bytes`; throws at the first syntax error or duplicate key.
    init(_ bytes: [UInt8]) throws(SyntaxError) {
        self.bytes = bytes
        skipWhitespace()
        try value(path: "", depth: 0)
        skipWhitespace()
        if offset < bytes.count { throw error("unexpected \(describe(bytes[offset])) after the end of the document", path: "") }
    }

    private mutating func value(path: String, depth: Int) throws(SyntaxError) {
        guard depth < Self.maxDepth else { throw error("nesting is too deep", path: path) }
        guard offset < bytes.count else { throw error("unexpected end of file, expected a value", path: path) }
        positions[path] = position
        switch bytes[offset] {
        case UInt8(ascii: "{"): try object(path: path, depth: depth)
        case UInt8(ascii: "["): try array(path: path, depth: depth)
        case UInt8(ascii: "\""): _ = try string(path: path)
        case UInt8(ascii: "t"): try literal("true", path: path)
        case UInt8(ascii: "f"): try literal("false", path: path)
        case UInt8(ascii: "n"): try literal("null", path: path)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number(path: path)
        default: throw error("unexpected \(describe(bytes[offset])), expected a value", path: path)
        }
    }

    private mutating func object(path: String, depth: Int) throws(SyntaxError) {
        advance()
        skipWhitespace()
        if peek(UInt8(ascii: "}")) { advance(); return }
        var keys = Set<String>()
        while true {
            guard peek(UInt8(ascii: "\"")) else { throw error("expected a quoted key in an object, found \(describeNext())", path: path) }
            let keyPosition = position
            let key = try string(path: path)
            let member = path.isEmpty ? key : path + "." + key
            guard keys.insert(key).inserted else {
                throw SyntaxError(position: keyPosition, path: path, message: "duplicate key '\(key)'")
            }
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw error("expected ':' after key '\(key)', found \(describeNext())", path: member) }
            advance()
            skipWhitespace()
            try value(path: member, depth: depth + 1)
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                advance()
                skipWhitespace()
                if peek(UInt8(ascii: "}")) { throw error("trailing comma before '}'", path: path) }
                continue
            }
            if peek(UInt8(ascii: "}")) { advance(); return }
            throw error("expected ',' or '}' after the value of '\(key)', found \(describeNext())", path: member)
        }
    }

    private mutating func array(path: String, depth: Int) throws(SyntaxError) {
        advance()
        skipWhitespace()
        if peek(UInt8(ascii: "]")) { advance(); return }
        var index = 0
        while true {
            let element = "\(path)[\(index)]"
            try value(path: element, depth: depth + 1)
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                advance()
                skipWhitespace()
                if peek(UInt8(ascii: "]")) { throw error("trailing comma before ']'", path: path) }
                index += 1
                continue
            }
            if peek(UInt8(ascii: "]")) { advance(); return }
            throw error("expected ',' or ']' after an array element, found \(describeNext())", path: element)
        }
    }

    private mutating func string(path: String) throws(SyntaxError) -> String {
        advance()
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
                return String(scalars)
            case UInt8(ascii: "\\"):
                scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
                raw.removeAll()
                advance()
                guard offset < bytes.count else { break }
                let escape = bytes[offset]
                advance()
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(UnicodeScalar(escape))
                case UInt8(ascii: "b"): scalars.append("\u{8}")
                case UInt8(ascii: "f"): scalars.append("\u{C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    guard offset + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16) else {
                        throw error("\\u must be followed by four hex digits", path: path)
                    }
                    for _ in 0..<4 { advance() }
                    scalars.append(UnicodeScalar(code) ?? "\u{FFFD}")
                default:
                    throw error("unknown escape '\\\(String(UnicodeScalar(escape)))' in a string", path: path)
                }
            case 0..<0x20:
                throw error("control character in a string (a line break must be written \\n)", path: path)
            default:
                raw.append(byte)
                advance()
            }
        }
        throw error("unexpected end of file inside a string", path: path)
    }

    private mutating func number(path: String) throws(SyntaxError) {
        if peek(UInt8(ascii: "-")) { advance() }
        guard digits() > 0 else { throw error("expected digits in a number, found \(describeNext())", path: path) }
        if peek(UInt8(ascii: ".")) {
            advance()
            guard digits() > 0 else { throw error("expected digits after the decimal point, found \(describeNext())", path: path) }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            advance()
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { advance() }
            guard digits() > 0 else { throw error("expected digits in the exponent, found \(describeNext())", path: path) }
        }
    }

    private mutating func digits() -> Int {
        var count = 0
        while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) {
            advance()
            count += 1
        }
        return count
    }

    private mutating func literal(_ word: String, path: String) throws(SyntaxError) {
        for expected in word.utf8 {
            guard peek(expected) else { throw error("expected '\(word)', found \(describeNext())", path: path) }
            advance()
        }
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { advance() }
    }

    private func peek(_ byte: UInt8) -> Bool { offset < bytes.count && bytes[offset] == byte }

    private mutating func advance() {
        let byte = bytes[offset]
        offset += 1
        if byte == 0x0A {
            position.line += 1
            position.column = 1
        } else if byte & 0xC0 != 0x80 {
            position.column += 1
        }
    }

    private func describeNext() -> String {
        offset < bytes.count ? describe(bytes[offset]) : "the end of the file"
    }

    private func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x0A, 0x0D: "a line break"
        case 0x20...0x7E: "'\(String(UnicodeScalar(byte)))'"
        default: "byte 0x\(String(byte, radix: 16))"
        }
    }

    private func error(_ message: String, path: String) -> SyntaxError {
        SyntaxError(position: position, path: path, message: message)
    }
}
