import CTICore
import CTIServer
import FlowYAML
import Foundation
import Storage
import Telephony

/// `/api/flows` on the live flow catalog: documents are checked with every problem listed,
/// published versions take new calls at once (calls in progress keep theirs), and every
/// publication is also written to the store's audit log.
public struct CatalogFlowAdministration: FlowAdministration {
    let catalog: IVRFlowCatalog
    let store: CTIStore?
    let now: @Sendable () -> Date

    public init(catalog: IVRFlowCatalog, store: CTIStore?, now: @escaping @Sendable () -> Date = { Date() }) {
        self.catalog = catalog
        self.store = store
        self.now = now
    }

    public func flows() async -> [CTIFlowSummary] {
        let registry = catalog.snapshot
        return registry.flowIDs.compactMap { summary($0, in: registry) }
    }

    public func check(_ document: Data, format: FlowDocumentFormat) async -> [CTIFlowProblem] {
        switch Self.read(document, format: format) {
        case .problem(let problem): [problem]
        case .flow(let flow): FlowValidator.problems(in: flow).map(Self.problem)
        }
    }

    public func publish(_ document: Data, format: FlowDocumentFormat, by user: String, note: String?) async throws(CTIFlowRejection) -> CTIFlowSummary {
        let flow: IVRFlow
        switch Self.read(document, format: format) {
        case .problem(let problem): throw .invalid([problem])
        case .flow(let read): flow = read
        }
        let published: PublishedFlow
        do {
            published = try catalog.publish(flow, by: user, at: now(), note: note)
        } catch {
            switch error {
            case .invalid(let validation): throw .invalid(validation.problems.map(Self.problem))
            case .unchanged(let id): throw .unchanged(id)
            case .unknownFlow, .unknownVersion: throw .invalid([CTIFlowProblem(code: "unknownFlow", node: nil, message: error.description)])
            }
        }
        let registry = catalog.snapshot
        let summary = registry.auditLog.last { $0.flowID == flow.id }?.diff.summary ?? ""
        try? await store?.audit.record(
            actor: user, action: "flow.publish", entityType: "flow", entityID: flow.id,
            changes: [
                FieldChange(field: "version", oldValue: published.version > 1 ? String(published.version - 1) : nil, newValue: String(published.version)),
                FieldChange(field: "diff", oldValue: nil, newValue: summary),
            ])
        return self.summary(flow.id, in: registry)!
    }

    public func liveFlow(flowID: String) async -> IVRFlow? {
        catalog.snapshot.live(flowID)?.flow.flow
    }

    public func history(flowID: String) async -> [CTIFlowChange]? {
        let registry = catalog.snapshot
        guard registry.live(flowID) != nil else { return nil }
        return registry.auditLog.filter { $0.flowID == flowID }.map {
            CTIFlowChange(version: $0.version, by: $0.by, at: $0.at.timeIntervalSince1970, summary: $0.description, note: $0.note)
        }
    }

    private func summary(_ id: String, in registry: FlowRegistry) -> CTIFlowSummary? {
        guard let live = registry.live(id) else { return nil }
        return CTIFlowSummary(
            id: id, name: live.flow.flow.name, liveVersion: live.version, versions: registry.versions(of: id).count,
            publishedBy: live.publishedBy, publishedAt: live.publishedAt.timeIntervalSince1970)
    }

    enum Reading {
        case flow(IVRFlow)
        case problem(CTIFlowProblem)
    }

    static func read(_ document: Data, format: FlowDocumentFormat) -> Reading {
        do {
            return .flow(try IVRFlow.decode(document, format: format))
        } catch {
            return .problem(CTIFlowProblem(code: "malformedDocument", node: nil, message: error.description))
        }
    }

    static func problem(_ problem: FlowProblem) -> CTIFlowProblem {
        CTIFlowProblem(code: problem.code.rawValue, node: problem.nodeID, message: problem.message)
    }
}
