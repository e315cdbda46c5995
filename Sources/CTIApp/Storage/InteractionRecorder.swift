import CTICore
import Foundation
import Logging
import Storage
import Telephony

/// Writes every call the ACD finishes (answered or abandoned) to the store as an interaction,
/// with its wait, talk, IVR path, customer and recording; and, when the agent's wrap-up after it
/// is over, how long that took.
///
/// Each connection to an agent is its own interaction: a caller app_queue connects again after a
/// transfer back to the queue (observer mode, same call id) gets one row per connection, each
/// with its agent, and the tickets (and disposition) an agent gave during their connection go
/// to theirs.
public actor InteractionRecorder {
    let store: CTIStore
    let wallClock: @Sendable () -> Date
    let logger: Logger

    private struct Pending {
        var info: ACDCallInfo
        var startedAt: Date
        var wait: Double = 0
        var recording: String?
        /// The agent the call was last offered or connected to.
        var agent: AgentID?
        /// The agent it is connected to (whose row is written next).
        var connected: AgentID?
        /// The disposition (and note) that agent gave during the call, for their row.
        var disposition: (disposition: String, note: String?)?
    }

    private var pending: [CallID: Pending] = [:]
    /// Calls taken off `pending` whose interaction is being written (for ``liveCall(_:)``), with
    /// the agent of the row being written; cleared only once no ticket or disposition waits for
    /// that row.
    private var writing: [CallID: Pending] = [:]
    /// Each agent's last call, and since when the agent wraps up after it.
    private var lastCall: [AgentID: CallID] = [:]
    private var wrapping: [AgentID: (call: CallID, since: Date)] = [:]

    let pendingLinks: PendingTicketLinks

    /// `pendingLinks`: tickets agents made during their connections to calls, linked to each
    /// connection's interaction once it is written (a fresh, private one when nil).
    public init(
        store: CTIStore, wallClock: @escaping @Sendable () -> Date = { Date() }, pendingLinks: PendingTicketLinks? = nil,
        logger: Logger = Logger(label: "ctibridge.interactions")
    ) {
        self.store = store
        self.wallClock = wallClock
        self.pendingLinks = pendingLinks ?? PendingTicketLinks()
        self.logger = logger
    }

    /// Records calls until the stream ends.
    public func run(events: BoundedEventStream<ACDControllerEvent>) async {
        for await event in events { await handle(event) }
    }

    public func handle(_ event: ACDControllerEvent) async {
        switch event {
        case .queued(let info, _):
            if pending[info.id] == nil { pending[info.id] = Pending(info: info, startedAt: wallClock()) }
        case .offered(let agent, let info, let wait):
            var call = pending[info.id] ?? Pending(info: info, startedAt: wallClock())
            call.wait = wait
            call.agent = agent
            pending[info.id] = call
        case .overflowed(let id, _, let queue):
            // Stored under the queue that answered (or lost) the call.
            pending[id]?.info.queue = queue
        case .connected(let id, let agent, _, let recording):
            pending[id]?.recording = recording
            pending[id]?.agent = agent
            pending[id]?.connected = agent
        case .ended(let id, let agent, _, let talk):
            await record(id, agent: agent, talk: talk)
            lastCall[agent] = id
        case .wrapUp(let agent, _, _):
            if let call = lastCall[agent] { wrapping[agent] = (call, wallClock()) }
        case .agentState(let agent, let state):
            guard state.kind != .wrapUp, let wrap = wrapping.removeValue(forKey: agent) else { break }
            lastCall[agent] = nil
            let seconds = max(0, wallClock().timeIntervalSince(wrap.since))
            do {
                try await store.interactions.setWrapUp(callID: wrap.call.rawValue, agent: agent.rawValue, seconds: seconds)
            } catch {
                logger.error("could not store the wrap-up time", metadata: ["call": "\(wrap.call)", "error": "\(error)"])
            }
        case .abandoned(let id, _, let wait):
            pending[id]?.wait = wait
            await record(id, agent: nil, talk: 0, disposition: "abandoned")
        case .leftQueue(let id, _, let reason):
            await record(id, agent: nil, talk: 0, disposition: reason)
        default:
            break
        }
    }

    private func record(_ id: CallID, agent: AgentID?, talk: Double, disposition: String? = nil) async {
        guard var call = pending.removeValue(forKey: id) else { return }
        call.agent = agent
        writing[id] = call
        defer { writing[id] = nil }
        let info = call.info
        let draft = InteractionDraft(
            callID: id.rawValue, direction: .inbound, fromNumber: info.callerNumber ?? "unknown", toNumber: info.dnis ?? "unknown",
            queue: info.queue.rawValue, agent: agent?.rawValue, ivrPath: info.ivrPath, startedAt: call.startedAt,
            waitSeconds: call.wait, talkSeconds: talk, disposition: disposition, recordingReference: call.recording,
            customerID: info.customerID.flatMap { Int64($0) })
        let row: Interaction
        do {
            row = try await store.interactions.record(draft)
        } catch {
            let lost = waitingTickets(id, agent: agent).map(\.ticketID)
            logger.error("could not store the interaction", metadata: ["call": "\(id)", "error": "\(error)", "unlinkedTickets": "\(lost)"])
            return
        }
        // Tickets and the disposition given during this connection; more may come while these
        // are stored (``linkWhenStored`` and ``disposeWhenStored`` keep them while `writing` has
        // the call), so take until none is left, then clear `writing` with no suspension in between.
        while true {
            let links = waitingTickets(id, agent: agent)
            let disposition = writing[id]?.disposition
            writing[id]?.disposition = nil
            if links.isEmpty, disposition == nil { break }
            for link in links {
                do {
                    try await store.interactions.linkTicket(interactionID: row.id, ticketID: link.ticketID, by: link.agent)
                } catch {
                    logger.error("could not link a ticket made during the call", metadata: ["call": "\(id)", "ticket": "\(link.ticketID)", "error": "\(error)"])
                }
            }
            if let disposition {
                do {
                    try await store.interactions.setDisposition(id: row.id, disposition: disposition.disposition, note: disposition.note)
                } catch {
                    logger.error("could not store the disposition given during the call", metadata: ["call": "\(id)", "error": "\(error)"])
                }
            }
        }
    }

    /// The tickets waiting for the row of `agent`'s connection to `id`; every agent's when the
    /// call ended without one (abandoned, or left the queue).
    private func waitingTickets(_ id: CallID, agent: AgentID?) -> [PendingTicketLinks.Link] {
        guard let agent else { return pendingLinks.takeAll(callID: id.rawValue) }
        return pendingLinks.take(callID: id.rawValue, agent: agent.rawValue)
    }
}

extension InteractionRecorder: LiveCallLookup {
    /// The call from its `queued` (or first `offered`) event until its interaction is written
    /// (after a transfer back to the queue, from its next `queued` until the next one is).
    public func liveCall(_ callID: String) -> LiveCall? {
        guard let call = pending[CallID(callID)] ?? writing[CallID(callID)] else { return nil }
        return LiveCall(info: call.info, agent: call.agent)
    }

    /// Keeps the ticket for the interaction of `agent`'s connection to the call, when the call
    /// was last offered or connected to `agent` (or its row for `agent` is being written).
    public func linkWhenStored(ticketID: Int64, callID: String, agent: String) -> Bool {
        let id = CallID(callID)
        guard let call = writing[id] ?? pending[id], call.agent?.rawValue == agent else { return false }
        pendingLinks.add(callID: callID, agent: agent, ticketID: ticketID)
        return true
    }

    /// Keeps the disposition for the interaction of `agent`'s connection to the call, when the
    /// call is connected to `agent` (or its row for `agent` is being written); the last one given
    /// wins.
    public func disposeWhenStored(callID: String, agent: String, disposition: String, note: String?) -> Bool {
        let id = CallID(callID)
        if let call = writing[id] {
            guard call.agent?.rawValue == agent else { return false }
            writing[id]?.disposition = (disposition, note)
            return true
        }
        guard pending[id]?.connected?.rawValue == agent else { return false }
        pending[id]?.disposition = (disposition, note)
        return true
    }
}
