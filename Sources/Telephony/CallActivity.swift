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
