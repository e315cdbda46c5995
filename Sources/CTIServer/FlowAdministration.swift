import CTICore
import FlowYAML
import Foundation

/// IVR flow administration behind `/api/flows`: validate, publish (live for new calls), history.
public protocol FlowAdministration: Sendable {
    /// Every flow with its live version.
    func flows() async -> [CTIFlowSummary]
    /// Every problem in a flow document (JSON or YAML); empty when it can be published.
    func check(_ document: Data, format: FlowDocumentFormat) async -> [CTIFlowProblem]
    /// Publishes a flow document (JSON or YAML) as the flow's next version.
    func publish(_ document: Data, format: FlowDocumentFormat, by user: String, note: String?) async throws(CTIFlowRejection) -> CTIFlowSummary
    /// The flow's live version as a document; nil for an unknown flow.
    func liveFlow(flowID: String) async -> IVRFlow?
    /// The flow's audit trail (who, when, what changed), oldest first; nil for an unknown flow.
    func history(flowID: String) async -> [CTIFlowChange]?
}

/// A flow and its live version.
public struct CTIFlowSummary: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var liveVersion: Int
    public var versions: Int
    public var publishedBy: String
    public var publishedAt: Double

    public init(id: String, name: String, liveVersion: Int, versions: Int, publishedBy: String, publishedAt: Double) {
        self.id = id
        self.name = name
        self.liveVersion = liveVersion
        self.versions = versions
        self.publishedBy = publishedBy
        self.publishedAt = publishedAt
    }
}

/// One problem with a flow document.
public struct CTIFlowProblem: Codable, Sendable, Hashable {
    /// `malformedDocument` for JSON that cannot be read, else the validator's rule (`unknownTarget`, …).
    public var code: String
    /// The node concerned, if any.
    public var node: String?
    public var message: String

    public init(code: String, node: String?, message: String) {
        self.code = code
        self.node = node
        self.message = message
    }
}

/// One entry of a flow's audit trail.
public struct CTIFlowChange: Codable, Sendable, Hashable {
    public var version: Int
    public var by: String
    public var at: Double
    /// What changed, in words (`published v2: changed main (options)`).
    public var summary: String
    public var note: String?

    public init(version: Int, by: String, at: Double, summary: String, note: String?) {
        self.version = version
        self.by = by
        self.at = at
        self.summary = summary
        self.note = note
    }
}

/// Why a flow was not published.
public enum CTIFlowRejection: Error, Sendable, Hashable {
    /// The document has problems; all of them.
    case invalid([CTIFlowProblem])
    /// It is the same as the live version.
    case unchanged(String)
}
