/// A playback of media to a channel or bridge (Swagger `Playback`).
public struct ARIPlayback: Codable, Sendable, Hashable, Identifiable {
    /// Playback id (preset by the client or chosen by Asterisk).
    public var id: String
    /// The media now playing (the last one, in the POST answer).
    public var mediaURI: String
    /// The next media in the list, if any.
    public var nextMediaURI: String?
    /// `channel:ID` or `bridge:ID`.
    public var targetURI: String
    /// Language.
    public var language: String?
    /// `queued`, `playing`, `continuing`, `done`, `failed`, …
    public var state: State

    enum CodingKeys: String, CodingKey {
        case id, language, state
        case mediaURI = "media_uri"
        case nextMediaURI = "next_media_uri"
        case targetURI = "target_uri"
    }

    /// A playback value.
    public init(id: String, mediaURI: String, nextMediaURI: String? = nil, targetURI: String, language: String? = "en", state: State) {
        self.id = id
        self.mediaURI = mediaURI
        self.nextMediaURI = nextMediaURI
        self.targetURI = targetURI
        self.language = language
        self.state = state
    }

    /// A playback state; unknown spellings are kept.
    public struct State: RawRepresentable, Codable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }

        public static let queued: Self = "queued"
        public static let playing: Self = "playing"
        public static let continuing: Self = "continuing"
        public static let paused: Self = "paused"
        public static let done: Self = "done"
        public static let failed: Self = "failed"
        public static let cancelled: Self = "cancelled"

        /// Whether this state reports a failure: Asterisk's POST said 201 but the media could not play.
        public var isFailure: Bool { self == .failed }
    }

    /// Whether the playback failed (`PlaybackFinished` with state `failed`).
    public var failed: Bool { state.isFailure }
}
