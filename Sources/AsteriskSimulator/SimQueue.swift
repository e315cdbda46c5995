import AMI

/// A queue member in the simulated app_queue.
public struct SimQueueMember: Sendable, Hashable {
    /// Display name (`MemberName`).
    public var name: String
    /// Dial interface, e.g. `PJSIP/1001`.
    public var interface: String
    /// Device-state interface.
    public var stateInterface: String
    /// `static` or `dynamic`.
    public var membership: String
    /// Penalty.
    public var penalty: Int
    /// Calls completed.
    public var callsTaken = 0
    /// Epoch seconds of the last completed call, 0 when none.
    public var lastCall = 0
    /// Epoch seconds of the last pause, 0 when none.
    public var lastPause = 0
    /// Epoch seconds of the login.
    public var loginTime: Int
    /// On a call now.
    public var inCall = false
    /// Device state (1 not in use, 2 in use, 6 ringing).
    public var status = 1
    /// Paused.
    public var paused = false
    /// Pause reason.
    public var pausedReason = ""

    /// A member.
    public init(name: String, interface: String, membership: String = "static", penalty: Int = 0, loginTime: Int = 0) {
        self.name = name
        self.interface = interface
        self.stateInterface = interface
        self.membership = membership
        self.penalty = penalty
        self.loginTime = loginTime
    }

    /// Appends the member block of `QueueMember*` events.
    func appendEventBlock(to message: inout AMIMessage, queue: String) {
        message.append("Queue", queue)
        message.append("MemberName", name)
        message.append("Interface", interface)
        message.append("StateInterface", stateInterface)
        message.append("Membership", membership)
        message.append("Penalty", String(penalty))
        message.append("CallsTaken", String(callsTaken))
        message.append("LastCall", String(lastCall))
        message.append("LastPause", String(lastPause))
        message.append("LoginTime", String(loginTime))
        message.append("InCall", inCall ? "1" : "0")
        message.append("Status", String(status))
        message.append("Paused", paused ? "1" : "0")
        message.append("PausedReason", pausedReason)
        message.append("Ringinuse", "0")
        message.append("Wrapuptime", "0")
    }

    /// Whether a caller can be offered to this member.
    var isAvailable: Bool { !paused && !inCall && status == 1 }
}

/// A queue in the simulated app_queue.
public struct SimQueue: Sendable, Hashable {
    /// Queue name.
    public var name: String
    /// Strategy name reported by QueueStatus.
    public var strategy: String = "leastrecent"
    /// Members in order.
    public var members: [SimQueueMember]
    /// Uniqueids of waiting callers, in order.
    public var waiting: [String] = []
    /// When each waiting caller joined (epoch seconds).
    public var joinedAt: [String: Double] = [:]
    /// Completed calls.
    public var completed = 0
    /// Abandoned calls.
    public var abandoned = 0
    /// Sum of hold times of answered calls, seconds.
    public var totalHold = 0.0
    /// Sum of talk times, seconds.
    public var totalTalk = 0.0

    /// A queue with members.
    public init(name: String, members: [SimQueueMember]) {
        self.name = name
        self.members = members
    }

    func memberIndex(interface: String) -> Int? {
        members.firstIndex { $0.interface.lowercased() == interface.lowercased() }
    }
}
