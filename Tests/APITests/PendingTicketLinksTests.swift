import Synchronization
import Testing

@testable import CTIApp

/// Waiting ticket links are kept by call and agent, and dropped once they waited too long.
@Suite struct PendingTicketLinksTests {
    @Test func linksAreTakenByCallAndAgent() {
        let links = PendingTicketLinks()
        links.add(callID: "c1", agent: "1001", ticketID: 1)
        links.add(callID: "c1", agent: "1002", ticketID: 2)
        links.add(callID: "c1", agent: "1002", ticketID: 3)
        links.add(callID: "c2", agent: "1002", ticketID: 4)
        #expect(links.take(callID: "c1", agent: "1002").map(\.ticketID) == [2, 3])
        #expect(links.take(callID: "c1", agent: "1002").isEmpty, "handed out once")
        #expect(links.take(callID: "c1", agent: "1003").isEmpty)
        links.add(callID: "c1", agent: "1003", ticketID: 5)
        #expect(links.takeAll(callID: "c1").map(\.ticketID) == [1, 5])
        #expect(links.takeAll(callID: "c1").isEmpty)
        #expect(links.take(callID: "c2", agent: "1002").map { "\($0.agent):\($0.ticketID)" } == ["1002:4"])
    }

    @Test func linksWaitingLongerThanKeepForAreDropped() {
        let start = ContinuousClock.now
        let now = Mutex(start)
        let links = PendingTicketLinks(keepFor: .seconds(60), now: { now.withLock { $0 } })
        links.add(callID: "old", agent: "1001", ticketID: 1)
        now.withLock { $0 = start + .seconds(30) }
        links.add(callID: "recent", agent: "1001", ticketID: 2)
        now.withLock { $0 = start + .seconds(61) }
        links.add(callID: "new", agent: "1001", ticketID: 3)
        #expect(links.take(callID: "old", agent: "1001").isEmpty, "waited 61 s of 60")
        #expect(links.take(callID: "recent", agent: "1001").map(\.ticketID) == [2])
        #expect(links.take(callID: "new", agent: "1001").map(\.ticketID) == [3])
    }
}
