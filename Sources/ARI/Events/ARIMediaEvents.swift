/// `PlaybackStarted`, `PlaybackContinuing`, `PlaybackFinished`; a finished playback in state
/// `failed` is how Asterisk reports media it could not play.
public struct ARIPlaybackEvent: Codable, Sendable, Hashable {
    public var playback: ARIPlayback

    public init(playback: ARIPlayback) { self.playback = playback }
}

/// `RecordingStarted`, `RecordingFinished`, `RecordingFailed`.
public struct ARIRecordingEvent: Codable, Sendable, Hashable {
    public var recording: ARILiveRecording

    public init(recording: ARILiveRecording) { self.recording = recording }
}
