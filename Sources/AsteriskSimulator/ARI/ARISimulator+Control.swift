import Synchronization
import ARI

/// Why the simulator refused a control call.
public struct ARISimulatorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    public var description: String { message }
}

extension ARISimulator {
    /// A caller reaches `Stasis(application,args…)` from the dialplan: a ringing PJSIP channel
    /// and `StasisStart`. Fails like Asterisk's `STASISSTATUS=FAILED` when no socket holds the app.
    @discardableResult
    public func injectInboundCall(
        application: String, exten: String = "7000", callerName: String = "Tran Thi B", callerNumber: String = "+84987654321",
        args: [String]? = nil, channelID: String? = nil
    ) throws -> ARIChannel {
        try world.withLock { world in
            guard world.sockets.contains(where: { $0.applications.contains(application) }) else {
                throw ARISimulatorError(message: "Stasis app '\(application)' is not registered")
            }
            let sequence = world.nextSequence()
            let caller = ARICallerID(name: callerName, number: callerNumber)
            let channel = world.makeChannel(
                id: channelID, name: "PJSIP/trunk-\(String(sequence, radix: 16).leftPadded(8))", state: .ring, caller: caller,
                dialplan: ARIDialplan(context: "inbound", exten: exten, priority: 2))
            world.channels[channel.id] = ARISimChannel(channel: channel)
            world.enterStasis(channel.id, application: application, args: args ?? ["inbound", exten])
            return world.channels[channel.id]!.channel
        }
    }

    /// The caller presses keys: one `ChannelDtmfReceived` per digit (120 ms each).
    public func injectDTMF(channelID: String, digits: String) throws {
        try world.withLock { world in
            guard let entry = world.channels[channelID] else { throw ARISimulatorError(message: "no channel \(channelID)") }
            for digit in digits {
                world.emit(.channelDtmfReceived(ARIChannelDtmfReceived(digit: String(digit), durationMs: 120, channel: entry.channel)), to: entry.application)
            }
        }
    }

    /// The far end hangs up (cause 16, Normal Clearing).
    public func hangUp(channelID: String) throws {
        try world.withLock { world in
            guard world.channels[channelID] != nil else { throw ARISimulatorError(message: "no channel \(channelID)") }
            world.destroyChannel(channelID, cause: 16, soft: nil)
        }
    }

    /// The channel as the simulator holds it.
    public func channel(_ id: String) -> ARIChannel? { world.withLock { $0.channels[id]?.channel } }

    /// Ids of channels inside `Stasis(application)` now.
    public func channelsInStasis(application: String) -> [String] {
        world.withLock { $0.channels.values.filter { $0.inStasis && $0.application == application }.map(\.channel.id).sorted() }
    }

    /// The bridge a channel is in.
    public func bridgeID(ofChannel id: String) -> String? { world.withLock { $0.channels[id]?.bridgeID } }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
