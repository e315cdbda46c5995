import CTICore
import Foundation

/// Where the controller's time comes from: instants for the engine and sleeping until its timers.
///
/// Instants count seconds from an origin (0 for an injected clock a test moves by hand; the Unix
/// epoch as read at start for the real clock) plus the time elapsed since the value was made.
public struct ACDClock: Sendable {
    private let reading: @Sendable () -> ACDInstant
    private let sleeping: @Sendable (ACDInstant) async throws -> Void

    /// Time read from `clock`, with instant `origin` at the moment this value is made.
    public init<C: Clock>(_ clock: C, origin: Double = 0) where C.Duration == Duration {
        let start = clock.now
        reading = { ACDInstant(seconds: origin + start.duration(to: clock.now).acdSeconds) }
        sleeping = { instant in
            let offset = Int64(((instant.seconds - origin) * 1_000_000).rounded(.up))
            try await clock.sleep(until: start.advanced(by: .microseconds(offset)), tolerance: nil)
        }
    }

    /// The system's continuous clock, counting from the wall-clock time at start (seconds since
    /// 1970, UTC): the engine's statistics intervals then line up with the clock (10:00–10:15, …)
    /// while its time, read from a monotonic clock, never jumps back with the wall clock.
    public static func continuous() -> ACDClock { ACDClock(ContinuousClock(), origin: Date().timeIntervalSince1970) }

    /// The current instant.
    public func now() -> ACDInstant { reading() }

    /// Sleeps until `instant` (throws when cancelled).
    public func sleep(until instant: ACDInstant) async throws { try await sleeping(instant) }
}

extension Duration {
    /// The duration in seconds.
    var acdSeconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
