/// Which connected calls are recorded, per queue: all, none or a percentage.
public struct RecordingPolicy: Sendable, Hashable, Codable {
    /// What one queue does.
    public enum Mode: Sendable, Hashable, Codable {
        case all
        case none
        /// This share (0-100) of calls, picked by a stable hash of the call id, so a call's fate
        /// does not depend on when or where it is asked.
        case percentage(Double)
    }

    /// Queues not listed use this.
    public var defaultMode: Mode
    /// Queue id → mode.
    public var queues: [String: Mode]

    public init(defaultMode: Mode = .all, queues: [String: Mode] = [:]) {
        self.defaultMode = defaultMode
        self.queues = queues
    }

    /// Records every call.
    public static let recordAll = RecordingPolicy()

    /// Whether the call `callID` in `queue` is recorded.
    public func shouldRecord(callID: String, queue: String) -> Bool {
        switch queues[queue] ?? defaultMode {
        case .all: return true
        case .none: return false
        case .percentage(let share):
            guard share > 0 else { return false }
            guard share < 100 else { return true }
            return Double(Self.bucket(callID)) < share * 100
        }
    }

    /// Every problem with the policy (percentages outside 0-100).
    public var problems: [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func check(_ mode: Mode, _ field: String) {
            if case .percentage(let share) = mode, !(share.isFinite && (0...100).contains(share)) {
                issues.append(ValidationIssue(field: field, message: "a percentage must be from 0 to 100, got \(share)"))
            }
        }
        check(defaultMode, "defaultMode")
        for (queue, mode) in queues.sorted(by: { $0.key < $1.key }) { check(mode, "queues.\(queue)") }
        return issues
    }

    /// 0..<10,000 from FNV-1a of the call id: stable across runs and machines.
    static func bucket(_ callID: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in callID.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int(hash % 10_000)
    }
}
