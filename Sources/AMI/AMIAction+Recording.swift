extension AMIAction {
    /// `MixMonitor` (write class `system`): records both directions of `channel` (a name or a
    /// Uniqueid) into `file`, which is relative to Asterisk's monitor directory
    /// (`/var/spool/asterisk/monitor`) unless absolute; its extension picks the format
    /// (`obs-1795370466.12-1001-1795370467.15.wav`). `options` are those of the MixMonitor application, for example
    /// `b` (keep audio only while the channel is bridged). Asterisk answers with a `MixMonitorID`
    /// that ``stopMixMonitor(channel:mixMonitorID:)`` accepts.
    ///
    /// The action's `Command` (a shell command run when the recording ends) is deliberately not offered.
    public static func mixMonitor(channel: String, file: String, options: String? = nil) -> AMIAction {
        var action = AMIAction("MixMonitor", ["Channel": channel, "File": file])
        if let options, !options.isEmpty { action.add("Options", options) }
        return action
    }

    /// `StopMixMonitor` (write class `system` or `call`): stops recording `channel`, or only the
    /// recording `mixMonitorID` when it has several.
    public static func stopMixMonitor(channel: String, mixMonitorID: String? = nil) -> AMIAction {
        var action = AMIAction("StopMixMonitor", ["Channel": channel])
        if let mixMonitorID { action.add("MixMonitorID", mixMonitorID) }
        return action
    }
}
