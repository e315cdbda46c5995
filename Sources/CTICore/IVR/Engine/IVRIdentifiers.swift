/// Identifies one playback the engine asked for; unique within a call.
///
/// The I/O layer turns it into an ARI playback id (for example `"\(channelID)-pb\(rawValue)"`).
public struct IVRPlaybackID: Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public var description: String { "pb\(rawValue)" }
}

/// Identifies one timer the engine started; unique within a call.
public struct IVRTimerID: Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public var description: String { "timer\(rawValue)" }
}

/// Identifies one CRM lookup the engine asked for; unique within a call.
public struct IVRLookupID: Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public var description: String { "lookup\(rawValue)" }
}
