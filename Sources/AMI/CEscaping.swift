/// Asterisk writes channel names and caller-ID values C-escaped (`ast_escape_c`); this undoes it.
enum CEscaping {
    /// Decodes `bytes` as UTF-8, turning `\n`, `\t`, `\\`, `\"` and the other C escapes back into
    /// their characters. Unknown escapes are kept as written.
    static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "\\")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            guard byte == UInt8(ascii: "\\"), next < bytes.endIndex, let decoded = decode(bytes[next]) else {
                out.append(byte)
                index = next
                continue
            }
            out.append(decoded)
            index = bytes.index(after: next)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Escapes a value the way Asterisk does before writing it into an event.
    static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{0B}": out += "\\v"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func decode(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "a"): return 0x07
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "v"): return 0x0B
        case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "?"): return byte
        default: return nil
        }
    }
}

extension AMIMessage {
    /// Escapes a value as Asterisk does for channel and caller-ID fields (for building events).
    public static func escapeValue(_ value: String) -> String { CEscaping.escape(value) }
}
