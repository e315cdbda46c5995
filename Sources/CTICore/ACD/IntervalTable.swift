/// Per-entity, per-interval figures, keyed by entity index and interval number.
struct IntervalTable<Value: Sendable & Hashable>: Sendable {
    private struct Key: Hashable, Sendable {
        var entity: Int
        var interval: Int
    }

    let length: Double
    private let empty: Value
    private var values: [Key: Value] = [:]

    init(length: Double, empty: Value) {
        self.length = length
        self.empty = empty
    }

    func interval(of time: Double) -> Int { Int((time / length).rounded(.down)) }

    mutating func update(_ entity: Int, at time: Double, _ body: (inout Value) -> Void) {
        let key = Key(entity: entity, interval: interval(of: time))
        let empty = self.empty
        body(&values[key, default: empty])
    }

    /// Intervals of one entity, by start time.
    func intervals(of entity: Int) -> [(start: Double, value: Value)] {
        values.filter { $0.key.entity == entity }
            .map { (start: Double($0.key.interval) * length, value: $0.value) }
            .sorted { $0.start < $1.start }
    }

    func value(_ entity: Int, intervalStartingAt start: Double) -> Value {
        values[Key(entity: entity, interval: interval(of: start))] ?? empty
    }
}
