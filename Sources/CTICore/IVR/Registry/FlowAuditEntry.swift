import Foundation

/// One change to the published flows: who, when, what.
public struct FlowAuditEntry: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of change.
    public enum Action: Sendable, Hashable, Codable {
        /// A new version was published.
        case published
        /// An earlier version was published again as a new version.
        case rolledBack(toVersion: Int)
    }

    public let flowID: String
    /// The version the change created.
    public let version: Int
    public let action: Action
    /// The user who made the change.
    public let by: String
    public let at: Date
    /// Changes against the version that was live before.
    public let diff: FlowDiff
    /// The publisher's comment, if any.
    public let note: String?

    public var description: String {
        let what: String
        switch action {
        case .published: what = version == 1 ? "published v1 (\(diff.added.count) nodes)" : "published v\(version): \(diff.summary)"
        case .rolledBack(let target): what = "rolled back to v\(target) as v\(version): \(diff.summary)"
        }
        return "\(at.formatted(.iso8601)) \(by) \(flowID) \(what)" + (note.map { " — \($0)" } ?? "")
    }
}
