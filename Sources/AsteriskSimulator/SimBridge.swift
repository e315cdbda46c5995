import AMI

/// A basic two-party bridge, as app_queue creates for an answered call.
public struct SimBridge: Sendable, Hashable {
    /// `BridgeUniqueid`, UUID-shaped.
    public var id: String
    /// Uniqueids of the channels in it, in order of entry.
    public var members: [String]

    /// Appends the bridge block (`BridgeUniqueid` … `BridgeVideoSourceMode`).
    func appendBlock(to message: inout AMIMessage) {
        message.append("BridgeUniqueid", id)
        message.append("BridgeType", "basic")
        message.append("BridgeTechnology", "simple_bridge")
        message.append("BridgeCreator", "<unknown>")
        message.append("BridgeName", "<unknown>")
        message.append("BridgeNumChannels", String(members.count))
        message.append("BridgeVideoSourceMode", "none")
    }
}
