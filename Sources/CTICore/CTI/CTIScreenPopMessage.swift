import Foundation

/// A message the hub sends to one agent; each gets that agent's next sequence number.
public enum CTIScreenPopMessage: Sendable, Hashable {
    case offer(CTICallPop)
    case connected(CTICallPop)
    case callEnded(CTICallEnded)
    case stateChanged(CTIAgentStateChange)
    case wrapUp(CTIWrapUp)

    /// The frame's `type`.
    public var type: String {
        switch self {
        case .offer: "offer"
        case .connected: "connected"
        case .callEnded: "callEnded"
        case .stateChanged: "stateChanged"
        case .wrapUp: "wrapUp"
        }
    }

    /// The call this message is about, if any.
    public var callID: String? {
        switch self {
        case .offer(let pop), .connected(let pop): pop.callID
        case .callEnded(let ended): ended.callID
        case .wrapUp(let wrapUp): wrapUp.callID
        case .stateChanged: nil
        }
    }
}

/// A frame from server to client: `{"v":1,"type":…,"seq":N,"data":{…}}`.
///
/// Pops carry `seq`; `welcome`, `reply`, `error`, `ack` and `wallboard` do not.
public enum CTIServerFrame: Sendable, Hashable {
    /// The current schema version.
    public static let version = 1

    case pop(seq: UInt64, CTIScreenPopMessage)
    /// Authenticated: who the socket belongs to and the agent's last sequence number.
    case welcome(CTIWelcome)
    /// The answer to an action (`id` echoes the client's).
    case reply(CTIActionReply)
    /// A protocol problem; the socket stays open unless the code says otherwise.
    case error(CTIProtocolError)
    /// The server recorded an acknowledgement up to `seq`.
    case ack(seq: UInt64)
    case wallboard(WallboardSnapshot)

    /// The frame as compact JSON text.
    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every payload is a plain Codable struct; encoding cannot fail.
        let data = (try? encodeEnvelope(encoder)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private func encodeEnvelope(_ encoder: JSONEncoder) throws -> Data {
        switch self {
        case .pop(let seq, let message):
            switch message {
            case .offer(let pop), .connected(let pop):
                return try encoder.encode(CTIEnvelope(type: message.type, seq: seq, data: pop))
            case .callEnded(let ended):
                return try encoder.encode(CTIEnvelope(type: message.type, seq: seq, data: ended))
            case .stateChanged(let change):
                return try encoder.encode(CTIEnvelope(type: message.type, seq: seq, data: change))
            case .wrapUp(let wrapUp):
                return try encoder.encode(CTIEnvelope(type: message.type, seq: seq, data: wrapUp))
            }
        case .welcome(let welcome): return try encoder.encode(CTIEnvelope(type: "welcome", seq: nil, data: welcome))
        case .reply(let reply): return try encoder.encode(CTIEnvelope(type: "reply", seq: nil, data: reply))
        case .error(let error): return try encoder.encode(CTIEnvelope(type: "error", seq: nil, data: error))
        case .ack(let seq): return try encoder.encode(CTIEnvelope(type: "ack", seq: nil, data: CTIAckData(seq: seq)))
        case .wallboard(let snapshot): return try encoder.encode(CTIEnvelope(type: "wallboard", seq: nil, data: snapshot))
        }
    }

    /// Decodes a server frame (used by clients and tests).
    public static func decode(_ text: String) throws(CTIProtocolError) -> CTIServerFrame {
        let data = Data(text.utf8)
        let decoder = JSONDecoder()
        let head: CTIEnvelopeHead
        do { head = try decoder.decode(CTIEnvelopeHead.self, from: data) } catch {
            throw CTIProtocolError(.malformedJSON, "not a CTI frame")
        }
        guard head.v == version else { throw CTIProtocolError(.unsupportedVersion, "version \(head.v) is not supported") }
        func payload<T: Decodable>(_: T.Type) throws(CTIProtocolError) -> T {
            do { return try decoder.decode(CTIIncomingEnvelope<T>.self, from: data).data } catch {
                throw CTIProtocolError(.invalidData, "\(head.type): \(CTIProtocolError.describe(error))")
            }
        }
        func sequence() throws(CTIProtocolError) -> UInt64 {
            guard let seq = head.seq else { throw CTIProtocolError(.invalidData, "\(head.type) needs seq") }
            return seq
        }
        switch head.type {
        case "offer": return .pop(seq: try sequence(), .offer(try payload(CTICallPop.self)))
        case "connected": return .pop(seq: try sequence(), .connected(try payload(CTICallPop.self)))
        case "callEnded": return .pop(seq: try sequence(), .callEnded(try payload(CTICallEnded.self)))
        case "stateChanged": return .pop(seq: try sequence(), .stateChanged(try payload(CTIAgentStateChange.self)))
        case "wrapUp": return .pop(seq: try sequence(), .wrapUp(try payload(CTIWrapUp.self)))
        case "welcome": return .welcome(try payload(CTIWelcome.self))
        case "reply": return .reply(try payload(CTIActionReply.self))
        case "error": return .error(try payload(CTIProtocolError.self))
        case "ack": return .ack(seq: try payload(CTIAckData.self).seq)
        case "wallboard": return .wallboard(try payload(WallboardSnapshot.self))
        default: throw CTIProtocolError(.unknownType, "unknown frame type \"\(head.type)\"")
        }
    }
}

/// The `welcome` frame's data.
public struct CTIWelcome: Codable, Sendable, Hashable {
    public var userID: String
    public var agentID: String?
    public var displayName: String
    public var role: String
    /// The highest sequence number issued to this agent so far.
    public var lastSeq: UInt64

    public init(userID: String, agentID: String?, displayName: String, role: String, lastSeq: UInt64) {
        self.userID = userID
        self.agentID = agentID
        self.displayName = displayName
        self.role = role
        self.lastSeq = lastSeq
    }
}

struct CTIEnvelope<Payload: Codable>: Codable {
    var v = CTIServerFrame.version
    var type: String
    var seq: UInt64?
    var data: Payload

    init(type: String, seq: UInt64?, data: Payload) {
        self.type = type
        self.seq = seq
        self.data = data
    }
}

/// The decoding side of `CTIEnvelope`, for payloads that are only Decodable.
struct CTIIncomingEnvelope<Payload: Decodable>: Decodable {
    var v: Int
    var type: String
    var seq: UInt64?
    var data: Payload
}

struct CTIEnvelopeHead: Decodable {
    var v: Int
    var type: String
    var seq: UInt64?
}

struct CTIAckData: Codable, Hashable {
    var seq: UInt64
}
