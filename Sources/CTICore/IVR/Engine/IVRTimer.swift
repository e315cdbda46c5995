/// A timer the I/O layer must run for the engine; when it ends, send `.timerFired(id)`.
public struct IVRTimer: Sendable, Hashable {
    /// What a timer guards.
    public enum Kind: Int, Sendable, Hashable, CaseIterable {
        /// Waiting for `PlaybackStarted` after a `play` request.
        case playbackStart
        /// Waiting for the first digit after the prompts.
        case firstDigit
        /// Waiting for the next digit of an entry.
        case interDigit
        /// The whole of one digit entry.
        case overall
        /// Waiting for the CRM.
        case lookup
        /// A message recording running past its maximum.
        case recording
    }

    public let id: IVRTimerID
    public let kind: Kind
    public let duration: Duration

    public init(id: IVRTimerID, kind: Kind, duration: Duration) {
        self.id = id
        self.kind = kind
        self.duration = duration
    }
}
