/// `StasisStart`: a channel entered the application.
public struct ARIStasisStart: Codable, Sendable, Hashable {
    /// Arguments from `Stasis(app,arg1,…)` or the originate's `appArgs`.
    public var args: [String]
    /// The channel.
    public var channel: ARIChannel
    /// The channel this one replaces (after a masquerade), if any.
    public var replaceChannel: ARIChannel?

    enum CodingKeys: String, CodingKey {
        case args, channel
        case replaceChannel = "replace_channel"
    }

    public init(args: [String], channel: ARIChannel, replaceChannel: ARIChannel? = nil) {
        self.args = args
        self.channel = channel
        self.replaceChannel = replaceChannel
    }
}

/// An event carrying only a channel: `StasisEnd`, `ChannelStateChange`, `ChannelCreated`,
/// `ChannelConnectedLine`, `ChannelUnhold`, `ChannelTalkingStarted`, `ChannelToneDetected`.
public struct ARIChannelOnly: Codable, Sendable, Hashable {
    /// The channel.
    public var channel: ARIChannel

    public init(channel: ARIChannel) { self.channel = channel }
}

/// `ChannelDtmfReceived`: a digit received on the channel, sent when the digit ends.
public struct ARIChannelDtmfReceived: Codable, Sendable, Hashable {
    /// `0`-`9`, `A`-`E`, `#`, `*`.
    public var digit: String
    /// How long the digit was held, in milliseconds.
    public var durationMs: Int
    /// The channel.
    public var channel: ARIChannel

    enum CodingKeys: String, CodingKey {
        case digit, channel
        case durationMs = "duration_ms"
    }

    public init(digit: String, durationMs: Int, channel: ARIChannel) {
        self.digit = digit
        self.durationMs = durationMs
        self.channel = channel
    }
}

/// `ChannelHangupRequest`: someone asked to hang the channel up.
public struct ARIChannelHangupRequest: Codable, Sendable, Hashable {
    /// Q.850 cause, when given.
    public var cause: Int?
    /// Technology cause, when given.
    public var techCause: Int?
    /// Whether it is a soft hangup (absent in some real events).
    public var soft: Bool?
    /// The channel.
    public var channel: ARIChannel

    enum CodingKeys: String, CodingKey {
        case cause, soft, channel
        case techCause = "tech_cause"
    }

    public init(cause: Int? = nil, techCause: Int? = nil, soft: Bool? = nil, channel: ARIChannel) {
        self.cause = cause
        self.techCause = techCause
        self.soft = soft
        self.channel = channel
    }
}

/// `ChannelDestroyed`: the channel is gone.
public struct ARIChannelDestroyed: Codable, Sendable, Hashable {
    /// Q.850 cause.
    public var cause: Int
    /// The cause in words (`Normal Clearing`).
    public var causeTxt: String
    /// Technology cause, when given.
    public var techCause: Int?
    /// The channel as it was.
    public var channel: ARIChannel

    enum CodingKeys: String, CodingKey {
        case cause, channel
        case causeTxt = "cause_txt"
        case techCause = "tech_cause"
    }

    public init(cause: Int, causeTxt: String, techCause: Int? = nil, channel: ARIChannel) {
        self.cause = cause
        self.causeTxt = causeTxt
        self.techCause = techCause
        self.channel = channel
    }
}

/// `ChannelVarset`: a variable changed; without a channel it is a global variable.
public struct ARIChannelVarset: Codable, Sendable, Hashable {
    public var variable: String
    public var value: String
    public var channel: ARIChannel?

    public init(variable: String, value: String, channel: ARIChannel? = nil) {
        self.variable = variable
        self.value = value
        self.channel = channel
    }
}

/// `ChannelCallerId`: the caller id changed.
public struct ARIChannelCallerID: Codable, Sendable, Hashable {
    public var callerPresentation: Int
    public var callerPresentationTxt: String
    public var channel: ARIChannel

    enum CodingKeys: String, CodingKey {
        case channel
        case callerPresentation = "caller_presentation"
        case callerPresentationTxt = "caller_presentation_txt"
    }

    public init(callerPresentation: Int, callerPresentationTxt: String, channel: ARIChannel) {
        self.callerPresentation = callerPresentation
        self.callerPresentationTxt = callerPresentationTxt
        self.channel = channel
    }
}

/// `ChannelDialplan`: the channel moved to another dialplan application.
public struct ARIChannelDialplan: Codable, Sendable, Hashable {
    public var channel: ARIChannel
    public var dialplanApp: String
    public var dialplanAppData: String

    enum CodingKeys: String, CodingKey {
        case channel
        case dialplanApp = "dialplan_app"
        case dialplanAppData = "dialplan_app_data"
    }

    public init(channel: ARIChannel, dialplanApp: String, dialplanAppData: String) {
        self.channel = channel
        self.dialplanApp = dialplanApp
        self.dialplanAppData = dialplanAppData
    }
}

/// `ChannelHold`: the channel put the call on hold.
public struct ARIChannelHold: Codable, Sendable, Hashable {
    public var channel: ARIChannel
    public var musicclass: String?

    public init(channel: ARIChannel, musicclass: String? = nil) {
        self.channel = channel
        self.musicclass = musicclass
    }
}

/// `Dial`: a dial attempt changed state; `dialstatus` is empty while ringing starts.
public struct ARIDial: Codable, Sendable, Hashable {
    public var caller: ARIChannel?
    public var peer: ARIChannel
    public var forward: String?
    public var forwarded: ARIChannel?
    public var dialstring: String?
    public var dialstatus: String

    public init(caller: ARIChannel? = nil, peer: ARIChannel, forward: String? = nil, forwarded: ARIChannel? = nil, dialstring: String? = nil, dialstatus: String) {
        self.caller = caller
        self.peer = peer
        self.forward = forward
        self.forwarded = forwarded
        self.dialstring = dialstring
        self.dialstatus = dialstatus
    }
}
