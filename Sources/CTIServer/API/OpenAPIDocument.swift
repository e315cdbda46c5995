import CTICore

/// Renders the OpenAPI 3.1 document from ``APIOperations`` and ``APISchemas``.
public enum OpenAPIDocument {
    /// The document as JSON.
    public static func render(operations: [APIOperation] = APIOperations.all, components: [String: APISchema] = APISchemas.components) -> JSONValue {
        var paths: [String: [String: JSONValue]] = [:]
        for operation in operations {
            paths[operation.path, default: [:]][operation.method.lowercased()] = render(operation)
        }
        return .object([
            "openapi": .string("3.1.0"),
            "info": .object([
                "title": .string("CTIBridge API"), "version": .string("1"),
                "description": .string(
                    "Every 4xx/5xx answer has the body {\"error\":{\"code\",\"message\",\"fields\"?}}; validation_failed lists every bad field. Dates are ISO 8601."),
            ]),
            "paths": .object(paths.mapValues { JSONValue.object($0) }),
            "components": .object([
                "schemas": .object(components.mapValues { json($0) }),
                "securitySchemes": .object(["bearer": .object(["type": .string("http"), "scheme": .string("bearer")])]),
                "responses": .object([
                    "Error": .object([
                        "description": .string("An error; see the Error schema."),
                        "content": .object(["application/json": .object(["schema": json(.ref("Error"))])]),
                    ])
                ]),
            ]),
        ])
    }

    static func render(_ operation: APIOperation) -> JSONValue {
        var parameters: [JSONValue] = operation.pathParameters.map { name in
            .object(["name": .string(name), "in": .string("path"), "required": .bool(true), "schema": json(.string())])
        }
        parameters += operation.query.map { query in
            .object([
                "name": .string(query.name), "in": .string("query"), "required": .bool(query.required),
                "description": .string(query.summary), "schema": json(query.schema),
            ])
        }
        var responses: [String: JSONValue] = ["\(operation.status)": success(operation)]
        var errors = Set(operation.errors)
        errors.insert(500)
        if operation.secured { errors.formUnion([401, 403]) }
        if !operation.pathParameters.isEmpty { errors.insert(404) }
        if operation.body != nil { errors.formUnion([400, 413, 415, 422]) }
        if !operation.query.isEmpty { errors.insert(422) }
        for status in errors { responses["\(status)"] = .object(["$ref": .string("#/components/responses/Error")]) }
        var rendered: [String: JSONValue] = [
            "summary": .string(operation.summary),
            "tags": .array([.string(operation.tag)]),
            "operationId": .string(operationID(operation)),
            "responses": .object(responses),
            "security": .array(operation.secured ? [.object(["bearer": .array([])])] : []),
        ]
        if !parameters.isEmpty { rendered["parameters"] = .array(parameters) }
        if let body = operation.body {
            rendered["requestBody"] = .object([
                "required": .bool(true),
                "content": .object(Dictionary(uniqueKeysWithValues: operation.bodyMediaTypes.map { ($0, JSONValue.object(["schema": json(body)])) })),
            ])
        }
        return .object(rendered)
    }

    static func success(_ operation: APIOperation) -> JSONValue {
        switch operation.reply {
        case .json(let schema):
            .object(["description": .string("OK"), "content": .object(["application/json": .object(["schema": json(schema)])])])
        case .text(let type):
            .object(["description": .string("OK"), "content": .object([type: .object(["schema": json(.string())])])])
        case .webSocket:
            .object(["description": .string("Switching to the WebSocket protocol.")])
        case .empty:
            .object(["description": .string("Done; no body.")])
        }
    }

    static func operationID(_ operation: APIOperation) -> String {
        let words = operation.path.split { $0 == "/" || $0 == "." || $0 == "{" || $0 == "}" }.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        return operation.method.lowercased() + words.joined()
    }

    /// A schema as JSON Schema (2020-12, as OpenAPI 3.1 uses).
    static func json(_ schema: APISchema) -> JSONValue {
        switch schema {
        case .string(let format, let values):
            var object: [String: JSONValue] = ["type": .string("string")]
            if let format { object["format"] = .string(format) }
            if let values { object["enum"] = .array(values.map(JSONValue.string)) }
            return .object(object)
        case .integer: return .object(["type": .string("integer"), "format": .string("int64")])
        case .number: return .object(["type": .string("number")])
        case .boolean: return .object(["type": .string("boolean")])
        case .array(let items): return .object(["type": .string("array"), "items": json(items)])
        case .map(let values): return .object(["type": .string("object"), "additionalProperties": json(values)])
        case .nullable(let inner): return .object(["oneOf": .array([json(inner), .object(["type": .string("null")])])])
        case .ref(let name): return .object(["$ref": .string("#/components/schemas/\(name)")])
        case .any: return .object([:])
        case .oneOf(let choices): return .object(["oneOf": .array(choices.map(json))])
        case .object(let properties):
            var object: [String: JSONValue] = [
                "type": .string("object"), "additionalProperties": .bool(false),
                "properties": .object(Dictionary(uniqueKeysWithValues: properties.map { property in
                    var rendered = json(property.schema)
                    if let fallback = property.defaultValue, case .object(var members) = rendered {
                        members["default"] = fallback
                        rendered = .object(members)
                    }
                    return (property.name, rendered)
                })),
            ]
            let required = properties.filter(\.required).map { JSONValue.string($0.name) }
            if !required.isEmpty { object["required"] = .array(required) }
            return .object(object)
        }
    }
}
