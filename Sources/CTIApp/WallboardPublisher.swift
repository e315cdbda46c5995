import CTICore
import CTIMetrics
import CTIServer
import Synchronization
import Telephony

/// Builds the supervisors' wallboard from the ACD every `interval` and publishes it to the hub;
/// also the source of the queue and agent gauges on `/metrics`.
public actor WallboardPublisher {
    let controller: ACDController
    let hub: CTIHub
    let clock: ACDClock
    let queues: [QueueID]
    let agents: [AgentID]
    let names: [String: String]
    let formula: ServiceLevelFormula
    private var since: [AgentID: (state: AgentState, at: Double)] = [:]
    /// The last wallboard's queue and agent figures, for `/metrics`.
    public nonisolated let latestSample = Mutex(CTIMetricsSample())

    /// `names` gives display names of queues and agents by id; `clock` must be the controller's.
    public init(
        controller: ACDController, hub: CTIHub, clock: ACDClock, configuration: ACDConfiguration, names: [String: String] = [:],
        formula: ServiceLevelFormula = .answeredOverOfferedLessShortAbandons
    ) {
        self.controller = controller
        self.hub = hub
        self.clock = clock
        self.queues = configuration.queues.map(\.id)
        self.agents = configuration.agents.map(\.id)
        self.names = names
        self.formula = formula
    }

    /// Follows agent state changes (for time in state) until the stream ends.
    public func follow(events: BoundedEventStream<ACDControllerEvent>) async {
        for await event in events {
            if case .agentState(let agent, let state) = event { since[agent] = (state, clock.now().seconds) }
        }
    }

    /// Publishes a wallboard every `interval` until cancelled.
    public func run(interval: Duration = .seconds(1)) async {
        while !Task.isCancelled {
            await publishNow()
            try? await Task.sleep(for: interval)
        }
    }

    /// Builds and publishes one wallboard.
    @discardableResult
    public func publishNow() async -> WallboardSnapshot {
        let now = clock.now().seconds
        let reading = await controller.board(queues: queues, agents: agents)
        let queueRows = reading.queues.map { row in
            WallboardSnapshot.QueueRow(
                queue: row.snapshot.queue.rawValue, name: names[row.snapshot.queue.rawValue] ?? row.snapshot.queue.rawValue,
                waiting: row.snapshot.waiting, longestWaitSeconds: row.snapshot.longestWait ?? 0,
                serviceLevelToday: row.statistics.serviceLevel(formula), answeredToday: row.statistics.answered,
                abandonedToday: row.statistics.abandoned, agentsReady: row.snapshot.agents[.ready] ?? 0)
        }
        let agentRows = zip(agents, reading.agentStates).map { agent, known in
            let state = known ?? .loggedOut
            let entered = since[agent].flatMap { $0.state == state ? $0.at : nil } ?? since[agent]?.at ?? 0
            var reason: String?
            if case .paused(let why) = state { reason = why }
            return WallboardSnapshot.AgentRow(
                agentID: agent.rawValue, name: names[agent.rawValue] ?? agent.rawValue, state: state.kind,
                secondsInState: max(0, now - entered), reason: reason)
        }
        let snapshot = WallboardSnapshot(generatedAt: now, queues: queueRows, agents: agentRows)
        let sample = CTIMetricsSample(
            queues: snapshot.queues.map { .init(name: $0.queue, waiting: $0.waiting, longestWaitSeconds: $0.longestWaitSeconds) },
            agentsByState: snapshot.agentsByState)
        latestSample.withLock { $0 = sample }
        await hub.publishWallboard(snapshot)
        return snapshot
    }
}
