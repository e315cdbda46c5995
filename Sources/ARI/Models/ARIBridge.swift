/// A bridge (Swagger `Bridge`).
public struct ARIBridge: Codable, Sendable, Hashable, Identifiable {
    /// Unique id.
    public var id: String
    /// Bridging technology (`simple_bridge`, `softmix`, `holding_bridge`, …).
    public var technology: String
    /// `mixing` or `holding`.
    public var bridgeType: String
    /// `stasis`, `base`, …
    public var bridgeClass: String
    /// Who created it (`Stasis`).
    public var creator: String
    /// Name given at creation.
    public var name: String
    /// Ids of the channels in the bridge.
    public var channels: [String]
    /// Video mode (`talker`, `sfu`, `none`).
    public var videoMode: String?
    /// Video source channel id, in single-source mode.
    public var videoSourceID: String?
    /// Creation time as Asterisk writes it.
    public var creationtime: String
    /// Bridge variables.
    public var bridgevars: [String: String]?

    enum CodingKeys: String, CodingKey {
        case id, technology, creator, name, channels, creationtime, bridgevars
        case bridgeType = "bridge_type"
        case bridgeClass = "bridge_class"
        case videoMode = "video_mode"
        case videoSourceID = "video_source_id"
    }

    /// A bridge value.
    public init(
        id: String, technology: String, bridgeType: String, bridgeClass: String = "stasis", creator: String = "Stasis",
        name: String, channels: [String] = [], videoMode: String? = "talker", videoSourceID: String? = nil,
        creationtime: String, bridgevars: [String: String]? = nil
    ) {
        self.id = id
        self.technology = technology
        self.bridgeType = bridgeType
        self.bridgeClass = bridgeClass
        self.creator = creator
        self.name = name
        self.channels = channels
        self.videoMode = videoMode
        self.videoSourceID = videoSourceID
        self.creationtime = creationtime
        self.bridgevars = bridgevars
    }
}

/// A bridge type for `POST /bridges?type=` (several may be combined).
public struct ARIBridgeType: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public static let mixing: Self = "mixing"
    public static let holding: Self = "holding"
    public static let dtmfEvents: Self = "dtmf_events"
    public static let proxyMedia: Self = "proxy_media"
}
