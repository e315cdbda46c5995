import Foundation

/// One published version of a flow.
public struct PublishedFlow: Sendable, Equatable {
    public let flow: ValidatedFlow
    /// 1 for the first version, then counting up.
    public let version: Int
    public let publishedBy: String
    public let publishedAt: Date

    /// The flow's id.
    public var flowID: String { flow.id }

    /// A new call on this version.
    public func startCall() -> IVREngine {
        IVREngine(flow: flow, version: version)
    }
}
