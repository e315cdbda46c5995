import Foundation

/// A `Decoder` over checked YAML where the field decides what a scalar means.
///
/// A text field takes a scalar exactly as written (`1`, `0123`, `no`, `on` stay text); a number
/// field takes only a plain decimal number (no leading zero such as `05`, no `0x`, `.inf`); a
/// true/false field takes only plain `true` or `false` (YAML 1.1's `yes`/`no`/`on`/`off` are refused
/// with a hint); a plain `null`, `~` or empty value counts as absent. Quoted values are always text.
struct YAMLElementDecoder: Decoder {
    let element: YAMLElement
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = element.content else { throw mismatch([String: String].self) }
        return KeyedDecodingContainer(KeyedContainer<Key>(mapping: mapping, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let elements) = element.content else { throw mismatch([String].self) }
        return UnkeyedContainer(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValue(decoder: self) }

    func mismatch(_ type: Any.Type) -> DecodingError {
        if element.isNull {
            return .valueNotFound(type, .init(codingPath: codingPath, debugDescription: "null"))
        }
        return .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "wrong type"))
    }

    func corrupted(_ message: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: codingPath, debugDescription: message))
    }

    /// The value of type `T` at this element.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        switch type {
        case is String.Type: return try text() as! T
        case is Bool.Type: return try bool() as! T
        case is Double.Type: return try number() as! T
        case is Float.Type: return Float(try number()) as! T
        case is Int.Type: return try integer(Int.self) as! T
        case is Int8.Type: return try integer(Int8.self) as! T
        case is Int16.Type: return try integer(Int16.self) as! T
        case is Int32.Type: return try integer(Int32.self) as! T
        case is Int64.Type: return try integer(Int64.self) as! T
        case is UInt.Type: return try integer(UInt.self) as! T
        case is UInt8.Type: return try integer(UInt8.self) as! T
        case is UInt16.Type: return try integer(UInt16.self) as! T
        case is UInt32.Type: return try integer(UInt32.self) as! T
        case is UInt64.Type: return try integer(UInt64.self) as! T
        default: return try T(from: self)
        }
    }

    private func text() throws -> String {
        guard case .scalar(let text, _) = element.content, !element.isNull else { throw mismatch(String.self) }
        return text
    }

    private func plainScalar(_ type: Any.Type) throws -> String {
        guard case .scalar(let text, let plain) = element.content, !element.isNull else { throw mismatch(type) }
        guard plain else { throw mismatch(type) }
        return text
    }

    private func bool() throws -> Bool {
        let text = try plainScalar(Bool.self)
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        case "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N":
            throw corrupted("expected true or false; '\(text)' is text in a flow (YAML 1.2), write true or false")
        default: throw mismatch(Bool.self)
        }
    }

    private func number() throws -> Double {
        let text = try plainScalar(Double.self)
        try checkLeadingZero(text)
        guard text.wholeMatch(of: /[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?/) != nil, let value = Double(text) else {
            throw mismatch(Double.self)
        }
        return value
    }

    private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let text = try plainScalar(Int.self)
        try checkLeadingZero(text)
        guard text.wholeMatch(of: /[-+]?[0-9]+/) != nil else { throw mismatch(Int.self) }
        guard let value = T(text.hasPrefix("+") ? String(text.dropFirst()) : text) else { throw corrupted("\(text) is out of range") }
        return value
    }

    /// `0123` is octal in YAML 1.1 and 123 in YAML 1.2: refuse rather than guess.
    private func checkLeadingZero(_ text: String) throws {
        let digits = text.drop { $0 == "-" || $0 == "+" }
        if digits.count > 1, digits.first == "0", let second = digits.dropFirst().first, second.isNumber {
            throw corrupted("'\(text)' has a leading zero, which YAML reads differently by version; write the number without it")
        }
    }

    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let mapping: YAMLMapping
        let codingPath: [any CodingKey]

        var allKeys: [Key] { mapping.keys.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { mapping[key.stringValue] != nil }

        private func child(_ key: Key) throws -> YAMLElementDecoder {
            guard let element = mapping[key.stringValue] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing"))
            }
            return YAMLElementDecoder(element: element, codingPath: codingPath + [key])
        }

        func decodeNil(forKey key: Key) throws -> Bool { try child(key).element.isNull }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key).decode(type) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key).decode(type) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try child(key).decode(type) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try child(key).decode(type) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key).decode(type) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try child(key).decode(type) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try child(key).decode(type) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try child(key).decode(type) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try child(key).decode(type) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try child(key).decode(type) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try child(key).decode(type) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try child(key).decode(type) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try child(key).decode(type) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try child(key).decode(type) }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decode(type) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try child(key).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try child(key).unkeyedContainer() }

        func superDecoder() throws -> any Decoder {
            YAMLElementDecoder(element: YAMLElement(content: .mapping(mapping), line: 0, column: 0), codingPath: codingPath)
        }

        func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
    }

    struct UnkeyedContainer: UnkeyedDecodingContainer {
        let elements: [YAMLElement]
        let codingPath: [any CodingKey]
        private(set) var currentIndex = 0

        init(elements: [YAMLElement], codingPath: [any CodingKey]) {
            self.elements = elements
            self.codingPath = codingPath
        }

        var count: Int? { elements.count }
        var isAtEnd: Bool { currentIndex >= elements.count }

        private mutating func next(_ type: Any.Type) throws -> YAMLElementDecoder {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(type, .init(codingPath: codingPath, debugDescription: "no more elements"))
            }
            defer { currentIndex += 1 }
            return YAMLElementDecoder(element: elements[currentIndex], codingPath: codingPath + [IndexKey(intValue: currentIndex)])
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, elements[currentIndex].isNull else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type).decode(type) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try next([String: String].self).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next([String].self).unkeyedContainer() }

        mutating func superDecoder() throws -> any Decoder { try next(Any.self) }
    }

    struct SingleValue: SingleValueDecodingContainer {
        let decoder: YAMLElementDecoder
        var codingPath: [any CodingKey] { decoder.codingPath }

        func decodeNil() -> Bool { decoder.element.isNull }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(type) }
    }

    struct IndexKey: CodingKey {
        let intValue: Int?
        var stringValue: String { "\(intValue ?? 0)" }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }
}
