@testable import AMI
import CTICore
import Testing

@Suite("bounded event subscription")
struct EventSubscriptionTests {
    private func event(_ n: Int) -> AMIClientEvent { .event(AMIMessage(["Event": "E", "N": String(n)])) }

    @Test("keeps order within capacity")
    func order() async {
        let subscription = AMIEventSubscription(capacity: 10)
        for n in 0..<5 { #expect(subscription.push(event(n))) }
        subscription.finish()
        var seen: [AMIClientEvent] = []
        for await e in subscription { seen.append(e) }
        #expect(seen == (0..<5).map(event))
    }

    @Test("drops the oldest when full and marks the gap once")
    func overflow() async {
        let subscription = AMIEventSubscription(capacity: 3)
        for n in 0..<10 { subscription.push(event(n)) }
        subscription.finish()
        var seen: [AMIClientEvent] = []
        for await e in subscription { seen.append(e) }
        #expect(seen == [.eventsDropped(count: 7), event(7), event(8), event(9)])
        #expect(subscription.droppedCount == 7)
    }

    @Test("a waiting reader is woken by a push and by cancellation")
    func waiting() async {
        let subscription = AMIEventSubscription(capacity: 3)
        async let first = subscription.first { _ in true }
        try? await Task.sleep(for: .milliseconds(20))
        subscription.push(event(1))
        #expect(await first == event(1))
        let task = Task { await subscription.first { _ in true } }
        try? await Task.sleep(for: .milliseconds(20))
        task.cancel()
        #expect(await task.value == nil)
    }
}
