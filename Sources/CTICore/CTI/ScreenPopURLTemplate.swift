/// A site's CRM link for a call, like `https://crm.example/search?phone={callerNumber}`.
///
/// Placeholders name fields of the pop; values are percent-encoded (RFC 3986 unreserved kept).
public struct ScreenPopURLTemplate: Sendable, Hashable {
    /// Fields a template may use.
    public enum Field: String, Sendable, CaseIterable {
        case callerNumber, callerName, dnis, queue, callID, customerID
    }

    /// Why a template was refused.
    public enum TemplateError: Error, Sendable, Hashable {
        case unknownPlaceholder(String)
        case unclosedBrace
        case notHTTP
    }

    enum Part: Sendable, Hashable {
        case literal(String)
        case field(Field)
    }

    public let template: String
    let parts: [Part]

    public init(_ template: String) throws(TemplateError) {
        guard template.hasPrefix("https://") || template.hasPrefix("http://") else { throw .notHTTP }
        var parts: [Part] = []
        var literal = ""
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            if character == "{" {
                guard let close = template[index...].firstIndex(of: "}") else { throw .unclosedBrace }
                let name = String(template[template.index(after: index)..<close])
                guard let field = Field(rawValue: name) else { throw .unknownPlaceholder(name) }
                if !literal.isEmpty { parts.append(.literal(literal)) }
                literal = ""
                parts.append(.field(field))
                index = template.index(after: close)
            } else {
                literal.append(character)
                index = template.index(after: index)
            }
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.template = template
        self.parts = parts
    }

    /// The URL for `pop`; a missing value renders as empty.
    public func render(_ pop: CTICallPop) -> String {
        parts.map { part in
            switch part {
            case .literal(let text): text
            case .field(let field): Self.percentEncode(Self.value(field, in: pop))
            }
        }.joined()
    }

    static func value(_ field: Field, in pop: CTICallPop) -> String {
        switch field {
        case .callerNumber: pop.callerNumber
        case .callerName: pop.callerName ?? ""
        case .dnis: pop.dnis
        case .queue: pop.queue
        case .callID: pop.callID
        case .customerID: pop.customer?.id ?? ""
        }
    }

    /// Percent-encodes every byte outside RFC 3986's unreserved set.
    static func percentEncode(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                out.append("%")
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0x0F)]))
            }
        }
        return out
    }
}
