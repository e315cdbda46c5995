/// Something that happened to a call, fed to `IVREngine.handle(_:at:into:)`.
public enum IVREvent: Sendable, Hashable {
    /// The call entered the IVR; must come first.
    case callStarted(IVRCallInfo)
    /// Asterisk began a playback (ARI `PlaybackStarted`).
    case playbackStarted(IVRPlaybackID)
    /// A playback ended normally (`PlaybackFinished`, state `done`).
    case playbackFinished(IVRPlaybackID)
    /// A playback failed (`PlaybackFinished` with state `failed`, or the `play` request failed).
    case playbackFailed(IVRPlaybackID)
    /// The caller pressed a key (`ChannelDtmfReceived`).
    case digit(DTMFDigit)
    /// A timer the engine started has run out.
    case timerFired(IVRTimerID)
    /// The CRM answered a lookup.
    case lookupResult(IVRLookupID, CustomerLookupResult)
    /// A message recording ended (`RecordingFinished`).
    case recordingFinished(name: String, durationSeconds: Double?)
    /// A message recording failed (`RecordingFailed`, or the `record` request failed).
    case recordingFailed(name: String)
    /// The caller hung up.
    case hangUp
}
