import CTICore
import Telephony

/// A call that is live (or whose interaction is being written): what the ACD, or app_queue in
/// observer mode, knows of the caller, and the agent it was last offered or connected to.
public struct LiveCall: Sendable, Hashable {
    /// The caller's number, the customer the IVR identified, the queue.
    public var info: ACDCallInfo
    /// The agent the call was last offered or connected to; nil while it only waits.
    public var agent: AgentID?

    public init(info: ACDCallInfo, agent: AgentID? = nil) {
        self.info = info
        self.agent = agent
    }
}

/// Finds a call that is not stored yet, for a ticket an agent makes during it (``StoreRecordKeeper``):
/// the ticket gets the customer the screen-pop found for the same call, and is linked to the
/// interaction of that agent's connection once it is written.
public protocol LiveCallLookup: Sendable {
    /// The live call with `callID`; nil when none is known (never was, or already stored).
    func liveCall(_ callID: String) async -> LiveCall?
    /// Keeps ticket `ticketID` for `agent`'s live connection to `callID` (offered or connected,
    /// or its interaction being written), to be linked to the interaction written for it; false,
    /// keeping nothing, when the call is not live with `agent`.
    func linkWhenStored(ticketID: Int64, callID: String, agent: String) async -> Bool
    /// Keeps a (valid) disposition and note for `agent`'s connection to `callID` while the call
    /// is connected to them (or its interaction for them is being written), for the interaction
    /// written for it; false, keeping nothing, otherwise.
    func disposeWhenStored(callID: String, agent: String, disposition: String, note: String?) async -> Bool
}
