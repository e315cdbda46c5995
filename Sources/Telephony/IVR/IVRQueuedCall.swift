import CTICore

/// A call leaving the IVR for the ACD: where it goes and what the caller did on the way.
public struct IVRQueuedCall: Sendable, Hashable {
    /// The ARI channel, still in Stasis; the ACD takes it from here.
    public var channelID: String
    public var queue: String
    /// Required skill → minimum level.
    public var skills: [String: Int]
    public var priority: Int
    public var callerNumber: String
    public var callerName: String?
    /// The number the caller dialled.
    public var dnis: String
    /// The caller's route: nodes, digits, lookups, variables, customer.
    public var path: IVRPath

    public init(
        channelID: String, queue: String, skills: [String: Int], priority: Int, callerNumber: String, callerName: String?,
        dnis: String, path: IVRPath
    ) {
        self.channelID = channelID
        self.queue = queue
        self.skills = skills
        self.priority = priority
        self.callerNumber = callerNumber
        self.callerName = callerName
        self.dnis = dnis
        self.path = path
    }

    /// The nodes the caller entered, in order.
    public var nodes: [String] {
        path.steps.compactMap { if case .entered = $0.event { $0.nodeID } else { nil } }
    }

    /// Accepted input, in order (collected entries masked when sensitive).
    public var digits: [String] {
        path.steps.compactMap { if case .pressed(let digits) = $0.event { digits } else { nil } }
    }

    /// CRM lookup results, in order (`found`, `vip`, `notFound`, …).
    public var lookups: [String] {
        path.steps.compactMap { if case .lookup(let result, _) = $0.event { result } else { nil } }
    }
}

/// Where queue calls go when they leave the IVR: the ACD.
public protocol IVRQueueHandoff: Sendable {
    /// Takes the call; throwing sends the caller to the dialplan fallback instead.
    func handOff(_ call: IVRQueuedCall) async throws
}
