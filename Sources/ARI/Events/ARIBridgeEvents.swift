/// `BridgeCreated`, `BridgeDestroyed`.
public struct ARIBridgeOnly: Codable, Sendable, Hashable {
    public var bridge: ARIBridge

    public init(bridge: ARIBridge) { self.bridge = bridge }
}

/// `ChannelEnteredBridge`, `ChannelLeftBridge`.
public struct ARIChannelBridge: Codable, Sendable, Hashable {
    public var bridge: ARIBridge
    /// The channel (Swagger allows it to be absent on `ChannelEnteredBridge`).
    public var channel: ARIChannel?

    public init(bridge: ARIBridge, channel: ARIChannel?) {
        self.bridge = bridge
        self.channel = channel
    }
}
