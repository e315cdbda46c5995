import Foundation

/// The simulator's wall clock: where `Timestamp:` values, uniqueids and call timers come from.
///
/// Wall time is `epoch` plus the time `clock` has advanced since the ``SimulationClock`` was made,
/// so a test clock advanced by hand moves timestamps and call steps alike.
public struct SimulationClock: Sendable {
    private let elapsed: @Sendable () -> Duration
    /// The wall time at which the clock was taken.
    public let epoch: WallTime

    /// Time read from `clock`, starting at wall time `epoch`.
    public init<C: Clock>(_ clock: C, epoch: WallTime) where C.Duration == Duration {
        let start = clock.now
        self.epoch = epoch
        self.elapsed = { start.duration(to: clock.now) }
    }

    /// The system's continuous clock, starting at the current Unix time.
    public static func system() -> SimulationClock {
        let seconds = Date().timeIntervalSince1970
        return SimulationClock(ContinuousClock(), epoch: WallTime(microseconds: Int64((seconds * 1_000_000).rounded())))
    }

    /// The current wall time.
    public func now() -> WallTime { epoch + elapsed() }
}
