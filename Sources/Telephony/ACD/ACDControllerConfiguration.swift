import CTICore

/// How the controller drives Asterisk: the Stasis application, agents' phones, media and timings.
public struct ACDControllerConfiguration: Sendable {
    /// The engine's queues and agents.
    public var engine: ACDConfiguration
    /// The Stasis application agent legs are originated into.
    public var application: String = "ctibridge"
    /// Each agent's phone, e.g. `PJSIP/1001`.
    public var agentEndpoints: [AgentID: String]
    /// Music-on-hold class of the holding bridges.
    public var mohClass: String = "default"
    /// Seconds between position/expected-wait announcements; nil for none.
    public var announcementInterval: Double? = 30
    /// Handle time assumed for the expected wait until the queue has handled calls (seconds).
    public var assumedHandleTime: Double = 180
    /// Recording format of connected calls.
    public var recordingFormat: String = "wav"
    /// Which connected calls are recorded, per queue (all by default).
    public var recordingPolicy: RecordingPolicy = .recordAll
    /// Dialplan context for blind transfers to numbers.
    public var transferContext: String = "from-internal"
    /// Dialplan context for callers sent to voicemail (the queue name is the extension).
    public var voicemailContext: String = "voicemail"
    /// The customer's phone for a callback, `{number}` standing for the number to call.
    public var callbackEndpoint: String = "Local/{number}@from-internal"
    /// The key a waiting caller presses to hang up and be called back, keeping their place
    /// (nil: no key; callbacks then come only from the IVR or the API).
    public var callbackKey: String? = "*"
    /// A prompt played after each position announcement while a callback key is set, telling
    /// callers about it (e.g. `sound:custom/press-star-for-callback`; nil: none).
    public var callbackPrompt: String?
    /// Seconds the customer's phone rings for a callback before it counts as not answered.
    public var callbackRingSeconds: Int = 30
    /// Seconds Asterisk is told to ring an agent beyond the engine's ring timeout (the engine ends the offer first).
    public var originateSlack: Int = 5

    /// A configuration for `engine`, ringing agents at `agentEndpoints`.
    public init(engine: ACDConfiguration, agentEndpoints: [AgentID: String]) {
        self.engine = engine
        self.agentEndpoints = agentEndpoints
    }
}
