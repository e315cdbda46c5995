import CTICore
import CTIServer
import Foundation
import Telephony

/// The ACD controller's interval statistics for `/api/statistics/…`. The controller's clock counts
/// seconds since 1970 (see `ACDClock.continuous()`), so its instants are dates.
struct ControllerStatistics: CTIStatisticsSource {
    let controller: ACDController

    func queueIntervals(_ queue: String) async -> CTIIntervals<QueueStatistics>? {
        await controller.intervals(ofQueue: QueueID(queue)).map(dated)
    }

    func agentIntervals(_ agent: String) async -> CTIIntervals<AgentStatistics>? {
        await controller.intervals(ofAgent: AgentID(agent)).map(dated)
    }

    private func dated<Figures>(_ intervals: [(start: ACDInstant, statistics: Figures)]) -> CTIIntervals<Figures> {
        CTIIntervals(intervalSeconds: controller.configuration.engine.interval.seconds, instants: intervals)
    }
}
