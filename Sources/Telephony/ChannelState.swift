/// A channel's state, as Asterisk numbers it in `ChannelState` (`AST_STATE_*`).
public enum ChannelState: Int, Sendable, Hashable, CustomStringConvertible {
    case down = 0, reserved, offHook, dialing, ring, ringing, up, busy, dialingOffHook, preRing
    /// A state number this version does not know.
    case unknown = -1

    /// The state for an AMI `ChannelState` value.
    public init(amiValue: String?) {
        self = amiValue.flatMap { Int($0) }.flatMap(ChannelState.init(rawValue:)) ?? .unknown
    }

    public var description: String {
        switch self {
        case .down: "Down"
        case .reserved: "Rsrvd"
        case .offHook: "OffHook"
        case .dialing: "Dialing"
        case .ring: "Ring"
        case .ringing: "Ringing"
        case .up: "Up"
        case .busy: "Busy"
        case .dialingOffHook: "Dialing Offhook"
        case .preRing: "Pre-ring"
        case .unknown: "Unknown"
        }
    }
}
