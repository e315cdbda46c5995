/// A place in the Asterisk dialplan.
public struct IVRDialplanTarget: Sendable, Hashable {
    public var context: String
    public var `extension`: String
    public var priority: Int

    public init(context: String, extension: String = "s", priority: Int = 1) {
        self.context = context
        self.extension = `extension`
        self.priority = priority
    }
}

/// How an ``IVRRunner`` recognises its calls and where it sends calls it cannot run.
public struct IVRRunnerConfiguration: Sendable, Hashable {
    /// The first `Stasis()` argument of calls for the IVR (`Stasis(ctibridge,inbound,${EXTEN})`);
    /// other channels in the application (agent legs, snoops) are left alone.
    public var entryArgument: String
    /// Where unrouted calls, failed hand-offs and orphans after a restart continue.
    public var fallback: IVRDialplanTarget
    /// Prefix of ARI playback ids and recording names the runner makes.
    public var resourcePrefix: String
    /// Format of voicemail-style recordings.
    public var recordingFormat: String

    public init(
        entryArgument: String = "inbound", fallback: IVRDialplanTarget = IVRDialplanTarget(context: "ctibridge-fallback"),
        resourcePrefix: String = "ivr", recordingFormat: String = "wav"
    ) {
        self.entryArgument = entryArgument
        self.fallback = fallback
        self.resourcePrefix = resourcePrefix
        self.recordingFormat = recordingFormat
    }
}
