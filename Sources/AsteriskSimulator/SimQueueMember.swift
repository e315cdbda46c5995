import AMI

/// A member of a simulated app_queue queue.
public struct SimQueueMember: Sendable, Hashable {
    /// Display name (`MemberName`, or `Name` in QueueStatus).
    public var name: String
    /// Dial interface (`Interface`, or `Location` in QueueStatus), e.g. `Local/1001@agents/n`.
    public var interface: String
    /// Device whose state is the member's state, e.g. `Local/1001@agents`.
    public var stateInterface: String
    /// `static` (queues.conf) or `dynamic` (QueueAdd).
    public var membership: String
    /// Penalty: lower is offered first.
    public var penalty: Int
    /// Calls completed.
    public var callsTaken = 0
    /// Epoch seconds of the last completed call, 0 when none.
    public var lastCall: Int64 = 0
    /// Epoch seconds of the last pause, 0 when none.
    public var lastPause: Int64 = 0
    /// Epoch seconds of the login.
    public var loginTime: Int64
    /// On a queue call now.
    public var inCall = false
    /// Device state of `stateInterface`.
    public var status: DeviceState = .notInUse
    /// Paused.
    public var paused = false
    /// Why it is paused.
    public var pausedReason = ""
    /// Not offered calls before this time (wrap-up after a call).
    public var wrapUpUntil: WallTime?
    /// Being offered a call now.
    public var ringing = false

    /// A member; `stateInterface` defaults to the interface without a trailing `/n`.
    public init(
        name: String, interface: String, stateInterface: String? = nil, membership: String = "static",
        penalty: Int = 0, loginTime: Int64 = 0
    ) {
        self.name = name
        self.interface = interface
        self.stateInterface = stateInterface ?? (interface.hasSuffix("/n") ? String(interface.dropLast(2)) : interface)
        self.membership = membership
        self.penalty = penalty
        self.loginTime = loginTime
    }

    /// Whether a caller can be offered to this member at `time`.
    public func isAvailable(at time: WallTime) -> Bool {
        !paused && !inCall && !ringing && status == .notInUse && (wrapUpUntil.map { $0 <= time } ?? true)
    }

    /// Appends the body of `QueueMemberAdded`, `…Pause`, `…Status`, `…Removed` (as in the capture).
    func appendEventBlock(to message: inout AMIMessage, queue: String) {
        message.append("Queue", queue)
        message.append("MemberName", name)
        message.append("Interface", interface)
        message.append("StateInterface", stateInterface)
        appendCounters(to: &message)
        message.append("Ringinuse", "0")
        message.append("Wrapuptime", "0")
    }

    /// Appends the body of a QueueStatus `QueueMember` item (`Name`/`Location`, as in the capture).
    func appendListItem(to message: inout AMIMessage, queue: String) {
        message.append("Queue", queue)
        message.append("Name", name)
        message.append("Location", interface)
        message.append("StateInterface", stateInterface)
        appendCounters(to: &message)
        message.append("Wrapuptime", "0")
    }

    private func appendCounters(to message: inout AMIMessage) {
        message.append("Membership", membership)
        message.append("Penalty", String(penalty))
        message.append("CallsTaken", String(callsTaken))
        message.append("LastCall", String(lastCall))
        message.append("LastPause", String(lastPause))
        message.append("LoginTime", String(loginTime))
        message.append("InCall", inCall ? "1" : "0")
        message.append("Status", String(status.rawValue))
        message.append("Paused", paused ? "1" : "0")
        message.append("PausedReason", pausedReason)
    }
}
