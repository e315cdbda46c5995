/// Work spread over a fixed number of lanes: work sent with the same key always takes the same
/// lane and is handled in order; work in different lanes is handled side by side.
public struct Lanes<Element: Sendable>: Sendable {
    let continuations: [AsyncStream<Element>.Continuation]

    /// Queues `element` on the lane for `key`.
    public func send(_ element: Element, key: String) {
        continuations[laneIndex(of: key, count: continuations.count)].yield(element)
    }

    /// Queues `element` on every lane, after whatever each lane already holds.
    public func sendToAll(_ element: Element) {
        for continuation in continuations { continuation.yield(element) }
    }
}

/// Runs `count` lanes, each handling its elements one at a time with `handle`, while `feed` sends
/// them work (`feed` runs on the caller's actor); returns once `feed` has returned and every lane has finished what it was sent.
public func withLanes<Element: Sendable>(
    _ count: Int, of type: Element.Type, handle: @escaping @Sendable (Element) async -> Void,
    isolation: isolated (any Actor)? = #isolation, feed: (Lanes<Element>) async -> Void
) async {
    precondition(count > 0, "at least one lane")
    await withDiscardingTaskGroup(isolation: isolation) { group in
        var continuations: [AsyncStream<Element>.Continuation] = []
        for _ in 0..<count {
            let (stream, continuation) = AsyncStream.makeStream(of: Element.self)
            continuations.append(continuation)
            group.addTask {
                for await element in stream { await handle(element) }
            }
        }
        await feed(Lanes(continuations: continuations))
        for continuation in continuations { continuation.finish() }
    }
}

/// Which of `count` lanes carries work keyed by `key`: FNV-1a of the key's UTF-8, so the same key
/// always lands in the same lane and runs are reproducible (Swift's `hashValue` is seeded per process).
func laneIndex(of key: String, count: Int) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return Int(hash % UInt64(count))
}
