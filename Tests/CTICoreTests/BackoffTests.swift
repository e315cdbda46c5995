import CTICore
import Testing

@Suite("reconnect backoff")
struct BackoffTests {
    @Test("ceiling doubles from the initial delay up to the maximum")
    func ceiling() {
        let backoff = Backoff(initial: .milliseconds(250), maximum: .seconds(5))
        #expect(backoff.ceiling(attempt: 0) == .milliseconds(250))
        #expect(backoff.ceiling(attempt: 1) == .milliseconds(500))
        #expect(backoff.ceiling(attempt: 4) == .seconds(4))
        #expect(backoff.ceiling(attempt: 5) == .seconds(5))
        #expect(backoff.ceiling(attempt: 10_000) == .seconds(5))
    }

    @Test("delays are jittered between half the ceiling and the ceiling, and repeat for a seed")
    func jitter() {
        let backoff = Backoff(initial: .seconds(1), maximum: .seconds(30))
        var a = SeededGenerator(seed: 42)
        var b = SeededGenerator(seed: 42)
        var distinct = Set<Duration>()
        for attempt in 0..<20 {
            let delay = backoff.delay(attempt: attempt, using: &a)
            #expect(delay == backoff.delay(attempt: attempt, using: &b))
            #expect(delay >= backoff.ceiling(attempt: attempt) / 2 && delay <= backoff.ceiling(attempt: attempt))
            distinct.insert(delay)
        }
        #expect(distinct.count > 10)
    }
}
