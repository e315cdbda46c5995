/// An IVR call flow as admins write it: a start node and a list of nodes (see docs/ivr-flows.md).
///
/// A flow is only a document; `FlowValidator` checks it and `ValidatedFlow` is what calls run.
public struct IVRFlow: Sendable, Hashable, Codable {
    /// Stable identifier, e.g. `main-menu`; versions of one flow share it.
    public var id: String
    /// Readable name for admins.
    public var name: String
    /// The node every call starts at.
    public var start: String
    /// Flow-wide settings.
    public var settings: Settings
    /// The nodes, in the order the admin wrote them.
    public var nodes: [IVRNode]

    public init(id: String, name: String? = nil, start: String, settings: Settings = Settings(), nodes: [IVRNode]) {
        self.id = id
        self.name = name ?? id
        self.start = start
        self.settings = settings
        self.nodes = nodes
    }

    private enum CodingKeys: String, CodingKey { case id, name, start, settings, nodes }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id) ?? ""
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? id
        start = try container.decodeIfPresent(String.self, forKey: .start) ?? ""
        settings = try container.decodeIfPresent(Settings.self, forKey: .settings) ?? Settings()
        nodes = try container.decodeIfPresent([IVRNode].self, forKey: .nodes) ?? []
    }
}

extension IVRFlow {
    /// Flow-wide settings.
    public struct Settings: Sendable, Hashable, Codable {
        /// Prompt language until a language node changes it (Asterisk's `lang`, e.g. `en`, `vi`).
        public var language: String
        /// Seconds to wait for `PlaybackStarted` before treating a prompt as failed.
        public var playbackStartTimeout: Double

        public init(language: String = "en", playbackStartTimeout: Double = 2) {
            self.language = language
            self.playbackStartTimeout = playbackStartTimeout
        }

        private enum CodingKeys: String, CodingKey { case language, playbackStartTimeout }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            language = try container.decodeIfPresent(String.self, forKey: .language) ?? "en"
            playbackStartTimeout = try container.decodeIfPresent(Double.self, forKey: .playbackStartTimeout) ?? 2
        }
    }
}
