import CTICore
import Foundation
import Synchronization

/// The published IVR flows a runner starts calls on, safe to publish into while calls run.
///
/// Wraps a ``FlowRegistry``: a new call gets the live version of its flow and keeps it until it
/// leaves the IVR, so a publish is live for new calls only.
public final class IVRFlowCatalog: Sendable {
    private let registry: Mutex<FlowRegistry>

    /// A catalog holding `registry` (empty by default).
    public init(registry: FlowRegistry = FlowRegistry()) {
        self.registry = Mutex(registry)
    }

    /// Validates `flow` and makes it the live version for new calls.
    @discardableResult
    public func publish(_ flow: IVRFlow, by user: String, at now: Date = Date(), note: String? = nil) throws(FlowPublishError) -> PublishedFlow {
        try registry.withLock { registry throws(FlowPublishError) -> PublishedFlow in
            try registry.publish(flow, by: user, at: now, note: note)
        }
    }

    /// The version new calls of `flowID` get, if published.
    public func live(_ flowID: String) -> PublishedFlow? {
        registry.withLock { $0.live(flowID) }
    }

    /// A copy of the registry now (versions and audit log).
    public var snapshot: FlowRegistry { registry.withLock { $0 } }
}
