import Foundation
import ARI

extension ARISimWorld {
    static let knownTechnologies: Set<String> = ["Local", "PJSIP", "SIP", "IAX2", "DAHDI", "Snoop"]

    /// A new channel value in Asterisk's shape, with `CHANNEL(linkedid)` in channelvars.
    mutating func makeChannel(
        id: String?, name: String, state: ARIChannelState, caller: ARICallerID, dialplan: ARIDialplan, linkedID: String? = nil
    ) -> ARIChannel {
        let sequence = nextSequence()
        let id = id ?? "1763834524.\(sequence)"
        return ARIChannel(
            id: id, name: name, state: state, protocolID: "", caller: caller, connected: caller, accountcode: "",
            dialplan: dialplan, creationtime: ARISimClock.timestamp(), language: "en",
            channelvars: ["CHANNEL(linkedid)": linkedID ?? id]
        )
    }

    /// Changes a channel's state and tells its application.
    mutating func setState(_ id: String, _ state: ARIChannelState) {
        guard var entry = channels[id], entry.channel.state != state else { return }
        entry.channel.state = state
        channels[id] = entry
        emit(.channelStateChange(ARIChannelOnly(channel: entry.channel)), to: entry.application)
    }

    /// Puts a channel into Stasis: `StasisStart` with its arguments.
    mutating func enterStasis(_ id: String, application: String, args: [String]) {
        guard var entry = channels[id] else { return }
        entry.application = application
        entry.inStasis = true
        entry.channel.dialplan.appName = "Stasis"
        entry.channel.dialplan.appData = ([application] + args).joined(separator: ",")
        channels[id] = entry
        emit(.stasisStart(ARIStasisStart(args: args, channel: entry.channel)), to: application)
    }

    /// Takes a channel out of Stasis (`StasisEnd`), leaving any bridge first.
    mutating func leaveStasis(_ id: String) {
        guard var entry = channels[id], entry.inStasis else { return }
        if entry.bridgeID != nil { removeFromBridge(id) }
        entry = channels[id] ?? entry
        entry.inStasis = false
        channels[id] = entry
        emit(.stasisEnd(ARIChannelOnly(channel: entry.channel)), to: entry.application)
    }

    /// Hangs a channel up the way Asterisk reports it: ChannelHangupRequest, StasisEnd,
    /// ChannelLeftBridge, ChannelDestroyed; a Local channel's other half goes too.
    mutating func destroyChannel(_ id: String, cause: Int = 16, soft: Bool? = true) {
        guard let entry = channels[id] else { return }
        emit(.channelHangupRequest(ARIChannelHangupRequest(cause: cause, soft: soft, channel: entry.channel)), to: entry.application)
        stopRecordings(ofChannel: id)
        if entry.inStasis {
            leaveStasis(id)
        } else if entry.bridgeID != nil {
            removeFromBridge(id)
        }
        for (playbackID, playback) in playbacks where playback.playback.targetURI == "channel:\(id)" {
            playbacks[playbackID] = nil
        }
        let final = channels[id]?.channel ?? entry.channel
        emit(.channelDestroyed(ARIChannelDestroyed(cause: cause, causeTxt: cause == 16 ? "Normal Clearing" : "Cause \(cause)", channel: final)), to: entry.application)
        channels[id] = nil
        if let peer = entry.localPeer, channels[peer] != nil { destroyChannel(peer, cause: cause, soft: nil) }
    }

    /// Removes a channel from its bridge with `ChannelLeftBridge`.
    mutating func removeFromBridge(_ id: String) {
        guard var entry = channels[id], let bridgeID = entry.bridgeID, var bridge = bridges[bridgeID] else { return }
        bridge.bridge.channels.removeAll { $0 == id }
        bridges[bridgeID] = bridge
        entry.bridgeID = nil
        channels[id] = entry
        var apps = bridge.applications
        if let app = entry.application { apps.insert(app) }
        emit(.channelLeftBridge(ARIChannelBridge(bridge: bridge.bridge, channel: entry.channel)), toAll: apps)
    }

    /// Adds a channel to a bridge with `ChannelEnteredBridge`; the bridge's members adopt the oldest linkedid.
    mutating func addToBridge(_ id: String, bridgeID: String) {
        guard channels[id] != nil, bridges[bridgeID] != nil else { return }
        if channels[id]?.bridgeID == bridgeID { return }
        if channels[id]?.bridgeID != nil { removeFromBridge(id) }
        guard var entry = channels[id], var bridge = bridges[bridgeID] else { return }
        bridge.bridge.channels.append(id)
        if let app = entry.application { bridge.applications.insert(app) }
        entry.bridgeID = bridgeID
        bridges[bridgeID] = bridge
        channels[id] = entry
        emit(.channelEnteredBridge(ARIChannelBridge(bridge: bridge.bridge, channel: entry.channel)), toAll: bridge.applications)
    }

    /// The 404/409/412 checks every media and control call makes.
    func check(_ id: String, needsStasis: Bool = true, needsAnswer: Bool = false) -> ARISimReply? {
        guard let entry = channels[id] else { return .channelNotFound }
        if needsStasis && !entry.inStasis { return .notInStasis }
        if needsAnswer && entry.channel.state.isUnanswered { return .invalidState }
        return nil
    }
}

/// `"Name" <number>` or a bare number, as Asterisk parses callerId.
func parseCallerID(_ text: String?) -> ARICallerID {
    guard let text, !text.isEmpty else { return ARICallerID() }
    guard let open = text.firstIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close else {
        return ARICallerID(name: "", number: text)
    }
    var name = text[..<open].trimmingCharacters(in: .whitespaces)
    if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
    return ARICallerID(name: name, number: String(text[text.index(after: open)..<close]))
}
