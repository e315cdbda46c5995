/// One documented route: the single table the OpenAPI document is rendered from (and checked
/// against the router's registered routes by a test).
public struct APIOperation: Sendable, Hashable {
    /// What the route answers with on success.
    public enum Reply: Sendable, Hashable {
        case json(APISchema)
        case text(String)
        case webSocket
        case empty
    }

    /// A query parameter.
    public struct Query: Sendable, Hashable {
        public var name: String
        public var schema: APISchema
        public var summary: String
        public var required: Bool

        public init(_ name: String, _ schema: APISchema = .string(), _ summary: String, required: Bool = false) {
            self.name = name
            self.schema = schema
            self.summary = summary
            self.required = required
        }
    }

    public var method: String
    /// OpenAPI form, e.g. `/api/customers/{id}`.
    public var path: String
    public var tag: String
    public var summary: String
    /// Whether a bearer token is needed.
    public var secured: Bool
    public var query: [Query]
    /// The JSON request body's schema, if the route takes one.
    public var body: APISchema?
    /// The media types the request body may be sent as (JSON unless the route also reads others).
    public var bodyMediaTypes: [String]
    public var status: Int
    public var reply: Reply
    /// Further statuses the route answers with, beyond the generic ones.
    public var errors: [Int]

    public init(
        _ method: String, _ path: String, tag: String, _ summary: String, secured: Bool = true, query: [Query] = [],
        body: APISchema? = nil, status: Int = 200, reply: Reply, errors: [Int] = [], bodyMediaTypes: [String] = ["application/json"]
    ) {
        self.bodyMediaTypes = bodyMediaTypes
        self.method = method
        self.path = path
        self.tag = tag
        self.summary = summary
        self.secured = secured
        self.query = query
        self.body = body
        self.status = status
        self.reply = reply
        self.errors = errors
    }

    /// Path parameters (`{id}` → `id`).
    public var pathParameters: [String] {
        path.split(separator: "/").compactMap { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? String(part.dropFirst().dropLast()) : nil
        }
    }
}
