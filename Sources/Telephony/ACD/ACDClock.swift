import CTICore

/// Where the controller's time comes from: instants for the engine and sleeping until its timers.
///
/// Instants count seconds since the clock value was made, so a test can inject a clock it moves by hand.
public struct ACDClock: Sendable {
    private let reading: @Sendable () -> ACDInstant
    private let sleeping: @Sendable (ACDInstant) async throws -> Void

    /// Time read from `clock`, with instant 0 at the moment this value is made.
    public init<C: Clock>(_ clock: C) where C.Duration == Duration {
        let start = clock.now
        reading = { ACDInstant(seconds: start.duration(to: clock.now).acdSeconds) }
        sleeping = { instant in
            try await clock.sleep(until: start.advanced(by: .microseconds(Int64((instant.seconds * 1_000_000).rounded(.up)))), tolerance: nil)
        }
    }

    /// The system's continuous clock.
    public static func continuous() -> ACDClock { ACDClock(ContinuousClock()) }

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
