/// One step of a flow: an id unique in the flow and what the step does.
///
/// In JSON a node is one object: `id`, `type` and the fields of that type, side by side.
public struct IVRNode: Sendable, Hashable, Codable, Identifiable {
    /// Unique within the flow; other nodes name it as their target.
    public var id: String
    /// What the node does.
    public var kind: Kind

    public init(id: String, _ kind: Kind) {
        self.id = id
        self.kind = kind
    }

    /// The node types.
    public enum Kind: Sendable, Hashable {
        case play(Play)
        case menu(Menu)
        case collect(Collect)
        case timeCondition(TimeCondition)
        case language(Language)
        case setVariable(SetVariable)
        case lookup(Lookup)
        case queue(Queue)
        case callback(Callback)
        case survey(Survey)
        case record(Record)
        case transfer(Transfer)
        case hangUp(HangUp)
        case goto(Goto)
    }

    /// The `type` values in JSON, one per kind.
    public static let typeNames = [
        "play", "menu", "collect", "time_condition", "language", "set_variable", "lookup",
        "queue", "callback", "survey", "record", "transfer", "hangup", "goto",
    ]

    /// The `type` value of this node in JSON.
    public var typeName: String {
        switch kind {
        case .play: "play"
        case .menu: "menu"
        case .collect: "collect"
        case .timeCondition: "time_condition"
        case .language: "language"
        case .setVariable: "set_variable"
        case .lookup: "lookup"
        case .queue: "queue"
        case .callback: "callback"
        case .survey: "survey"
        case .record: "record"
        case .transfer: "transfer"
        case .hangUp: "hangup"
        case .goto: "goto"
        }
    }

    private enum CodingKeys: String, CodingKey { case id, type }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id) ?? ""
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "play": kind = .play(try Play(from: decoder))
        case "menu": kind = .menu(try Menu(from: decoder))
        case "collect": kind = .collect(try Collect(from: decoder))
        case "time_condition": kind = .timeCondition(try TimeCondition(from: decoder))
        case "language": kind = .language(try Language(from: decoder))
        case "set_variable": kind = .setVariable(try SetVariable(from: decoder))
        case "lookup": kind = .lookup(try Lookup(from: decoder))
        case "queue": kind = .queue(try Queue(from: decoder))
        case "callback": kind = .callback(try Callback(from: decoder))
        case "survey": kind = .survey(try Survey(from: decoder))
        case "record": kind = .record(try Record(from: decoder))
        case "transfer": kind = .transfer(try Transfer(from: decoder))
        case "hangup": kind = .hangUp(try HangUp(from: decoder))
        case "goto": kind = .goto(try Goto(from: decoder))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container,
                debugDescription: "unknown node type '\(type)'; expected one of \(IVRNode.typeNames.joined(separator: ", "))")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(typeName, forKey: .type)
        switch kind {
        case .play(let node): try node.encode(to: encoder)
        case .menu(let node): try node.encode(to: encoder)
        case .collect(let node): try node.encode(to: encoder)
        case .timeCondition(let node): try node.encode(to: encoder)
        case .language(let node): try node.encode(to: encoder)
        case .setVariable(let node): try node.encode(to: encoder)
        case .lookup(let node): try node.encode(to: encoder)
        case .queue(let node): try node.encode(to: encoder)
        case .callback(let node): try node.encode(to: encoder)
        case .survey(let node): try node.encode(to: encoder)
        case .record(let node): try node.encode(to: encoder)
        case .transfer(let node): try node.encode(to: encoder)
        case .hangUp(let node): try node.encode(to: encoder)
        case .goto(let node): try node.encode(to: encoder)
        }
    }
}
