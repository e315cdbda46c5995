import AMI
import CTICore

/// Basic bridges: create, enter (adopting the oldest Linkedid), leave, destroy.
extension SimulatedPBX {
    /// Creates an empty bridge (`BridgeCreate`) and returns its id.
    mutating func createBridge() -> String {
        let id = randomUUID()
        let bridge = SimBridge(id: id, members: [])
        bridges[id] = bridge
        emit(SimEvents.bridge("BridgeCreate", bridge, at: stamp()))
        return id
    }

    /// Puts a channel in a bridge (`BridgeEnter`); every member adopts the oldest Linkedid.
    mutating func enterBridge(_ bridgeID: String, _ id: String) {
        guard var bridge = bridges[bridgeID], var channel = channels[id] else { return }
        bridge.members.append(id)
        bridges[bridgeID] = bridge
        let oldest = bridge.members.compactMap { channels[$0] }.min { $0.sequence < $1.sequence }?.linkedID ?? channel.linkedID
        for member in bridge.members { channels[member]?.linkedID = oldest }
        channel = channels[id] ?? channel
        channel.bridgeID = bridgeID
        channels[id] = channel
        var event = SimEvents.bridge("BridgeEnter", bridge, at: stamp())
        channel.appendBlock(to: &event)
        emit(event)
    }

    /// Takes a channel out of its bridge (`BridgeLeave`); the last one out destroys it (`BridgeDestroy`).
    mutating func leaveBridge(_ id: String) {
        guard var channel = channels[id], var bridge = bridges[channel.bridgeID] else { return }
        bridge.members.removeAll { $0 == id }
        channel.bridgeID = ""
        channels[id] = channel
        var event = SimEvents.bridge("BridgeLeave", bridge, at: stamp())
        channel.appendBlock(to: &event)
        emit(event)
        if bridge.members.isEmpty {
            bridges[bridge.id] = nil
            emit(SimEvents.bridge("BridgeDestroy", bridge, at: stamp()))
        } else {
            bridges[bridge.id] = bridge
        }
    }

    /// A version-4 UUID from the seeded generator, like Asterisk's bridge ids.
    mutating func randomUUID() -> String {
        let high = random.next()
        let low = random.next()
        func hex(_ value: UInt64, _ digits: Int) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: max(0, digits - text.count)) + text
        }
        let timeLow = hex(high >> 32, 8)
        let timeMid = hex((high >> 16) & 0xFFFF, 4)
        let version = hex(0x4000 | (high & 0x0FFF), 4)
        let variant = hex(0x8000 | ((low >> 48) & 0x3FFF), 4)
        let node = hex(low & 0xFFFF_FFFF_FFFF, 12)
        return "\(timeLow)-\(timeMid)-\(version)-\(variant)-\(node)"
    }
}
