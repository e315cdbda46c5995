import CTICore

/// The named schemas of the API (`components/schemas`): request bodies are checked against
/// them and the OpenAPI document is rendered from them, so the two cannot drift apart.
public enum APISchemas {
    static let text = APISchema.string()
    static let optionalText = APISchema.nullable(.string())
    static let texts = APISchema.array(.string())
    static let assigneeKind = APISchema.string(values: ["agent", "group"])
    static let linkKind = APISchema.string(values: ["interaction", "recording"])

    static func page(of item: String) -> APISchema {
        .object([
            APIProperty("items", .array(.ref(item)), required: true), APIProperty("total", .integer, required: true),
            APIProperty("limit", .integer, required: true), APIProperty("offset", .integer, required: true),
        ])
    }

    /// Every named schema.
    public static let components: [String: APISchema] = [requests, responses, qaRequests, qaResponses].reduce(into: [:]) { all, part in
        all.merge(part) { first, _ in first }
    }

    static let requests: [String: APISchema] = [
        "LoginRequest": .object([APIProperty("username", text, required: true), APIProperty("password", text, required: true)]),
        "CustomerDraft": .object([
            APIProperty("name", text, required: true),
            APIProperty("phoneNumbers", texts, default: .array([])),
            APIProperty("emails", texts, default: .array([])),
            APIProperty("company", optionalText),
            APIProperty("tags", texts, default: .array([])),
            APIProperty("isVIP", .boolean, default: .bool(false)),
            APIProperty("notes", optionalText),
            APIProperty("customFields", .map(text), default: .object([:])),
            APIProperty("ownerAgent", optionalText),
            APIProperty("ownerGroup", optionalText),
        ]),
        "TicketAssignee": .object([APIProperty("kind", assigneeKind, required: true), APIProperty("name", text, required: true)]),
        "TicketDraft": .object([
            APIProperty("subject", text, required: true),
            APIProperty("description", text, default: .string("")),
            APIProperty("priority", .enumeration(TicketPriority.self), default: .string("normal")),
            APIProperty("category", optionalText),
            APIProperty("assignee", .nullable(.ref("TicketAssignee"))),
            APIProperty("customerID", .nullable(.integer)),
        ]),
        "TicketUpdate": .object([
            APIProperty("subject", text),
            APIProperty("description", text),
            APIProperty("priority", .enumeration(TicketPriority.self)),
            APIProperty("category", text),
            APIProperty("status", .enumeration(TicketStatus.self)),
            APIProperty("assignee", .ref("TicketAssignee")),
            APIProperty("clearAssignee", .boolean),
            APIProperty("customerID", .integer),
        ]),
        "StatusChange": .object([APIProperty("status", .enumeration(TicketStatus.self), required: true)]),
        "CommentDraft": .object([APIProperty("body", text, required: true), APIProperty("isInternal", .boolean, default: .bool(false))]),
        "LinkDraft": .object([APIProperty("kind", linkKind, required: true), APIProperty("reference", text, required: true)]),
        "DispositionDraft": .object([APIProperty("disposition", text, required: true), APIProperty("note", optionalText)]),
        "UserDraft": .object([
            APIProperty("username", text, required: true),
            APIProperty("displayName", text, required: true),
            APIProperty("role", .enumeration(Role.self), required: true),
            APIProperty("groups", texts, default: .array([])),
            APIProperty("password", text, required: true),
        ]),
        "UserUpdate": .object([
            APIProperty("displayName", text),
            APIProperty("role", .enumeration(Role.self)),
            APIProperty("groups", texts),
            APIProperty("isActive", .boolean),
            APIProperty("password", text),
        ]),
        "TokenDraft": .object([APIProperty("name", text, required: true)]),
    ]

    static let responses: [String: APISchema] = [
        "Error": .object([
            APIProperty(
                "error",
                .object([
                    APIProperty("code", text, required: true), APIProperty("message", text, required: true),
                    APIProperty("fields", .array(.object([APIProperty("field", text, required: true), APIProperty("problem", text, required: true)]))),
                ]), required: true),
        ]),
        "Principal": .object([
            APIProperty("userID", text, required: true), APIProperty("agentID", text), APIProperty("displayName", text, required: true),
            APIProperty("role", .string(values: ["agent", "supervisor", "qa", "admin"]), required: true),
        ]),
        "SessionGrant": .object([APIProperty("token", text, required: true), APIProperty("principal", .ref("Principal"), required: true)]),
        "Ready": .object([APIProperty("ready", .boolean, required: true), APIProperty("checks", .map(.boolean), required: true)]),
        "Status": .object([APIProperty("status", text, required: true)]),
        "Customer": .object([
            APIProperty("id", .integer, required: true), APIProperty("name", text, required: true),
            APIProperty("phoneNumbers", texts, required: true), APIProperty("emails", texts, required: true),
            APIProperty("company", text), APIProperty("tags", texts, required: true), APIProperty("isVIP", .boolean, required: true),
            APIProperty("notes", text), APIProperty("customFields", .map(text), required: true), APIProperty("ownerAgent", text),
            APIProperty("ownerGroup", text), APIProperty("createdAt", .dateTime, required: true),
            APIProperty("updatedAt", .dateTime, required: true),
        ]),
        "CustomerPage": page(of: "Customer"),
        "Lookup": .object([APIProperty("number", text, required: true), APIProperty("customers", .array(.ref("Customer")), required: true)]),
        "Interaction": .object([
            APIProperty("id", .integer, required: true), APIProperty("callID", text),
            APIProperty("direction", .enumeration(CallDirection.self), required: true),
            APIProperty("fromNumber", text, required: true), APIProperty("toNumber", text, required: true),
            APIProperty("queue", text), APIProperty("agent", text), APIProperty("ivrPath", texts, required: true),
            APIProperty("startedAt", .dateTime, required: true), APIProperty("waitSeconds", .number, required: true),
            APIProperty("talkSeconds", .number, required: true), APIProperty("wrapUpSeconds", .number, required: true),
            APIProperty("disposition", text), APIProperty("recordingReference", text), APIProperty("customerID", .integer),
            APIProperty("ticketIDs", .array(.integer), required: true),
        ]),
        "InteractionPage": page(of: "Interaction"),
        "Ticket": .object([
            APIProperty("id", .integer, required: true), APIProperty("number", .integer, required: true),
            APIProperty("subject", text, required: true), APIProperty("description", text, required: true),
            APIProperty("priority", .enumeration(TicketPriority.self), required: true), APIProperty("category", text),
            APIProperty("status", .enumeration(TicketStatus.self), required: true), APIProperty("assignee", .ref("TicketAssignee")),
            APIProperty("customerID", .integer), APIProperty("createdBy", text, required: true),
            APIProperty("createdAt", .dateTime, required: true), APIProperty("updatedAt", .dateTime, required: true),
            APIProperty("dueAt", .dateTime, required: true), APIProperty("resolvedAt", .dateTime), APIProperty("closedAt", .dateTime),
            APIProperty("slaBreached", .boolean, required: true),
        ]),
        "TicketPage": page(of: "Ticket"),
        "TicketComment": .object([
            APIProperty("id", .integer, required: true), APIProperty("ticketID", .integer, required: true),
            APIProperty("author", text, required: true), APIProperty("body", text, required: true),
            APIProperty("isInternal", .boolean, required: true), APIProperty("createdAt", .dateTime, required: true),
        ]),
        "TicketLink": .object([
            APIProperty("kind", linkKind, required: true), APIProperty("reference", text, required: true),
            APIProperty("createdAt", .dateTime, required: true),
        ]),
        "TicketChange": .object([
            APIProperty("actor", text, required: true), APIProperty("at", .dateTime, required: true),
            APIProperty("field", text, required: true), APIProperty("oldValue", text), APIProperty("newValue", text),
        ]),
        "User": .object([
            APIProperty("id", .integer, required: true), APIProperty("username", text, required: true),
            APIProperty("displayName", text, required: true), APIProperty("role", .enumeration(Role.self), required: true),
            APIProperty("groups", texts, required: true), APIProperty("isActive", .boolean, required: true),
            APIProperty("createdAt", .dateTime, required: true), APIProperty("updatedAt", .dateTime, required: true),
        ]),
        "UserPage": page(of: "User"),
        "IssuedToken": .object([
            APIProperty("id", .integer, required: true), APIProperty("kind", .string(values: ["session", "api"]), required: true),
            APIProperty("token", text, required: true), APIProperty("user", .ref("User"), required: true),
            APIProperty("expiresAt", .dateTime),
        ]),
        "FlowSummary": .object([
            APIProperty("id", text, required: true), APIProperty("name", text, required: true),
            APIProperty("liveVersion", .integer, required: true), APIProperty("versions", .integer, required: true),
            APIProperty("publishedBy", text, required: true), APIProperty("publishedAt", .number, required: true),
        ]),
        "FlowProblems": .object([
            APIProperty("valid", .boolean, required: true),
            APIProperty(
                "problems",
                .array(.object([APIProperty("code", text, required: true), APIProperty("node", text), APIProperty("message", text, required: true)])),
                required: true),
        ]),
        "FlowChange": .object([
            APIProperty("version", .integer, required: true), APIProperty("by", text, required: true),
            APIProperty("at", .number, required: true), APIProperty("summary", text, required: true), APIProperty("note", text),
        ]),
        "Staffing": .object([
            APIProperty("trafficErlangs", .number, required: true), APIProperty("target", text, required: true),
            APIProperty("required", .any, required: true), APIProperty("scheduled", .integer, required: true),
        ]),
        "QueueStatisticsRow": .object([
            APIProperty("start", text, required: true), APIProperty("end", text, required: true),
            APIProperty("offered", .integer, required: true), APIProperty("answered", .integer, required: true),
            APIProperty("abandoned", .integer, required: true), APIProperty("shortAbandons", .integer, required: true),
            APIProperty("overflowed", .integer, required: true), APIProperty("callbacks", .integer, required: true),
            APIProperty("transferred", .integer, required: true), APIProperty("serviceLevel", .nullable(.number)),
            APIProperty("abandonRate", .nullable(.number)), APIProperty("averageSpeedOfAnswer", .nullable(.number)),
            APIProperty("averageHandleTime", .nullable(.number)), APIProperty("longestAnsweredWait", .number, required: true),
            APIProperty("transferRate", .nullable(.number)),
        ]),
        "AgentStatisticsRow": .object([
            APIProperty("start", text, required: true), APIProperty("end", text, required: true),
            APIProperty("handled", .integer, required: true), APIProperty("talkTime", .number, required: true),
            APIProperty("holdTime", .number, required: true), APIProperty("wrapUpTime", .number, required: true),
            APIProperty("missedOffers", .integer, required: true), APIProperty("loggedInTime", .number, required: true),
            APIProperty("occupancy", .nullable(.number)), APIProperty("stateTime", .any, required: true),
            APIProperty("pauseTime", .any, required: true),
        ]),
        "AgentStatisticsReport": .object([
            APIProperty("subject", text, required: true), APIProperty("intervalSeconds", .number, required: true),
            APIProperty("intervals", .array(.ref("AgentStatisticsRow")), required: true),
            APIProperty("total", .nullable(.ref("AgentStatisticsRow"))),
        ]),
        "QueueStatisticsReport": .object([
            APIProperty("subject", text, required: true), APIProperty("intervalSeconds", .number, required: true),
            APIProperty("intervals", .array(.ref("QueueStatisticsRow")), required: true),
            APIProperty("total", .nullable(.ref("QueueStatisticsRow"))),
        ]),
    ]
}
