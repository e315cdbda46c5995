import AMI
import CTICore
import CTIServer
import Foundation
import Telephony

/// Observer mode's interval statistics for `/api/statistics/…`: app_queue's AMI events fed to an
/// ``AppQueueStatistics`` at the clock's instants. With ``ACDClock/continuous()`` instants are
/// seconds since 1970, so intervals line up with the wall clock as in controller mode.
public actor ObserverStatistics: CTIStatisticsSource {
    let clock: ACDClock
    private var engine: AppQueueStatistics

    /// Statistics with `configuration`'s interval length and per-queue thresholds and wrap-up.
    public init(configuration: AppQueueStatisticsConfiguration = AppQueueStatisticsConfiguration(), clock: ACDClock) {
        self.clock = clock
        engine = AppQueueStatistics(configuration: configuration)
    }

    /// Follows the client's events until the stream ends; each login's `QueueStatus` resyncs the members.
    public func run(events: AMIEventSubscription) async {
        for await item in events {
            switch item {
            case .event(let message): apply(message)
            case .resynced(let snapshot): resync(queueStatus: snapshot.queueStatus)
            default: break
            }
        }
    }

    /// Applies one AMI event now: app_queue's, and `Hold`/`Unhold` for hold time; others are ignored.
    public func apply(_ message: AMIMessage) {
        if let name = message.eventName, name == "Hold" || name == "Unhold", let channel = message["Uniqueid"] {
            engine.applyHold(name == "Hold", channel: channel, linkedID: message["Linkedid"], at: clock.now())
            return
        }
        guard let event = AppQueueEvent(message) else { return }
        engine.apply(event, at: clock.now())
    }

    /// Replaces the member records with a `QueueStatus` list's.
    public func resync(queueStatus items: [AMIMessage]) {
        let members = items.filter { $0.isEvent(named: "QueueMember") }.compactMap { QueueMemberInfo($0) }
        let queues = items.filter { $0.isEvent(named: "QueueParams") }.compactMap { $0["Queue"] }
        engine.resync(members: members, queues: queues, at: clock.now())
    }

    public func queueIntervals(_ queue: String) async -> CTIIntervals<QueueStatistics>? {
        engine.intervals(ofQueue: QueueID(queue), at: clock.now()).map(dated)
    }

    public func agentIntervals(_ agent: String) async -> CTIIntervals<AgentStatistics>? {
        engine.intervals(ofAgent: AgentID(agent), at: clock.now()).map(dated)
    }

    private func dated<Figures>(_ intervals: [(start: ACDInstant, statistics: Figures)]) -> CTIIntervals<Figures> {
        CTIIntervals(intervalSeconds: engine.configuration.interval.seconds, instants: intervals)
    }
}
