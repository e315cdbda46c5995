import Synchronization

/// Screen-pop contexts read during the IVR's CRM lookup, kept a short while for the offer that
/// usually follows, so the pop does not wait on a second read of the same rows.
///
/// An entry is used once and only while fresh (`maxAge`): a caller who waits in the queue gets a
/// fresh read at the offer, so what the agent sees is never older than `maxAge`.
final class PrefetchedPopContexts: Sendable {
    private struct Entry {
        let context: ScreenPopContext
        let readAt: ContinuousClock.Instant
    }

    let maxAge: Duration
    let capacity: Int
    private let now: @Sendable () -> ContinuousClock.Instant
    private let entries = Mutex<[String: Entry]>([:])

    init(maxAge: Duration = .seconds(2), capacity: Int = 1_000, now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.maxAge = maxAge
        self.capacity = capacity
        self.now = now
    }

    /// Keeps `context`, read just now, for the customer `customerID`.
    func keep(_ context: ScreenPopContext, for customerID: String) {
        let time = now()
        entries.withLock { entries in
            if entries.count >= capacity {
                entries = entries.filter { time - $0.value.readAt <= maxAge }
                // Still full of fresh entries (a burst of callers nobody is offered): forget the oldest.
                if entries.count >= capacity, let oldest = entries.min(by: { $0.value.readAt < $1.value.readAt })?.key {
                    entries[oldest] = nil
                }
            }
            entries[customerID] = Entry(context: context, readAt: time)
        }
    }

    /// The context kept for `customerID` if it is fresh; it is removed either way.
    func take(_ customerID: String) -> ScreenPopContext? {
        let time = now()
        guard let entry = entries.withLock({ $0.removeValue(forKey: customerID) }), time - entry.readAt <= maxAge else { return nil }
        return entry.context
    }

    /// How many contexts are kept (fresh or not yet cleared).
    var count: Int { entries.withLock { $0.count } }
}
