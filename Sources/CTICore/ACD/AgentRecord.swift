/// An agent's live state inside the engine.
struct AgentRecord: Sendable {
    /// One configured queue of the agent.
    struct Membership: Sendable {
        var queue: Int
        var penalty: Int
        /// Position in the queue's member list.
        var position: Int
        var loggedIn = false
        var pauseReason: String?
        /// Day number and calls completed that day (fewestcalls).
        var completedDay = Int.min
        var completedToday = 0
        /// Counted in the queue's ``QueueRecord/availableIdle`` (see `syncAvailability`).
        var countedAvailable = false
        /// `loggedIn` as `syncAvailability` last saw it.
        var countedLoggedIn = false

        var isAvailable: Bool { loggedIn && pauseReason == nil }

        func completed(onDay day: Int) -> Int { completedDay == day ? completedToday : 0 }
    }

    /// What the agent is doing, apart from pauses and logins.
    enum Activity: Sendable, Equatable {
        case idle
        case offered(CallID)
        case onCall(CallID)
        /// Wrap-up after a call of `queue` that arrived at `arrival` and ended at `ended`.
        case wrapUp(until: Double, queue: Int, arrival: Double, ended: Double)
    }

    let config: AgentConfiguration
    var memberships: [Membership]
    var activity: Activity = .idle
    var lastCallEnd: Double?
    /// When the agent last went from logged out to logged in.
    var loginTime: Double?
    var consecutiveMisses = 0
    /// The state being timed, and since when.
    var state: AgentState = .loggedOut
    var stateSince: Double = 0
    /// Counted in the engine's `idleAgents` (see `syncAvailability`).
    var countedIdle = false

    var isLoggedIn: Bool { memberships.contains { $0.loggedIn } }

    func membership(of queue: Int) -> Int? { memberships.firstIndex { $0.queue == queue } }

    /// Longest-idle tie-break: when the agent last finished a call, else when they logged in.
    var idleSince: Double { lastCallEnd ?? loginTime ?? 0 }
}
