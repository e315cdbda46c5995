import CTICore

/// A subset of JSON Schema describing request and response bodies: it both checks request
/// bodies (every problem listed) and is rendered into the OpenAPI document.
public indirect enum APISchema: Sendable, Hashable {
    /// A string, optionally one of `values`, or of a `format` such as `date-time`.
    case string(format: String? = nil, values: [String]? = nil)
    case integer
    case number
    case boolean
    case array(APISchema)
    /// An object with exactly these properties; unknown ones are rejected.
    case object([APIProperty])
    /// An object whose every value matches the schema (`additionalProperties`).
    case map(APISchema)
    /// The schema or `null`.
    case nullable(APISchema)
    /// A named schema under `components/schemas`.
    case ref(String)
    /// Any JSON value.
    case any
    /// A value matching one of the schemas, e.g. a string or an integer.
    case oneOf([APISchema])

    /// A string from a `CaseIterable` enum's raw values.
    public static func enumeration<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> APISchema where E.RawValue == String {
        .string(values: E.allCases.map(\.rawValue))
    }

    public static let dateTime = APISchema.string(format: "date-time")
}

/// One property of an object schema.
public struct APIProperty: Sendable, Hashable {
    public var name: String
    public var schema: APISchema
    public var required: Bool
    /// Filled in when the property is absent or null (for an optional property).
    public var defaultValue: JSONValue?

    public init(_ name: String, _ schema: APISchema, required: Bool = false, default defaultValue: JSONValue? = nil) {
        self.name = name
        self.schema = schema
        self.required = required
        self.defaultValue = defaultValue
    }
}

extension APISchema {
    /// Checks `value`: it with defaults filled in and optional nulls dropped, and every problem found.
    func check(_ value: JSONValue, at path: String, components: [String: APISchema]) -> (cleaned: JSONValue, problems: [APIError.FieldProblem]) {
        var problems: [APIError.FieldProblem] = []
        let cleaned = check(value, at: path, components: components, problems: &problems)
        return (cleaned, problems)
    }

    private func check(_ value: JSONValue, at path: String, components: [String: APISchema], problems: inout [APIError.FieldProblem]) -> JSONValue {
        func fail(_ problem: String) -> JSONValue {
            problems.append(.init(field: path.isEmpty ? "(body)" : path, problem: problem))
            return value
        }
        switch (self, value) {
        case (.any, _):
            return value
        case (.oneOf(let choices), _):
            for choice in choices {
                var tried: [APIError.FieldProblem] = []
                let cleaned = choice.check(value, at: path, components: components, problems: &tried)
                if tried.isEmpty { return cleaned }
            }
            return fail("must match one of \(choices.count) forms")
        case (.nullable, .null):
            return value
        case (.nullable(let inner), _):
            return inner.check(value, at: path, components: components, problems: &problems)
        case (.ref(let name), _):
            guard let schema = components[name] else { return fail("has no schema \(name)") }
            return schema.check(value, at: path, components: components, problems: &problems)
        case (.string(_, let values), .string(let text)):
            if let values, !values.contains(text) { return fail("must be one of \(values.joined(separator: ", "))") }
            return value
        case (.string(_, let values), _):
            return fail(values.map { "must be one of \($0.joined(separator: ", "))" } ?? "must be a string")
        case (.integer, .number(let number)):
            guard number.rounded(.towardZero) == number, abs(number) <= 9_007_199_254_740_991 else { return fail("must be an integer") }
            return value
        case (.integer, _):
            return fail("must be an integer")
        case (.number, .number):
            return value
        case (.number, _):
            return fail("must be a number")
        case (.boolean, .bool):
            return value
        case (.boolean, _):
            return fail("must be true or false")
        case (.array(let items), .array(let elements)):
            return .array(elements.enumerated().map { index, element in
                items.check(element, at: "\(path)[\(index)]", components: components, problems: &problems)
            })
        case (.array, _):
            return fail("must be an array")
        case (.map(let values), .object(let members)):
            var cleaned: [String: JSONValue] = [:]
            for key in members.keys.sorted() {
                cleaned[key] = values.check(members[key]!, at: Self.join(path, key), components: components, problems: &problems)
            }
            return .object(cleaned)
        case (.map, _):
            return fail("must be an object")
        case (.object(let properties), .object(let members)):
            var cleaned: [String: JSONValue] = [:]
            let known = Set(properties.map(\.name))
            for key in members.keys.sorted() where !known.contains(key) {
                problems.append(.init(field: Self.join(path, key), problem: "is not a known field"))
            }
            for property in properties {
                let field = Self.join(path, property.name)
                switch members[property.name] {
                case nil, .null?:
                    if property.required {
                        problems.append(.init(field: field, problem: members[property.name] == nil ? "is required" : "must not be null"))
                    } else if let fallback = property.defaultValue {
                        cleaned[property.name] = fallback
                    }
                case let member?:
                    cleaned[property.name] = property.schema.check(member, at: field, components: components, problems: &problems)
                }
            }
            return .object(cleaned)
        case (.object, _):
            return fail("must be an object")
        }
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}
