import ARI
import CTICore
import Logging

/// Controller mode over ARI: the pure ``ACDEngine`` decides, this actor makes Asterisk do it.
///
/// Waiting callers sit in a per-queue holding bridge with music on hold and hear their position
/// and expected wait; the chosen agent's phone is originated into the Stasis application with
/// preset channel ids and `appArgs` `acd-agent,<call>,<agent>`; on answer both legs go into a
/// recorded mixing bridge. Feed it the application's events with ``run(events:)`` (or
/// ``handle(_:)``) and read what happens from ``events(capacity:)``.
public actor ACDController {
    /// Application, endpoints, timings.
    public nonisolated let configuration: ACDControllerConfiguration
    let rest: ARIRESTClient
    let clock: ACDClock
    let logger: Logger
    var engine: ACDEngine
    let fanOut = EventFanOut<ACDControllerEvent>()

    var calls: [CallID: ACDCallContext] = [:]
    var callByChannel: [String: CallID] = [:]
    /// Ringing agent legs by channel id.
    var agentLegs: [String: ACDAgentLeg] = [:]
    /// Ringing legs per call and agent.
    var offers: [CallID: [AgentID: String]] = [:]
    var holdingBridges: [QueueID: String] = [:]
    var supervisions: [String: ACDSupervision] = [:]
    /// When the controller began to follow each channel, so a snapshot asked for earlier does not
    /// judge a channel it could not have seen (see ``resync(_:)``).
    var followedSince: [String: ContinuousClock.Instant] = [:]
    var lastStates: [AgentID: AgentState] = [:]
    var timer: Task<Void, Never>?
    var sequence = 0

    /// A controller driving Asterisk through `rest`, with time from `clock`.
    public init(
        configuration: ACDControllerConfiguration, rest: ARIRESTClient, clock: ACDClock = .continuous(),
        logger: Logger = Logger(label: "ctibridge.acd")
    ) throws(ACDControllerError) {
        self.configuration = configuration
        self.rest = rest
        self.clock = clock
        self.logger = logger
        do {
            engine = try ACDEngine(configuration: configuration.engine, start: clock.now())
        } catch {
            throw ACDControllerError(.invalidConfiguration, error.description)
        }
        for agent in configuration.engine.agents where configuration.agentEndpoints[agent.id] == nil {
            throw ACDControllerError(.invalidConfiguration, "agent \(agent.id) has no endpoint")
        }
    }

    /// A stream of everything the ACD does, holding at most `capacity` unread events.
    public nonisolated func events(capacity: Int = 10_000) -> BoundedEventStream<ACDControllerEvent> {
        fanOut.subscribe(capacity: capacity)
    }

    /// Stops timers and announcements and ends the event streams.
    public func shutdown() {
        timer?.cancel()
        for context in calls.values { context.announcements?.cancel() }
        fanOut.finish()
    }

    // MARK: Queries

    /// The agent's state in the engine.
    public func state(of agent: AgentID) -> AgentState? { engine.state(of: agent) }

    /// The queue's waiting calls and agents.
    public func snapshot(of queue: QueueID) -> QueueSnapshot? { engine.snapshot(of: queue) }

    /// The queue's waiting calls in service order.
    public func waitingCalls(in queue: QueueID) -> [WaitingCall]? { engine.waitingCalls(in: queue) }

    /// Interval statistics of a queue added over all time.
    public func statistics(ofQueue queue: QueueID) -> QueueStatistics? { engine.statistics(ofQueue: queue) }

    /// One queue's figures per statistics interval, oldest first (instants as the clock reads them).
    public func intervals(ofQueue queue: QueueID) -> [(start: ACDInstant, statistics: QueueStatistics)]? {
        engine.intervals(ofQueue: queue)
    }

    /// One agent's figures per statistics interval, oldest first, the current state counted up to the last event.
    public func intervals(ofAgent agent: AgentID) -> [(start: ACDInstant, statistics: AgentStatistics)]? {
        engine.intervals(ofAgent: agent)
    }

    /// The call a channel belongs to (caller or connected agent leg).
    public func call(ofChannel channelID: String) -> CallID? { callByChannel[channelID] }

    /// The mixing bridge of a connected call.
    public func bridgeID(of call: CallID) -> String? {
        if case .connected(_, _, let bridge, _)? = calls[call]?.phase { return bridge }
        return nil
    }

    // MARK: Queueing

    /// Queues a caller already in Stasis; returns their position.
    @discardableResult
    public func enqueue(_ request: ACDEnqueueRequest) async throws(ACDControllerError) -> Int {
        guard callByChannel[request.channelID] == nil else {
            throw ACDControllerError(.invalidState, "channel \(request.channelID) is already queued or connected")
        }
        let info = ACDCallInfo(
            id: CallID(request.channelID), channelID: request.channelID, queue: request.queue, callerNumber: request.callerNumber,
            callerName: request.callerName, dnis: request.dnis, customerID: request.customerID, ivrPath: request.ivrPath,
            variables: request.variables)
        let context = ACDCallContext(info: info, priority: request.priority, skills: request.skills, enqueuedAt: clock.now())
        return try await admit(context, preferred: [])
    }

    /// Puts a call into the engine and its caller into the queue's holding bridge.
    func admit(_ context: ACDCallContext, preferred: [AgentID], direct: AgentID? = nil) async throws(ACDControllerError) -> Int {
        var context = context
        let info = context.info
        let holding = try await holdingBridge(for: info.queue)
        context.holdingBridge = holding
        calls[info.id] = context
        callByChannel[info.channelID] = info.id
        follow(info.channelID)
        var arrival = CallArrival(
            id: info.id, queue: info.queue, priority: context.priority, skills: context.skills, callerNumber: info.callerNumber,
            preferredAgents: preferred)
        arrival.directAgent = direct
        let decisions: [ACDDecision]
        do {
            decisions = try engine.handle(.callArrived(arrival), at: clock.now())
        } catch {
            forget(info.id)
            throw Self.map(error)
        }
        if decisions.contains(where: { if case .joinRefused(info.id, _, _) = $0 { true } else { false } }) {
            forget(info.id)
            await perform(decisions)
            throw ACDControllerError(.joinRefused, "call \(info.id) may not join queue \(info.queue)")
        }
        // The caller goes on hold while the offer is made, so the agent's pop does not wait for
        // that round trip; `connect` waits for it before bridging, so the requests cannot cross.
        let rest = rest
        let channel = info.channelID
        // Detached: a task made here would run on this actor, and wait for it at start and end.
        let hold = Task.detached { () -> ARIError? in
            do throws(ARIError) {
                try await rest.addChannels(holding, [channel])
                return nil
            } catch {
                return error
            }
        }
        calls[info.id]?.holdRequest = hold
        startAnnouncements(info.id)
        let position = decisions.lazy.compactMap { decision -> Int? in
            if case .queued(info.id, _, let position) = decision { position } else { nil }
        }.first
        await perform(decisions)
        if let error = await hold.value {
            // As if the caller had hung up while waiting: the offer made meanwhile is withdrawn.
            // (A caller whose hang-up was already handled, or a call `connect` already ended, is left alone.)
            if case .waiting? = calls[info.id]?.phase {
                let waited = clock.now() - context.enqueuedAt
                forget(info.id)
                publish(.abandoned(info.id, queue: info.queue, wait: waited))
                await process(.callerAbandoned(info.id))
            }
            throw ACDControllerError.asterisk(error, "putting \(info.channelID) on hold in \(holding)")
        }
        return position ?? engine.waitingCalls(in: info.queue)?.first { $0.id == info.id }?.position ?? 0
    }

    /// The queue's holding bridge, made (with music on hold) on first use.
    func holdingBridge(for queue: QueueID) async throws(ACDControllerError) -> String {
        if let id = holdingBridges[queue] { return id }
        guard engine.snapshot(of: queue) != nil else { throw ACDControllerError(.engine, "unknownQueue: no queue \(queue)") }
        let id = "acd-hold-\(queue.rawValue)"
        do {
            _ = try await rest.createBridge(types: [.holding], bridgeID: id, name: "acd-\(queue.rawValue)")
            try await rest.startBridgeMOH(id, mohClass: configuration.mohClass)
        } catch {
            throw ACDControllerError.asterisk(error, "creating holding bridge \(id)")
        }
        holdingBridges[queue] = id
        return id
    }

    /// Drops the controller's record of a call (not its channels).
    func forget(_ id: CallID) {
        guard let context = calls.removeValue(forKey: id) else { return }
        context.announcements?.cancel()
        if callByChannel[context.info.channelID] == id { callByChannel[context.info.channelID] = nil }
        if let agent = context.agentChannel { callByChannel[agent] = nil }
    }

    // MARK: Engine

    /// Applies an event to the engine and carries out its decisions; engine refusals are logged.
    func process(_ event: ACDEvent) async {
        do {
            try await apply(event)
        } catch {
            logger.warning("ACD engine refused an event", metadata: ["acd.error": "\(error)"])
        }
    }

    /// Applies an event to the engine and carries out its decisions.
    func apply(_ event: ACDEvent) async throws(ACDControllerError) {
        let decisions: [ACDDecision]
        do {
            decisions = try engine.handle(event, at: clock.now())
        } catch {
            throw Self.map(error)
        }
        await perform(decisions)
        switch event {
        case .login(let agent, _), .logout(let agent, _), .ready(let agent), .pause(let agent, _, _), .unpause(let agent, _),
            .wrapUpEnded(let agent), .offerAnswered(_, let agent), .offerNotAnswered(_, let agent):
            publishState(of: agent)
        default:
            break
        }
    }

    static func map(_ error: ACDError) -> ACDControllerError {
        switch error.code {
        case .unknownAgent: ACDControllerError(.unknownAgent, error.message)
        case .unknownCall: ACDControllerError(.unknownCall, error.message)
        case .invalidState, .alreadyLoggedIn, .notLoggedIn, .notAMember: ACDControllerError(.invalidState, error.description)
        default: .engine(error)
        }
    }

    func publish(_ event: ACDControllerEvent) { fanOut.publish(event) }

    /// Publishes the agent's state when it changed since last published.
    func publishState(of agent: AgentID) {
        guard let state = engine.state(of: agent), lastStates[agent] != state else { return }
        lastStates[agent] = state
        publish(.agentState(agent, state))
    }

    /// Runs the engine's timer at `instant`, replacing any earlier one.
    func scheduleTimer(at instant: ACDInstant) {
        timer?.cancel()
        let clock = clock
        timer = Task { [weak self] in
            do {
                try await clock.sleep(until: instant)
            } catch {
                return
            }
            guard let controller = self else { return }
            // A task of its own: this one is cancelled when the tick schedules the next timer.
            Task { await controller.process(.tick) }
        }
    }

    func nextID(_ prefix: String) -> String {
        sequence += 1
        return "\(prefix)-\(sequence)"
    }
}
