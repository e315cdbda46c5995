import CTICore
import CTIMetrics
import CTIServer
import Foundation
import Synchronization
import Telephony

/// The supervisors' wallboard in observer mode, built from what app_queue reports over AMI:
/// waiting callers and agent states from the observer, today's answered and abandoned calls
/// (and so the service level) counted from its events. Also the source of the queue and agent
/// gauges on `/metrics`.
public actor ObserverWallboard {
    let observer: AppQueueObserver
    let hub: CTIHub
    let clock: ACDClock
    let names: [String: String]
    let threshold: Double
    let shortAbandon: Double
    private var statistics: [QueueID: QueueStatistics] = [:]
    /// Each waiting call's queue and its wait when last offered.
    private var queueOfCall: [CallID: QueueID] = [:]
    private var offers: [CallID: Double] = [:]
    private var since: [AgentID: Double] = [:]
    /// The last wallboard's queue and agent figures, for `/metrics`.
    public nonisolated let latestSample = Mutex(CTIMetricsSample())

    /// `threshold` is the service-level target in seconds; `shortAbandon` the short-abandon limit.
    public init(
        observer: AppQueueObserver, hub: CTIHub, clock: ACDClock, names: [String: String] = [:], threshold: Double = 20,
        shortAbandon: Double = 5
    ) {
        self.observer = observer
        self.hub = hub
        self.clock = clock
        self.names = names
        self.threshold = threshold
        self.shortAbandon = shortAbandon
    }

    /// Counts calls and follows agent states until the stream ends.
    public func follow(events: BoundedEventStream<ACDControllerEvent>) async {
        for await event in events { count(event) }
    }

    func count(_ event: ACDControllerEvent) {
        switch event {
        case .queued(let info, _):
            statistics[info.queue, default: QueueStatistics()].offered += 1
            queueOfCall[info.id] = info.queue
        case .offered(_, let info, let wait):
            offers[info.id] = wait
            if queueOfCall[info.id] == nil { queueOfCall[info.id] = info.queue }
        case .connected(let call, _, _, _):
            guard let queue = queueOfCall.removeValue(forKey: call) else { break }
            let wait = offers.removeValue(forKey: call) ?? 0
            statistics[queue, default: QueueStatistics()].answered += 1
            if wait <= threshold { statistics[queue, default: QueueStatistics()].answeredWithinThreshold += 1 }
        case .abandoned(let call, let queue, let wait):
            offers[call] = nil
            queueOfCall[call] = nil
            statistics[queue, default: QueueStatistics()].abandoned += 1
            if wait <= threshold { statistics[queue, default: QueueStatistics()].abandonedWithinThreshold += 1 }
            if wait < shortAbandon { statistics[queue, default: QueueStatistics()].shortAbandons += 1 }
        case .agentState(let agent, _):
            since[agent] = clock.now().seconds
        default:
            break
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
        let state = await observer.state
        let now = clock.now()
        var queueNames = Set(state.members.keys.map { QueueID($0) }).union(statistics.keys)
        for caller in state.callers.values { queueNames.insert(caller.info.queue) }
        var rows: [WallboardSnapshot.QueueRow] = []
        for queue in queueNames.sorted() {
            let waiting = state.callers.values.filter { $0.agent == nil && $0.info.queue == queue }
            let longest = waiting.map { now - $0.joinedAt }.max() ?? 0
            let members = state.members[queue.rawValue]?.values.map { AgentID($0.name) } ?? []
            let ready = members.filter { state.agentStates[$0] == .ready }.count
            let figures = statistics[queue] ?? QueueStatistics()
            rows.append(WallboardSnapshot.QueueRow(
                queue: queue.rawValue, name: names[queue.rawValue] ?? queue.rawValue, waiting: waiting.count,
                longestWaitSeconds: max(0, longest), serviceLevelToday: figures.serviceLevel(), answeredToday: figures.answered,
                abandonedToday: figures.abandoned, agentsReady: ready))
        }
        let agents = state.agentStates.keys.sorted().map { agent -> WallboardSnapshot.AgentRow in
            let agentState = state.agentStates[agent] ?? .loggedOut
            var reason: String?
            if case .paused(let why) = agentState { reason = why }
            return WallboardSnapshot.AgentRow(
                agentID: agent.rawValue, name: names[agent.rawValue] ?? agent.rawValue, state: agentState.kind,
                secondsInState: max(0, now.seconds - (since[agent] ?? now.seconds)), reason: reason)
        }
        let snapshot = WallboardSnapshot(generatedAt: Date().timeIntervalSince1970, queues: rows, agents: agents)
        latestSample.withLock {
            $0 = CTIMetricsSample(
                queues: rows.map { .init(name: $0.queue, waiting: $0.waiting, longestWaitSeconds: $0.longestWaitSeconds) },
                agentsByState: snapshot.agentsByState)
        }
        await hub.publishWallboard(snapshot)
        return snapshot
    }
}
