import CTICore
import CTIServer
import Foundation

extension CTIIntervals {
    /// Intervals stamped with ACD instants, as dates: under ``ACDClock/continuous()`` an instant
    /// counts seconds since 1970.
    init(intervalSeconds: Double, instants: [(start: ACDInstant, statistics: Figures)]) {
        self.init(intervalSeconds: intervalSeconds, intervals: instants.map { (Date(timeIntervalSince1970: $0.start.seconds), $0.statistics) })
    }
}
