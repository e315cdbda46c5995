import Foundation

/// Every published version of every flow, and the audit log of changes. A value: storage comes later.
///
/// The newest version of a flow is live for new calls; a call keeps the `PublishedFlow` it
/// started on, so publishing never changes a call in progress.
public struct FlowRegistry: Sendable {
    private var versions: [String: [PublishedFlow]] = [:]
    /// Every change, oldest first.
    public private(set) var auditLog: [FlowAuditEntry] = []

    public init() {}

    /// Ids of all flows, sorted.
    public var flowIDs: [String] { versions.keys.sorted() }

    /// The version new calls get.
    public func live(_ flowID: String) -> PublishedFlow? {
        versions[flowID]?.last
    }

    /// A given version.
    public func version(_ version: Int, of flowID: String) -> PublishedFlow? {
        guard let all = versions[flowID], version >= 1, version <= all.count else { return nil }
        return all[version - 1]
    }

    /// All versions of a flow, oldest first.
    public func versions(of flowID: String) -> [PublishedFlow] {
        versions[flowID] ?? []
    }

    /// A new call on the live version of `flowID`.
    public func startCall(flowID: String) -> IVREngine? {
        live(flowID)?.startCall()
    }

    /// Validates `flow` and makes it the live version for new calls.
    @discardableResult
    public mutating func publish(_ flow: IVRFlow, by user: String, at now: Date, note: String? = nil) throws(FlowPublishError) -> PublishedFlow {
        let validated: ValidatedFlow
        do {
            validated = try FlowValidator.validate(flow)
        } catch {
            throw .invalid(error)
        }
        return try append(validated, action: .published, by: user, at: now, note: note)
    }

    /// Publishes an earlier version again as the newest one.
    @discardableResult
    public mutating func rollBack(_ flowID: String, to version: Int, by user: String, at now: Date, note: String? = nil) throws(FlowPublishError) -> PublishedFlow {
        guard versions[flowID] != nil else { throw .unknownFlow(flowID) }
        guard let target = self.version(version, of: flowID) else { throw .unknownVersion(flowID: flowID, version: version) }
        return try append(target.flow, action: .rolledBack(toVersion: version), by: user, at: now, note: note)
    }

    private mutating func append(_ flow: ValidatedFlow, action: FlowAuditEntry.Action, by user: String, at now: Date, note: String?) throws(FlowPublishError) -> PublishedFlow {
        let previous = live(flow.id)
        let diff = FlowDiff(from: previous?.flow.flow, to: flow.flow)
        if previous != nil && diff.isEmpty { throw .unchanged(flowID: flow.id) }
        let published = PublishedFlow(flow: flow, version: (previous?.version ?? 0) + 1, publishedBy: user, publishedAt: now)
        versions[flow.id, default: []].append(published)
        auditLog.append(FlowAuditEntry(flowID: flow.id, version: published.version, action: action, by: user, at: now, diff: diff, note: note))
        return published
    }
}
