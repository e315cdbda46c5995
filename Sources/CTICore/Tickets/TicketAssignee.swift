/// Who works a ticket: one agent, or a group any of whose members may pick it up.
public struct TicketAssignee: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable {
        case agent
        case group
    }

    public var kind: Kind
    /// Agent username or group name.
    public var name: String

    public init(kind: Kind, name: String) {
        self.kind = kind
        self.name = name
    }

    /// Assigned to agent `name`.
    public static func agent(_ name: String) -> TicketAssignee { TicketAssignee(kind: .agent, name: name) }
    /// Assigned to group `name`.
    public static func group(_ name: String) -> TicketAssignee { TicketAssignee(kind: .group, name: name) }

    /// `agent:alice` or `group:billing`, as stored in history.
    public var label: String { "\(kind.rawValue):\(name)" }
}
