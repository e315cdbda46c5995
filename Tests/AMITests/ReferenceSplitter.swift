import AMI
import Foundation

/// A deliberately simple, independent reading of capture text (split on blank lines, then on the
/// first colon) that the real decoder's output is checked against.
enum ReferenceSplitter {
    /// The greeting line and the messages of a capture, as the brief describes the format.
    static func split(_ bytes: [UInt8]) -> (greeting: String?, messages: [AMIMessage]) {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.components(separatedBy: "\r\n")
        var greeting: String?
        if let first = lines.first, first.hasPrefix("Asterisk Call Manager/") {
            greeting = String(first.dropFirst("Asterisk Call Manager/".count))
            lines.removeFirst()
        }
        var messages: [AMIMessage] = []
        var current: [AMIHeader] = []
        for line in lines {
            if line.isEmpty {
                if !current.isEmpty { messages.append(AMIMessage(headers: current)) }
                current = []
                continue
            }
            let colon = line.firstIndex(of: ":")!
            let value = line[line.index(after: colon)...].drop { $0 == " " }
            current.append(AMIHeader(name: String(line[..<colon]), value: String(value)))
        }
        return (greeting, messages)
    }
}
