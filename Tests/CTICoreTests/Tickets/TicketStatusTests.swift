import CTICore
import Foundation
import Testing

@Suite("ticket status transitions and SLA")
struct TicketStatusTests {
    @Test("the transition table allows exactly the listed moves")
    func table() {
        let allowed: [TicketStatus: Set<TicketStatus>] = [
            .new: [.open, .pending, .resolved, .closed], .open: [.pending, .resolved, .closed],
            .pending: [.open, .resolved, .closed], .resolved: [.open, .closed], .closed: [],
        ]
        for from in TicketStatus.allCases {
            for to in TicketStatus.allCases {
                #expect(from.canTransition(to: to) == allowed[from]!.contains(to), "\(from) → \(to)")
            }
        }
        #expect(TicketTransitionError(from: .closed, to: .open).description.contains("allowed: none"))
    }

    @Test("due time follows priority; breach is late open or late resolution")
    func sla() {
        let policy = SLAPolicy()
        let opened = Date(timeIntervalSince1970: 1_000_000)
        #expect(policy.dueAt(openedAt: opened, priority: .urgent) == opened.addingTimeInterval(4 * 3600))
        #expect(policy.dueAt(openedAt: opened, priority: .low) == opened.addingTimeInterval(72 * 3600))
        let due = opened.addingTimeInterval(100)
        #expect(!SLAPolicy.isBreached(dueAt: due, resolvedAt: nil, now: opened.addingTimeInterval(100)))
        #expect(SLAPolicy.isBreached(dueAt: due, resolvedAt: nil, now: opened.addingTimeInterval(101)))
        #expect(!SLAPolicy.isBreached(dueAt: due, resolvedAt: opened.addingTimeInterval(50), now: opened.addingTimeInterval(9_999)))
        #expect(SLAPolicy.isBreached(dueAt: due, resolvedAt: opened.addingTimeInterval(150), now: opened.addingTimeInterval(150)))
    }
}
