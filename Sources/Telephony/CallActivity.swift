/// One line in the life of a call, as a person watching the switchboard would describe it.
public enum CallActivity: Sendable, Hashable {
    /// A new call appeared.
    case started(linkedID: String, callerNumber: String?, callerName: String?)
    /// The caller joined a queue.
    case queued(linkedID: String, queue: String, position: Int)
    /// An agent's phone rings for the caller.
    case offered(linkedID: String, queue: String, agent: String)
    /// An agent did not answer.
    case missed(linkedID: String, queue: String, agent: String, ringSeconds: Double)
    /// An agent answered.
    case answered(linkedID: String, queue: String, agent: String, waitSeconds: Double)
    /// The caller hung up while waiting.
    case abandoned(linkedID: String, queue: String, waitSeconds: Double)
    /// The agent's part ended.
    case completed(linkedID: String, queue: String, agent: String, talkSeconds: Double, endedBy: String)
    /// The call's last channel hung up.
    case ended(linkedID: String)
    /// State was rebuilt from Asterisk: `calls` calls in progress.
    case resynced(calls: Int, afterReconnect: Bool)
    /// The connection to Asterisk dropped.
    case disconnected(reason: String)
}

extension CallActivity: CustomStringConvertible {
    /// One human-readable line, e.g. `call 1795370000.12: answered by Bob in support after 4s`.
    public var description: String {
        switch self {
        case .started(let id, let number, let name):
            let who = [number, name.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
            return "call \(id): new call from \(who.isEmpty ? "unknown caller" : who)"
        case .queued(let id, let queue, let position): return "call \(id): waiting in \(queue), position \(position)"
        case .offered(let id, let queue, let agent): return "call \(id): ringing \(agent) (\(queue))"
        case .missed(let id, _, let agent, let ring): return "call \(id): \(agent) did not answer after \(Self.seconds(ring))"
        case .answered(let id, let queue, let agent, let wait): return "call \(id): answered by \(agent) in \(queue) after \(Self.seconds(wait)) waiting"
        case .abandoned(let id, let queue, let wait): return "call \(id): caller hung up after \(Self.seconds(wait)) in \(queue)"
        case .completed(let id, _, let agent, let talk, let by): return "call \(id): \(agent) finished after \(Self.seconds(talk)) talk (\(by) hung up)"
        case .ended(let id): return "call \(id): ended"
        case .resynced(let calls, let after): return "\(after ? "reconnected and " : "")resynced with Asterisk: \(calls) call(s) in progress"
        case .disconnected(let reason): return "lost Asterisk: \(reason)"
        }
    }

    private static func seconds(_ value: Double) -> String {
        value < 10 ? "\((value * 10).rounded() / 10)s" : "\(Int(value.rounded()))s"
    }
}
