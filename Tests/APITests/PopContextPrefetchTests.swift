import CTICore
import Foundation
import Storage
import Synchronization
import Testing
@testable import CTIApp

/// The IVR's CRM lookup reads the caller's whole pop context; an offer right after it pops that
/// context without reading again, once, and only while it is fresh.
@Suite struct PopContextPrefetchTests {
    /// A clock the test moves by hand.
    final class ManualClock: Sendable {
        private let instant = Mutex(ContinuousClock.now)
        var now: ContinuousClock.Instant { instant.withLock { $0 } }
        func advance(_ duration: Duration) { instant.withLock { $0 += duration } }
    }

    static let number = "+84903111222"

    @Test func anOfferRightAfterTheIVRPopsWhatTheLookupReadOnceAndWhileFresh() async throws {
        try await withTemporaryStore("prefetch") { (store: CTIStore) async throws in
            let customer = try await store.customers.create(CustomerDraft(name: "Lan", phoneNumbers: ["0903111222"]))
            _ = try await store.tickets.create(TicketDraft(subject: "Old", customerID: customer.id), by: "1003")
            let clock = ManualClock()
            let prefetched = PrefetchedPopContexts(maxAge: .seconds(2), now: { clock.now })
            let provider = StorePopContext(store: store, limit: 5, prefetched: prefetched)

            let found = try #require(try await provider.customer(forCallerID: Self.number))
            #expect(found.id == String(customer.id) && found.name == "Lan")
            #expect(prefetched.count == 1)

            // A ticket opened after the IVR read: the offer a moment later shows what the IVR read…
            _ = try await store.tickets.create(TicketDraft(subject: "New", customerID: customer.id), by: "1003")
            clock.advance(.milliseconds(300))
            let atOffer = await provider.context(customerID: found.id, callerNumber: Self.number)
            #expect(atOffer.customer?.name == "Lan")
            #expect(atOffer.openTickets.map(\.subject) == ["Old"])
            #expect(prefetched.count == 0, "a kept context is used once")
            // …and a second offer of the same call reads the store again.
            let again = await provider.context(customerID: found.id, callerNumber: Self.number)
            #expect(Set(again.openTickets.map(\.subject)) == ["Old", "New"])

            // A caller who waited longer than two seconds is offered with a fresh read.
            _ = try await provider.customer(forCallerID: Self.number)
            _ = try await store.tickets.create(TicketDraft(subject: "Newer", customerID: customer.id), by: "1003")
            clock.advance(.seconds(3))
            let late = await provider.context(customerID: found.id, callerNumber: Self.number)
            #expect(Set(late.openTickets.map(\.subject)) == ["Old", "New", "Newer"])
            #expect(prefetched.count == 0, "a stale context is dropped when asked for")
        }
    }

    @Test func anUnknownCallerIsNoCustomerAndKeepsNothing() async throws {
        try await withTemporaryStore("prefetch-unknown") { (store: CTIStore) async throws in
            let prefetched = PrefetchedPopContexts()
            let provider = StorePopContext(store: store, limit: 5, prefetched: prefetched)
            #expect(try await provider.customer(forCallerID: "+84900000000") == nil)
            #expect(try await provider.customer(forCallerID: "not a number") == nil)
            #expect(prefetched.count == 0)
            let pop = await provider.context(customerID: nil, callerNumber: "+84900000000")
            #expect(pop.customer == nil && pop.openTickets.isEmpty)
        }
    }

    @Test func aBurstOfCallersNobodyIsOfferedKeepsAtMostTheCapacity() {
        let clock = ManualClock()
        let prefetched = PrefetchedPopContexts(maxAge: .seconds(2), capacity: 3, now: { clock.now })
        for id in ["1", "2", "3"] {
            prefetched.keep(ScreenPopContext(), for: id)
            clock.advance(.milliseconds(10))
        }
        prefetched.keep(ScreenPopContext(), for: "4")
        #expect(prefetched.count == 3)
        #expect(prefetched.take("1") == nil, "the oldest fresh entry made room")
        #expect(prefetched.take("4") != nil)
        prefetched.keep(ScreenPopContext(), for: "6")
        #expect(prefetched.count == 3)
        // When full, expired entries are cleared first.
        clock.advance(.seconds(3))
        prefetched.keep(ScreenPopContext(), for: "5")
        #expect(prefetched.count == 1)
    }
}
