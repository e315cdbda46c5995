/// A Stasis application and what it is subscribed to (Swagger `Application`).
public struct ARIApplication: Codable, Sendable, Hashable {
    /// Application name.
    public var name: String
    /// Channels the application is subscribed to (those in Stasis and those it originated).
    public var channelIDs: [String]
    /// Bridges it is subscribed to.
    public var bridgeIDs: [String]
    /// Endpoints it is subscribed to.
    public var endpointIDs: [String]
    /// Device states it is subscribed to.
    public var deviceNames: [String]
    /// Event filter: allowed event types.
    public var eventsAllowed: [ARIJSON]
    /// Event filter: disallowed event types.
    public var eventsDisallowed: [ARIJSON]

    enum CodingKeys: String, CodingKey {
        case name
        case channelIDs = "channel_ids"
        case bridgeIDs = "bridge_ids"
        case endpointIDs = "endpoint_ids"
        case deviceNames = "device_names"
        case eventsAllowed = "events_allowed"
        case eventsDisallowed = "events_disallowed"
    }

    /// An application value.
    public init(
        name: String, channelIDs: [String] = [], bridgeIDs: [String] = [], endpointIDs: [String] = [],
        deviceNames: [String] = [], eventsAllowed: [ARIJSON] = [], eventsDisallowed: [ARIJSON] = []
    ) {
        self.name = name
        self.channelIDs = channelIDs
        self.bridgeIDs = bridgeIDs
        self.endpointIDs = endpointIDs
        self.deviceNames = deviceNames
        self.eventsAllowed = eventsAllowed
        self.eventsDisallowed = eventsDisallowed
    }
}
