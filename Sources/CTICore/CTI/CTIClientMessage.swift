import Foundation

/// A frame from client to server: `{"v":1,"type":…,"data":{…}}`.
public enum CTIClientMessage: Sendable, Hashable {
    /// First frame when the token is not in the URL; `lastSeq` asks for a replay.
    case auth(token: String, lastSeq: UInt64?)
    /// The desktop has shown everything up to `seq`.
    case ack(seq: UInt64)
    /// Replay everything after `lastSeq` (within the journal's bound).
    case resume(lastSeq: UInt64)
    /// An agent action; `id` comes back in the reply.
    case action(id: String?, CTIAgentAction)
    case ping

    /// Parses one text frame, with a typed error for each way it can be wrong.
    public static func parse(_ text: String) throws(CTIProtocolError) -> CTIClientMessage {
        let data = Data(text.utf8)
        let decoder = JSONDecoder()
        guard (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else {
            throw CTIProtocolError(.malformedJSON, "frame is not a JSON object")
        }
        let head: CTIEnvelopeHead
        do { head = try decoder.decode(CTIEnvelopeHead.self, from: data) } catch {
            throw CTIProtocolError(.malformedJSON, "frame needs \"v\" and \"type\" (\(CTIProtocolError.describe(error)))")
        }
        guard head.v == CTIServerFrame.version else {
            throw CTIProtocolError(.unsupportedVersion, "version \(head.v) is not supported; use \(CTIServerFrame.version)")
        }
        func payload<T: Decodable>(_: T.Type) throws(CTIProtocolError) -> T {
            do { return try decoder.decode(CTIIncomingEnvelope<T>.self, from: data).data } catch {
                throw CTIProtocolError(.invalidData, "\(head.type): \(CTIProtocolError.describe(error))")
            }
        }
        switch head.type {
        case "auth":
            let auth = try payload(AuthData.self)
            return .auth(token: auth.token, lastSeq: auth.lastSeq)
        case "ack": return .ack(seq: try payload(CTIAckData.self).seq)
        case "resume": return .resume(lastSeq: try payload(ResumeData.self).lastSeq)
        case "action":
            let action = try payload(ActionData.self)
            return .action(id: action.id, action.action)
        case "ping": return .ping
        default: throw CTIProtocolError(.unknownType, "unknown message type \"\(head.type)\"")
        }
    }

    /// The frame as JSON text (for clients and tests).
    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data: Data?
        switch self {
        case .auth(let token, let lastSeq): data = try? encoder.encode(CTIEnvelope(type: "auth", seq: nil, data: AuthData(token: token, lastSeq: lastSeq)))
        case .ack(let seq): data = try? encoder.encode(CTIEnvelope(type: "ack", seq: nil, data: CTIAckData(seq: seq)))
        case .resume(let lastSeq): data = try? encoder.encode(CTIEnvelope(type: "resume", seq: nil, data: ResumeData(lastSeq: lastSeq)))
        case .action(let id, let action): data = try? encoder.encode(CTIEnvelope(type: "action", seq: nil, data: ActionData(id: id, action: action)))
        case .ping: data = try? encoder.encode(CTIEnvelope(type: "ping", seq: nil, data: [String: String]()))
        }
        return String(decoding: data ?? Data(), as: UTF8.self)
    }

    struct AuthData: Codable { var token: String; var lastSeq: UInt64? }
    struct ResumeData: Codable { var lastSeq: UInt64 }
    struct ActionData: Codable { var id: String?; var action: CTIAgentAction }
}
