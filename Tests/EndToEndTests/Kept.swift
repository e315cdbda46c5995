import Synchronization

/// A value a test finds inside a socket body (a `@Sendable` closure), for the checks after it.
final class Kept<Value: Sendable>: Sendable {
    private let stored = Mutex<Value?>(nil)
    var value: Value? { stored.withLock { $0 } }
    func set(_ value: Value) { stored.withLock { $0 = value } }
}
