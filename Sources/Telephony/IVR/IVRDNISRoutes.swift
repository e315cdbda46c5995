/// Which flow a call runs, by the number it dialled (DNIS).
public struct IVRDNISRoutes: Sendable, Hashable {
    /// DNIS → flow id.
    public var routes: [String: String]
    /// The flow for a DNIS with no route of its own; nil sends such calls to the fallback.
    public var defaultFlowID: String?

    /// Routes `routes`, others to `defaultFlowID`.
    public init(_ routes: [String: String] = [:], defaultFlowID: String? = nil) {
        self.routes = routes
        self.defaultFlowID = defaultFlowID
    }

    /// The flow id for `dnis`, or nil when the call has nowhere to go.
    public func flowID(forDNIS dnis: String) -> String? {
        routes[dnis] ?? defaultFlowID
    }
}
