import CTICore
import CTIServer
import Foundation
import Telephony

/// The ACD controller's interval statistics for `/api/statistics/queues/{queue}`. The controller's
/// clock counts seconds since 1970 (see `ACDClock.continuous()`), so its instants are dates.
struct ControllerStatistics: CTIStatisticsSource {
    let controller: ACDController

    func queueIntervals(_ queue: String) async -> CTIQueueIntervals? {
        guard let intervals = await controller.intervals(ofQueue: QueueID(queue)) else { return nil }
        return CTIQueueIntervals(
            intervalSeconds: controller.configuration.engine.interval.seconds,
            intervals: intervals.map { (Date(timeIntervalSince1970: $0.start.seconds), $0.statistics) })
    }
}
