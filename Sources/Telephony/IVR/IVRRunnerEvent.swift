import ARI
import CTICore

/// What an ``IVRRunner`` did, for observers (logs, dashboards, tests).
public enum IVRRunnerEvent: Sendable, Hashable, DropMarking {
    /// A call entered a flow.
    case callStarted(channelID: String, flowID: String, version: Int, dnis: String)
    /// No flow for the DNIS: the call went to the dialplan fallback.
    case callUnrouted(channelID: String, dnis: String)
    /// A queue call went to the ACD.
    case handedOff(IVRQueuedCall)
    /// A call left the IVR.
    case callEnded(channelID: String, outcome: IVROutcome, path: IVRPath)
    /// An ARI request failed; the call went on as well as it could.
    case requestFailed(channelID: String, request: String, error: ARIError)
    /// An event the runner could not use (malformed, unknown type, bad digit); nothing changed.
    case ignored(channelID: String?, reason: String)
    /// After an events reconnect: calls still in Stasis kept running, others were ended or sent to the fallback.
    case resynced(adopted: [String], ended: [String])
    /// The observer fell behind and `count` events were dropped.
    case dropped(count: Int)
}
