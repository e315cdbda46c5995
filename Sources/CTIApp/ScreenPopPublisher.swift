import CTICore
import CTIMetrics
import CTIServer
import Foundation
import Logging
import Telephony

/// Turns what the ACD does into screen-pops on the agent's desktop: offer when the agent's phone
/// rings, connected when they talk, call-ended, wrap-up and agent state changes.
///
/// The CRM context is looked up once per call, at the first offer, and travels with the later pops.
public actor ScreenPopPublisher {
    let hub: CTIHub
    let context: any ScreenPopContextProvider
    let metrics: CTIMetrics?
    let urlTemplate: ScreenPopURLTemplate?
    let dispositions: [String]
    let now: @Sendable () -> Double
    let logger: Logger

    /// The pop of each call in progress, and the agent it was offered to last.
    private var pops: [CallID: CTICallPop] = [:]
    private var lastCallOfAgent: [AgentID: CallID] = [:]

    /// `now` is the ACD's clock in seconds (for wrap-up lengths).
    public init(
        hub: CTIHub, context: any ScreenPopContextProvider, metrics: CTIMetrics? = nil, urlTemplate: ScreenPopURLTemplate? = nil,
        dispositions: [String] = ["resolved", "follow-up", "escalated", "wrong number"],
        now: @escaping @Sendable () -> Double, logger: Logger = Logger(label: "ctibridge.pops")
    ) {
        self.hub = hub
        self.context = context
        self.metrics = metrics
        self.urlTemplate = urlTemplate
        self.dispositions = dispositions
        self.now = now
        self.logger = logger
    }

    /// Lanes for agents' events: one agent's events share a lane and are published in order,
    /// while a pop waiting on its CRM context or on the hub does not hold up other agents'.
    static let lanes = 8

    /// Publishes pops for every event until the stream ends.
    public func run(events: BoundedEventStream<ACDControllerEvent>) async {
        await withLanes(Self.lanes, of: ACDControllerEvent.self, handle: { await self.handle($0) }) { lanes in
            for await event in events {
                if let agent = Self.agent(of: event) {
                    lanes.send(event, key: agent.rawValue)
                } else if case .abandoned = event {
                    // Every lane, so it follows any offer of that call sent before it.
                    lanes.sendToAll(event)
                } else if case .leftQueue = event {
                    lanes.sendToAll(event)
                }
            }
        }
    }

    /// The agent an event is for; nil for events about a call alone (they publish nothing, and
    /// only `abandoned` and `leftQueue` change anything here).
    static func agent(of event: ACDControllerEvent) -> AgentID? {
        switch event {
        case .offered(let agent, _, _), .offerMissed(let agent, _), .connected(_, let agent, _, _), .ended(_, let agent, _, _),
            .transferred(_, let agent, _), .wrapUp(let agent, _, _), .agentState(let agent, _), .autoPaused(let agent, _, _):
            agent
        case .abandoned, .leftQueue, .queued, .joinRefused, .overflowed, .announced, .held, .resumed, .supervising, .supervisionEnded,
            .eventsDropped, .callbackFinished:
            nil
        }
    }

    /// The pop a call would show now (for tests and the REST API).
    public func pop(of call: CallID) -> CTICallPop? { pops[call] }

    /// Publishes what `event` means to agents.
    public func handle(_ event: ACDControllerEvent) async {
        switch event {
        case .offered(let agent, let call, let wait):
            var pop: CTICallPop
            if let known = pops[call.id] { pop = known } else { pop = await makePop(call) }
            pop.waitSeconds = wait
            pops[call.id] = pop
            lastCallOfAgent[agent] = call.id
            await publish(.offer(pop), to: agent)
        case .offerMissed(let agent, let call):
            await publish(.callEnded(CTICallEnded(callID: call.rawValue, reason: "notAnswered", talkSeconds: 0)), to: agent)
        case .connected(let call, let agent, _, let recording):
            guard var pop = pops[call] else { return }
            pop.recordingID = recording
            pops[call] = pop
            lastCallOfAgent[agent] = call
            await publish(.connected(pop), to: agent)
        case .ended(let call, let agent, let party, let talk):
            pops[call] = nil
            await publish(.callEnded(CTICallEnded(callID: call.rawValue, reason: "\(party)", talkSeconds: talk)), to: agent)
        case .transferred(let call, let agent, let target):
            await publish(.callEnded(CTICallEnded(callID: call.rawValue, reason: "transferred to \(target)", talkSeconds: 0)), to: agent)
            pops[call] = nil
        case .wrapUp(let agent, _, let until):
            let callID = lastCallOfAgent[agent]?.rawValue ?? ""
            let seconds = max(0, until.seconds - now())
            await publish(.wrapUp(CTIWrapUp(callID: callID, seconds: seconds, dispositions: dispositions)), to: agent)
        case .agentState(let agent, let state):
            await publish(.stateChanged(Self.change(agent, state)), to: agent)
        case .autoPaused(let agent, let queues, let reason):
            let change = CTIAgentStateChange(agentID: agent.rawValue, state: .paused, reason: reason, queues: queues.map(\.rawValue))
            await publish(.stateChanged(change), to: agent)
        case .abandoned(let call, _, _), .leftQueue(let call, _, _):
            pops[call] = nil
        case .queued, .joinRefused, .overflowed, .announced, .held, .resumed, .supervising, .supervisionEnded, .eventsDropped, .callbackFinished:
            break
        }
    }

    private func publish(_ message: CTIScreenPopMessage, to agent: AgentID) async {
        _ = await hub.publish(message, to: agent.rawValue)
        metrics?.popSent(type: message.type)
    }

    private func makePop(_ call: ACDCallInfo) async -> CTICallPop {
        let found = await context.context(customerID: call.customerID, callerNumber: call.callerNumber)
        var pop = CTICallPop(
            callID: call.id.rawValue, callerNumber: call.callerNumber ?? "", callerName: call.callerName ?? found.customer?.name,
            dnis: call.dnis ?? "", queue: call.queue.rawValue, waitSeconds: 0, ivrPath: call.ivrPath,
            collectedDigits: call.variables, customer: found.customer, openTickets: found.openTickets,
            lastInteractions: found.lastInteractions)
        pop.crmURL = urlTemplate?.render(pop)
        return pop
    }

    static func change(_ agent: AgentID, _ state: AgentState) -> CTIAgentStateChange {
        var reason: String?
        if case .paused(let why) = state { reason = why }
        return CTIAgentStateChange(agentID: agent.rawValue, state: state.kind, reason: reason)
    }
}
