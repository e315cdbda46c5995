import AMI

/// Getvar/Setvar (channel variables, globals, a few dialplan functions) and MixMonitor.
extension SimulatedPBX {
    /// A channel variable or function (`CHANNEL(linkedid)`, `CALLERID(num)`, …) of the channel named
    /// or with Uniqueid `channel`, or a global when `channel` is nil; empty when unset, nil when no such channel.
    public func variable(_ name: String, channel nameOrID: String?) -> String? {
        guard let nameOrID else { return name.hasSuffix(")") ? "" : globals[name] ?? "" }
        guard let channel = channel(named: nameOrID) else { return nil }
        switch name.uppercased() {
        case "CHANNEL(LINKEDID)": return channel.linkedID
        case "CHANNEL(UNIQUEID)": return channel.uniqueID
        case "CHANNEL(NAME)": return channel.name
        case "CHANNEL(STATE)": return channel.stateDescription
        case "CHANNEL(LANGUAGE)": return "en"
        case "CHANNEL(ACCOUNTCODE)": return ""
        case "CHANNEL(CHANNELTYPE)": return channel.technology
        case "CALLERID(NUM)": return channel.callerNumber
        case "CALLERID(NAME)": return channel.callerName
        case "CALLERID(ALL)": return channel.callerName.isEmpty ? channel.callerNumber : "\"\(channel.callerName)\" <\(channel.callerNumber)>"
        case "CONNECTEDLINE(NUM)": return channel.connectedNumber
        case "CONNECTEDLINE(NAME)": return channel.connectedName
        default: return channel.variables[name] ?? globals[name] ?? ""
        }
    }

    /// Sets a channel variable (`VarSet`) or, without a channel, a global; false when no such channel.
    @discardableResult
    public mutating func setVariable(_ name: String, to value: String, channel nameOrID: String?) -> Bool {
        guard let nameOrID else {
            globals[name] = value
            return true
        }
        guard let channel = channel(named: nameOrID) else { return false }
        setVariable(channel.uniqueID, name, value)
        return true
    }

    /// Starts recording a channel (`VarSet MIXMONITOR_FILENAME`, `MixMonitorStart`); false when no such channel.
    /// A relative `file` goes under ``PBXSettings/monitorDirectory``.
    @discardableResult
    public mutating func startMixMonitor(channel nameOrID: String, file: String?) -> Bool {
        guard let channel = channel(named: nameOrID) else { return false }
        let directory = settings.monitorDirectory.hasSuffix("/") ? settings.monitorDirectory : settings.monitorDirectory + "/"
        let path = file.flatMap { $0.isEmpty ? nil : $0 }.map { $0.hasPrefix("/") ? $0 : directory + $0 }
            ?? directory + "\(channel.uniqueID).wav"
        setVariable(channel.uniqueID, "MIXMONITOR_FILENAME", path)
        channels[channel.uniqueID]?.mixMonitorFile = path
        channels[channel.uniqueID]?.mixMonitorStartedAt = now
        emitChannelEvent("MixMonitorStart", channel.uniqueID)
        return true
    }

    /// Stops recording a channel (`MixMonitorStop`); nil when no such channel, false when it was not recording.
    public mutating func stopMixMonitor(channel nameOrID: String) -> Bool? {
        guard let channel = channel(named: nameOrID) else { return nil }
        guard channel.mixMonitorFile != nil else { return false }
        finishMixMonitor(channel.uniqueID)
        return true
    }
}
