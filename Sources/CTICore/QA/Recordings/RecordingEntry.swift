import Foundation

/// One recorded call in the recordings index: who and what it was, and where its file is.
public struct RecordingEntry: Sendable, Hashable, Codable, Identifiable {
    /// The recording's name (unique), e.g. `acd-acd-call-7`.
    public var id: String
    /// The call (the ACD's call id).
    public var callID: String
    /// The agent who took the call, when connected to one.
    public var agentID: String?
    public var queue: String?
    /// The CRM customer, when known.
    public var customerID: Int64?
    /// The caller's number, for the work list.
    public var callerNumber: String?
    public var startedAt: Date
    /// Length of the recording in seconds.
    public var durationSeconds: Double
    /// File format, e.g. `wav`.
    public var format: String
    /// The file, relative to the configured recordings directory (`acd-acd-call-7.wav`).
    public var location: String
    /// Set when the retention policy removed the file.
    public var deletedAt: Date?

    public init(
        id: String, callID: String, agentID: String?, queue: String?, customerID: Int64? = nil, callerNumber: String? = nil,
        startedAt: Date, durationSeconds: Double, format: String, location: String, deletedAt: Date? = nil
    ) {
        self.id = id
        self.callID = callID
        self.agentID = agentID
        self.queue = queue
        self.customerID = customerID
        self.callerNumber = callerNumber
        self.startedAt = startedAt
        self.durationSeconds = durationSeconds
        self.format = format
        self.location = location
        self.deletedAt = deletedAt
    }

    /// Every problem with the entry; empty when it can be stored.
    public var problems: [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if id.isEmpty || id.count > 200 { issues.append(ValidationIssue(field: "id", message: "must be 1 to 200 characters")) }
        if callID.isEmpty { issues.append(ValidationIssue(field: "callID", message: "must not be empty")) }
        if !(durationSeconds.isFinite && durationSeconds >= 0) {
            issues.append(ValidationIssue(field: "durationSeconds", message: "must be a non-negative number"))
        }
        if format.isEmpty || !format.allSatisfy({ $0.isLetter || $0.isNumber }) {
            issues.append(ValidationIssue(field: "format", message: "must be letters and digits, e.g. wav"))
        }
        if !RecordingEntry.isSafeLocation(location) {
            issues.append(ValidationIssue(field: "location", message: "must be a file name inside the recordings directory"))
        }
        return issues
    }

    /// A relative path without `..`, leading `/` or empty parts: it cannot leave the recordings directory.
    public static func isSafeLocation(_ location: String) -> Bool {
        guard !location.isEmpty, !location.hasPrefix("/"), !location.contains("\\"), !location.contains("\0") else { return false }
        return location.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
