/// A recording in progress (Swagger `LiveRecording`).
public struct ARILiveRecording: Codable, Sendable, Hashable {
    /// Base name, unique among recordings.
    public var name: String
    /// File format (`wav`, `gsm`, …).
    public var format: String
    /// `channel:ID` or `bridge:ID`.
    public var targetURI: String
    /// `queued`, `recording`, `paused`, `done`, `failed`, `canceled`.
    public var state: String
    /// Seconds recorded, once finished.
    public var duration: Int?
    /// Seconds of talking, with silence detection.
    public var talkingDuration: Int?
    /// Seconds of silence, with silence detection.
    public var silenceDuration: Int?
    /// Why it failed.
    public var cause: String?

    enum CodingKeys: String, CodingKey {
        case name, format, state, duration, cause
        case targetURI = "target_uri"
        case talkingDuration = "talking_duration"
        case silenceDuration = "silence_duration"
    }

    /// A live recording value.
    public init(
        name: String, format: String, targetURI: String, state: String, duration: Int? = nil,
        talkingDuration: Int? = nil, silenceDuration: Int? = nil, cause: String? = nil
    ) {
        self.name = name
        self.format = format
        self.targetURI = targetURI
        self.state = state
        self.duration = duration
        self.talkingDuration = talkingDuration
        self.silenceDuration = silenceDuration
        self.cause = cause
    }

    /// Whether the recording ended in failure.
    public var failed: Bool { state == "failed" }
}
