/// Counts and times for one queue over one interval (or several added together). An interval
/// owns a call by the time the call entered the queue.
///
/// Conventions: answered within the threshold means a wait ≤ threshold; a short abandon is a wait
/// below the short-abandon threshold. Callbacks and overflows are neither answered nor abandoned,
/// so they stay out of the service level; handled callbacks count in ``handled`` and AHT.
public struct QueueStatistics: Sendable, Hashable, Codable {
    /// Calls that entered the queue (overflow arrivals included).
    public var offered = 0
    /// Calls connected to an agent.
    public var answered = 0
    /// Answered with a wait ≤ the service-level threshold.
    public var answeredWithinThreshold = 0
    /// Callers who hung up while waiting, short ones included.
    public var abandoned = 0
    /// Abandoned with a wait ≤ the service-level threshold.
    public var abandonedWithinThreshold = 0
    /// Abandoned with a wait below the short-abandon threshold.
    public var shortAbandons = 0
    /// Calls turned into callbacks (requested or by a routing step).
    public var callbacks = 0
    /// Callbacks an agent took.
    public var callbacksHandled = 0
    /// Calls moved to another queue.
    public var overflowed = 0
    /// Calls sent to voicemail.
    public var voicemail = 0
    /// Calls removed by `leavewhenempty`.
    public var leftEmpty = 0
    /// Callers refused at the door (full or empty); not in ``offered``.
    public var refused = 0
    /// Handled calls that ended in a transfer.
    public var transferred = 0
    /// Calls that ended after an agent handled them (callbacks included).
    public var handled = 0
    /// Seconds talking on handled calls.
    public var talkTime = 0.0
    /// Seconds on hold on handled calls.
    public var holdTime = 0.0
    /// Seconds of after-call work on handled calls.
    public var wrapUpTime = 0.0
    /// Seconds waited by answered calls.
    public var answeredWaitTime = 0.0
    /// Seconds waited by abandoned calls (kept apart: not in ASA).
    public var abandonedWaitTime = 0.0
    /// Longest wait of an answered call.
    public var longestAnsweredWait = 0.0

    /// Empty statistics.
    public init() {}

    /// The counts for ``ServiceLevelCounts``' formulas.
    public var serviceLevelCounts: ServiceLevelCounts {
        ServiceLevelCounts(
            answered: answered, answeredWithinThreshold: answeredWithinThreshold, abandoned: abandoned,
            abandonedWithinThreshold: abandonedWithinThreshold, shortAbandons: shortAbandons)
    }

    /// Service level under `formula`; nil when no call counts.
    public func serviceLevel(_ formula: ServiceLevelFormula = .answeredOverOfferedLessShortAbandons) -> Double? {
        serviceLevelCounts.serviceLevel(formula)
    }

    /// Abandonment rate; by default short abandons are left out.
    public func abandonRate(excludingShortAbandons: Bool = true) -> Double? {
        serviceLevelCounts.abandonRate(excludingShortAbandons: excludingShortAbandons)
    }

    /// AHT = (talk + hold + after-call work) / handled.
    public var averageHandleTime: Double? {
        handled > 0 ? (talkTime + holdTime + wrapUpTime) / Double(handled) : nil
    }

    /// ASA = wait of answered calls / answered calls.
    public var averageSpeedOfAnswer: Double? {
        answered > 0 ? answeredWaitTime / Double(answered) : nil
    }

    /// Transferred / answered.
    public var transferRate: Double? {
        answered > 0 ? Double(transferred) / Double(answered) : nil
    }

    /// Adds another interval's figures to these.
    public mutating func add(_ other: QueueStatistics) {
        offered += other.offered
        answered += other.answered
        answeredWithinThreshold += other.answeredWithinThreshold
        abandoned += other.abandoned
        abandonedWithinThreshold += other.abandonedWithinThreshold
        shortAbandons += other.shortAbandons
        callbacks += other.callbacks
        callbacksHandled += other.callbacksHandled
        overflowed += other.overflowed
        voicemail += other.voicemail
        leftEmpty += other.leftEmpty
        refused += other.refused
        transferred += other.transferred
        handled += other.handled
        talkTime += other.talkTime
        holdTime += other.holdTime
        wrapUpTime += other.wrapUpTime
        answeredWaitTime += other.answeredWaitTime
        abandonedWaitTime += other.abandonedWaitTime
        longestAnsweredWait = max(longestAnsweredWait, other.longestAnsweredWait)
    }
}
