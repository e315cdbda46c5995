/// One AMI message: an ordered multimap of `Name: value` headers, as Asterisk sent it.
///
/// Headers keep their order, repeated names (`Output`, `Variable`, `ChanVariable`) and empty
/// values. Lookups by name are ASCII case-insensitive and return the first match, as Asterisk
/// itself reads requests. The bytes are kept once; strings are made only when asked for.
public struct AMIMessage: Sendable {
    /// Offsets of one header inside ``bytes``.
    @usableFromInline
    struct Field: Sendable, Hashable {
        @usableFromInline var nameStart: Int32
        @usableFromInline var nameEnd: Int32
        @usableFromInline var valueStart: Int32
        @usableFromInline var valueEnd: Int32
    }

    @usableFromInline var bytes: [UInt8]
    @usableFromInline var fields: [Field]
    /// Index of the first `Event` header, -1 when there is none (found once, while decoding).
    @usableFromInline var eventIndex: Int32

    @usableFromInline
    init(bytes: [UInt8], fields: [Field], eventIndex: Int32) {
        self.bytes = bytes
        self.fields = fields
        self.eventIndex = eventIndex
    }

    /// An empty message.
    public init() {
        self.bytes = []
        self.fields = []
        self.eventIndex = -1
    }

    /// A message with these headers, in this order. Values are stored as given (no escaping).
    public init(_ headers: KeyValuePairs<String, String>) {
        self.init()
        for (name, value) in headers { append(name, value) }
    }

    /// A message with these headers, in this order. Values are stored as given (no escaping).
    public init(headers: [AMIHeader]) {
        self.init()
        for header in headers { append(header.name, header.value) }
    }

    /// Appends a header at the end.
    public mutating func append(_ name: String, _ value: String) {
        let nameStart = Int32(bytes.count)
        bytes.append(contentsOf: name.utf8)
        let nameEnd = Int32(bytes.count)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
        let valueStart = Int32(bytes.count)
        bytes.append(contentsOf: value.utf8)
        let valueEnd = Int32(bytes.count)
        bytes.append(UInt8(ascii: "\r"))
        bytes.append(UInt8(ascii: "\n"))
        fields.append(Field(nameStart: nameStart, nameEnd: nameEnd, valueStart: valueStart, valueEnd: valueEnd))
        if eventIndex < 0 && Self.isEventName(bytes[Int(nameStart)..<Int(nameEnd)]) { eventIndex = Int32(fields.count - 1) }
    }

    /// Whether a header name is `Event`, in any case.
    @inline(__always)
    static func isEventName<C: Collection>(_ name: C) -> Bool where C.Element == UInt8 {
        asciiCaseInsensitiveEquals(name, eventHeader)
    }

    static let eventHeader: [UInt8] = Array("Event".utf8)

    /// Returns a copy with one more header at the end.
    public func appending(_ name: String, _ value: String) -> AMIMessage {
        var copy = self
        copy.append(name, value)
        return copy
    }

    /// Number of header lines.
    public var count: Int { fields.count }

    /// Whether the message has no headers.
    public var isEmpty: Bool { fields.isEmpty }

    /// All headers in order, values as sent (still C-escaped).
    public var headers: [AMIHeader] {
        fields.map { AMIHeader(name: string(from: $0.nameStart, to: $0.nameEnd), value: string(from: $0.valueStart, to: $0.valueEnd)) }
    }

    /// The first value for `name` (case-insensitive), with Asterisk's C escapes undone.
    public subscript(name: String) -> String? {
        guard let index = firstIndex(of: name) else { return nil }
        return CEscaping.unescape(valueBytes(at: index))
    }

    /// The first value for `name` exactly as sent, C escapes kept.
    public func rawValue(_ name: String) -> String? {
        guard let index = firstIndex(of: name) else { return nil }
        let field = fields[index]
        return string(from: field.valueStart, to: field.valueEnd)
    }

    /// Every value for `name` in order (for `Output`, `Variable`, `ChanVariable`), unescaped.
    public func values(_ name: String) -> [String] {
        var result: [String] = []
        let key = Array(name.utf8)
        for field in fields where nameMatches(field, key) {
            result.append(CEscaping.unescape(bytes[Int(field.valueStart)..<Int(field.valueEnd)]))
        }
        return result
    }

    /// Whether a header named `name` is present (case-insensitive).
    public func contains(_ name: String) -> Bool { firstIndex(of: name) != nil }

    /// The `Event` header: present on every event, including `OriginateResponse`, which also has `Response`.
    public var eventName: String? {
        guard eventIndex >= 0 else { return nil }
        let field = fields[Int(eventIndex)]
        return string(from: field.valueStart, to: field.valueEnd)
    }

    /// The `Response` header (`Success`, `Error`, `Goodbye`, or `Follows` from old servers).
    public var response: String? { rawValue("Response") }

    /// The `ActionID` header.
    public var actionID: String? { rawValue("ActionID") }

    /// The `Message` header.
    public var messageText: String? { self["Message"] }

    /// Whether this is an event (has `Event:`), even when it also carries `Response:`.
    public var isEvent: Bool { eventIndex >= 0 }

    /// Whether the event name equals `name`, compared without allocating.
    public func isEvent(named name: String) -> Bool {
        guard eventIndex >= 0 else { return false }
        let field = fields[Int(eventIndex)]
        return asciiCaseInsensitiveEquals(bytes[Int(field.valueStart)..<Int(field.valueEnd)], Array(name.utf8))
    }

    /// Number of bytes the message occupied on the wire (its lines, without the blank line).
    public var byteCount: Int { bytes.count }

    @usableFromInline
    func firstIndex(of name: String) -> Int? {
        var name = name
        return name.withUTF8 { key in
            for index in fields.indices where nameMatches(fields[index], key) { return index }
            return nil
        }
    }

    @inline(__always)
    func nameMatches<C: Collection>(_ field: Field, _ key: C) -> Bool where C.Element == UInt8 {
        asciiCaseInsensitiveEquals(bytes[Int(field.nameStart)..<Int(field.nameEnd)], key)
    }

    func valueBytes(at index: Int) -> ArraySlice<UInt8> {
        let field = fields[index]
        return bytes[Int(field.valueStart)..<Int(field.valueEnd)]
    }

    func string(from start: Int32, to end: Int32) -> String {
        String(decoding: bytes[Int(start)..<Int(end)], as: UTF8.self)
    }

    /// Calls `body` with each header's name and value bytes, without making strings.
    public func forEachHeader(_ body: (ArraySlice<UInt8>, ArraySlice<UInt8>) throws -> Void) rethrows {
        for field in fields {
            try body(bytes[Int(field.nameStart)..<Int(field.nameEnd)], bytes[Int(field.valueStart)..<Int(field.valueEnd)])
        }
    }
}

/// One `Name: value` header line.
public struct AMIHeader: Sendable, Hashable {
    /// The header name as sent.
    public var name: String
    /// The value as sent.
    public var value: String

    /// A header.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

@inline(__always)
func asciiCaseInsensitiveEquals<A: Collection, B: Collection>(_ lhs: A, _ rhs: B) -> Bool
where A.Element == UInt8, B.Element == UInt8 {
    guard lhs.count == rhs.count else { return false }
    var right = rhs.makeIterator()
    for left in lhs {
        guard let other = right.next() else { return false }
        if left != other {
            // Fold ASCII letters only.
            let l = left | 0x20
            guard l == other | 0x20, l >= UInt8(ascii: "a"), l <= UInt8(ascii: "z") else { return false }
        }
    }
    return true
}

extension AMIMessage: Equatable {
    /// Two messages are equal when they carry the same headers in the same order.
    public static func == (lhs: AMIMessage, rhs: AMIMessage) -> Bool {
        guard lhs.fields.count == rhs.fields.count else { return false }
        for (l, r) in zip(lhs.fields, rhs.fields) {
            guard lhs.bytes[Int(l.nameStart)..<Int(l.nameEnd)].elementsEqual(rhs.bytes[Int(r.nameStart)..<Int(r.nameEnd)]),
                lhs.bytes[Int(l.valueStart)..<Int(l.valueEnd)].elementsEqual(rhs.bytes[Int(r.valueStart)..<Int(r.valueEnd)])
            else { return false }
        }
        return true
    }
}

extension AMIMessage: Hashable {
    public func hash(into hasher: inout Hasher) {
        forEachHeader { name, value in
            hasher.combine(name.count)
            for byte in name { hasher.combine(byte) }
            hasher.combine(value.count)
            for byte in value { hasher.combine(byte) }
        }
    }
}

extension AMIMessage: CustomStringConvertible {
    /// Header names whose values are never printed.
    static let secretHeaders: Set<String> = ["secret", "key"]

    /// The message as wire text, with `Secret` and `Key` values redacted so it is safe to log.
    public var description: String {
        var text = ""
        for header in headers {
            let hidden = Self.secretHeaders.contains(header.name.lowercased())
            text += "\(header.name): \(hidden ? "<redacted>" : header.value)\n"
        }
        return text
    }
}
