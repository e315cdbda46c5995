import AMI

/// Channel primitives: creation, dialplan steps, variables, caller ID, state, hang-up.
extension SimulatedPBX {
    /// Whether `Hangup` is preceded by a `SoftHangupRequest` (asked by Asterisk or a manager)
    /// or a `HangupRequest` (the far end hung up).
    enum HangupRequest {
        case soft, remote
    }

    /// A fresh Uniqueid, `<epoch seconds>.<sequence>`; the sequence advances for preset ids too.
    mutating func nextUniqueID(preset: String? = nil) -> String {
        defer { uniqueSequence += 1 }
        if let preset, !preset.isEmpty { return preset }
        return "\(now.seconds).\(uniqueSequence)"
    }

    /// The next 8-hex-digit channel name suffix, as in `Local/s@customer-00000000;1`.
    mutating func nextNameSuffix() -> String {
        defer { nameSequence += 1 }
        let hex = String(nameSequence, radix: 16)
        return String(repeating: "0", count: max(0, 8 - hex.count)) + hex
    }

    /// Creates a channel without announcing it; returns its Uniqueid.
    mutating func makeChannel(
        name: String, uniqueID: String? = nil, linkedID: String? = nil, state: Int, context: String, exten: String,
        callerNumber: String = "", callerName: String = ""
    ) -> String {
        let id = nextUniqueID(preset: uniqueID)
        channels[id] = SimChannel(
            uniqueID: id, linkedID: linkedID ?? id, name: name, state: state, callerNumber: callerNumber,
            callerName: callerName, connectedNumber: "", connectedName: "", context: context, exten: exten, priority: 1,
            application: "", applicationData: "", bridgeID: "", createdAt: now, variables: [:], partnerID: nil,
            mixMonitorFile: nil, sequence: uniqueSequence)
        return id
    }

    /// Creates the two halves of `Local/<resource>` (`;1` Down, `;2` Ring) and announces both.
    mutating func makeLocalPair(resource: String, ids: (String?, String?) = (nil, nil), linkedID: String?) -> (one: String, two: String) {
        // The `/n` option is not part of the name: `Local/s@customer-00000000;1`.
        let bare = resource.hasSuffix("/n") ? String(resource.dropLast(2)) : resource
        let base = "Local/\(bare)-\(nextNameSuffix())"
        let (exten, context) = Self.splitResource(resource)
        let one = makeChannel(name: base + ";1", uniqueID: ids.0, linkedID: linkedID, state: 0, context: context, exten: exten)
        let two = makeChannel(name: base + ";2", uniqueID: ids.1, linkedID: channels[one]?.linkedID, state: 4, context: context, exten: exten)
        channels[one]?.partnerID = two
        channels[two]?.partnerID = one
        emitChannelEvent("Newchannel", one)
        emitChannelEvent("Newchannel", two)
        return (one, two)
    }

    /// `1002@agents/n` → (`1002`, `agents`).
    static func splitResource(_ resource: String) -> (exten: String, context: String) {
        let bare = resource.hasSuffix("/n") ? String(resource.dropLast(2)) : resource
        guard let at = bare.firstIndex(of: "@") else { return (bare, "default") }
        return (String(bare[..<at]), String(bare[bare.index(after: at)...]))
    }

    /// Runs an application at a dialplan location (`Newexten`).
    mutating func runApplication(_ id: String, _ application: String, _ data: String, context: String? = nil, exten: String? = nil, priority: Int? = nil) {
        guard var channel = channels[id] else { return }
        if let context { channel.context = context }
        if let exten { channel.exten = exten }
        channel.priority = priority ?? channel.priority + 1
        channel.application = application
        channel.applicationData = data
        channels[id] = channel
        emitChannelEvent("Newexten", id, privilege: "dialplan", ["Extension": channel.exten, "Application": application, "AppData": data])
    }

    /// Sets the application shown in listings without a dialplan step (Originate to an application).
    mutating func setApplication(_ id: String, _ application: String, _ data: String) {
        channels[id]?.application = application
        channels[id]?.applicationData = data
    }

    /// Sets a channel variable (`VarSet`).
    mutating func setVariable(_ id: String, _ name: String, _ value: String) {
        guard channels[id] != nil else { return }
        channels[id]?.variables[name] = value
        emitChannelEvent("VarSet", id, privilege: "dialplan", ["Variable": name, "Value": value])
    }

    /// Changes the state (`Newstate`), if it changes.
    mutating func setState(_ id: String, _ state: Int) {
        guard let channel = channels[id], channel.state != state else { return }
        channels[id]?.state = state
        emitChannelEvent("Newstate", id)
    }

    /// Sets the caller ID (`NewCallerid`).
    mutating func setCallerID(_ id: String, number: String, name: String) {
        guard channels[id] != nil else { return }
        channels[id]?.callerNumber = number
        channels[id]?.callerName = name
        emitChannelEvent("NewCallerid", id, ["CID-CallingPres": "0 (Presentation Allowed, Not Screened)"])
    }

    /// Sets the connected line (`NewConnectedLine`).
    mutating func setConnectedLine(_ id: String, number: String, name: String) {
        guard channels[id] != nil else { return }
        channels[id]?.connectedNumber = number
        channels[id]?.connectedName = name
        emitChannelEvent("NewConnectedLine", id)
    }

    /// `LocalBridge`: the two halves of a Local channel are joined.
    mutating func emitLocalBridge(_ one: String, _ two: String) {
        guard let first = channels[one], let second = channels[two] else { return }
        var event = SimEvents.event("LocalBridge", "call", at: stamp())
        first.appendBlock(to: &event, prefix: "LocalOne")
        second.appendBlock(to: &event, prefix: "LocalTwo")
        event.append("Context", second.context)
        event.append("Exten", second.exten)
        event.append("LocalOptimization", "No")
        emit(event)
    }

    /// `SoftHangupRequest` or `HangupRequest` with its cause.
    mutating func requestHangup(_ id: String, _ kind: HangupRequest, cause: Int = 16) {
        emitChannelEvent(kind == .soft ? "SoftHangupRequest" : "HangupRequest", id, ["Cause": String(cause)])
    }

    /// Ends a channel: stops its recording, takes it out of its bridge, `Hangup`, gone.
    mutating func destroyChannel(_ id: String, cause: Int = 16) {
        guard let channel = channels[id] else { return }
        if channel.mixMonitorFile != nil { finishMixMonitor(id) }
        if !channel.bridgeID.isEmpty { leaveBridge(id) }
        emitChannelEvent("Hangup", id, ["Cause": String(cause), "Cause-txt": SimEvents.causeText(cause)])
        channels[id] = nil
        if let partner = channel.partnerID { channels[partner]?.partnerID = nil }
    }

    /// Hangs up a channel that is in no queue call, and its Local partner: request, then `Hangup`.
    mutating func hangUpPlainChannel(_ id: String, cause: Int, kind: HangupRequest) {
        guard let channel = channels[id] else { return }
        requestHangup(id, kind, cause: cause)
        if let partner = channel.partnerID, channels[partner] != nil {
            requestHangup(partner, .soft, cause: cause)
            destroyChannel(id, cause: cause)
            destroyChannel(partner, cause: cause)
        } else {
            destroyChannel(id, cause: cause)
        }
    }
}
