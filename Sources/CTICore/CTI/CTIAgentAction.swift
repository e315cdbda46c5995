/// Something an agent asks for, over the socket (`action` frame) or `POST /api/actions`.
///
/// JSON: `{"action":"pause","reason":"lunch"}`, `{"action":"blindTransfer","callID":"c1","destination":"2001"}`, …
public enum CTIAgentAction: Sendable, Hashable {
    case login(queues: [String])
    case logout(queues: [String])
    case ready
    case pause(reason: String)
    case endWrapUp
    case hangUp(callID: String)
    case hold(callID: String)
    case unhold(callID: String)
    case blindTransfer(callID: String, destination: String)
    case setDisposition(callID: String, disposition: String, note: String?)
    case createTicket(callID: String?, subject: String, description: String, priority: String)
    case linkTicket(callID: String, ticketID: String)

    /// The `action` field's value.
    public var name: String {
        switch self {
        case .login: "login"
        case .logout: "logout"
        case .ready: "ready"
        case .pause: "pause"
        case .endWrapUp: "endWrapUp"
        case .hangUp: "hangUp"
        case .hold: "hold"
        case .unhold: "unhold"
        case .blindTransfer: "blindTransfer"
        case .setDisposition: "setDisposition"
        case .createTicket: "createTicket"
        case .linkTicket: "linkTicket"
        }
    }
}

extension CTIAgentAction: Codable {
    enum CodingKeys: String, CodingKey {
        case action, queues, reason, callID, destination, disposition, note, subject, description, priority, ticketID
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .action)
        func text(_ key: CodingKeys) throws -> String {
            let value = try c.decode(String.self, forKey: key)
            guard !value.isEmpty else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "must not be empty")
            }
            return value
        }
        switch name {
        case "login": self = .login(queues: try c.decode([String].self, forKey: .queues))
        case "logout": self = .logout(queues: try c.decodeIfPresent([String].self, forKey: .queues) ?? [])
        case "ready": self = .ready
        case "pause": self = .pause(reason: try text(.reason))
        case "endWrapUp": self = .endWrapUp
        case "hangUp": self = .hangUp(callID: try text(.callID))
        case "hold": self = .hold(callID: try text(.callID))
        case "unhold": self = .unhold(callID: try text(.callID))
        case "blindTransfer": self = .blindTransfer(callID: try text(.callID), destination: try text(.destination))
        case "setDisposition":
            self = .setDisposition(
                callID: try text(.callID), disposition: try text(.disposition),
                note: try c.decodeIfPresent(String.self, forKey: .note))
        case "createTicket":
            self = .createTicket(
                callID: try c.decodeIfPresent(String.self, forKey: .callID), subject: try text(.subject),
                description: try c.decodeIfPresent(String.self, forKey: .description) ?? "",
                priority: try c.decodeIfPresent(String.self, forKey: .priority) ?? "normal")
        case "linkTicket": self = .linkTicket(callID: try text(.callID), ticketID: try text(.ticketID))
        default:
            throw DecodingError.dataCorruptedError(forKey: .action, in: c, debugDescription: "unknown action")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .action)
        switch self {
        case .login(let queues), .logout(let queues): try c.encode(queues, forKey: .queues)
        case .ready, .endWrapUp: break
        case .pause(let reason): try c.encode(reason, forKey: .reason)
        case .hangUp(let callID), .hold(let callID), .unhold(let callID): try c.encode(callID, forKey: .callID)
        case .blindTransfer(let callID, let destination):
            try c.encode(callID, forKey: .callID)
            try c.encode(destination, forKey: .destination)
        case .setDisposition(let callID, let disposition, let note):
            try c.encode(callID, forKey: .callID)
            try c.encode(disposition, forKey: .disposition)
            try c.encodeIfPresent(note, forKey: .note)
        case .createTicket(let callID, let subject, let description, let priority):
            try c.encodeIfPresent(callID, forKey: .callID)
            try c.encode(subject, forKey: .subject)
            try c.encode(description, forKey: .description)
            try c.encode(priority, forKey: .priority)
        case .linkTicket(let callID, let ticketID):
            try c.encode(callID, forKey: .callID)
            try c.encode(ticketID, forKey: .ticketID)
        }
    }
}

/// The result of an action: `ok`, and on success an optional result (a new ticket id, …).
public struct CTIActionReply: Codable, Sendable, Hashable {
    /// Echoes the client's request id (socket) so it can match replies.
    public var id: String?
    public var action: String
    public var ok: Bool
    public var result: [String: String]
    public var error: CTIProtocolError?

    public init(id: String? = nil, action: String, ok: Bool, result: [String: String] = [:], error: CTIProtocolError? = nil) {
        self.id = id
        self.action = action
        self.ok = ok
        self.result = result
        self.error = error
    }
}
