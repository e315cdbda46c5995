import AMI

/// Why a queue member action was refused; ``message`` is Asterisk's error text.
public enum QueueMemberError: Error, Sendable, Hashable {
    case noSuchQueue, alreadyThere, notThere, notDynamic, interfaceNotFound

    /// The `Message:` Asterisk answers with.
    public var message: String {
        switch self {
        case .noSuchQueue: "Unable to add interface to queue: No such queue"
        case .alreadyThere: "Unable to add interface: Already there"
        case .notThere: "Unable to remove interface: Not there"
        case .notDynamic: "Member not dynamic"
        case .interfaceNotFound: "Interface not found"
        }
    }
}

/// QueueAdd, QueueRemove, QueuePause, and member device states.
extension SimulatedPBX {
    /// Adds a dynamic member (`QueueMemberAdded`, with the pause and availability devices).
    public mutating func addMember(_ member: SimQueueMember, queue name: String) throws(QueueMemberError) {
        guard var queue = queues[name] else { throw .noSuchQueue }
        guard queue.memberIndex(interface: member.interface) == nil else { throw .alreadyThere }
        var member = member
        member.status = deviceState(of: member.stateInterface)
        if member.paused { member.lastPause = now.seconds }
        queue.members.append(member)
        queues[name] = queue
        emitDeviceState("Queue:\(name)_pause_\(member.interface)", member.paused ? .inUse : .notInUse)
        emit(SimEvents.member("QueueMemberAdded", member, queue: name, at: stamp()))
        emitDeviceState("Queue:\(name)_avail", queue.hasAvailableMember ? .notInUse : .inUse)
        schedule(.offer(queue: name), after: .zero)
    }

    /// Removes a dynamic member (`QueueMemberRemoved`).
    public mutating func removeMember(interface: String, queue name: String) throws(QueueMemberError) {
        guard var queue = queues[name] else { throw .noSuchQueue }
        guard let index = queue.memberIndex(interface: interface) else { throw .notThere }
        guard queue.members[index].membership == "dynamic" else { throw .notDynamic }
        let wasAvailable = queue.hasAvailableMember
        let member = queue.members.remove(at: index)
        queues[name] = queue
        emit(SimEvents.member("QueueMemberRemoved", member, queue: name, at: stamp()))
        if wasAvailable != queue.hasAvailableMember { emitDeviceState("Queue:\(name)_avail", queue.hasAvailableMember ? .notInUse : .inUse) }
    }

    /// Pauses or unpauses a member in one queue, or in every queue it is in when `queue` is nil.
    public mutating func pauseMember(interface: String, paused: Bool, reason: String = "", queue: String? = nil) throws(QueueMemberError) {
        var found = false
        for name in queueOrder where queue == nil || queue?.lowercased() == name.lowercased() {
            guard var entry = queues[name], let index = entry.memberIndex(interface: interface) else { continue }
            found = true
            let wasAvailable = entry.hasAvailableMember
            entry.members[index].paused = paused
            entry.members[index].pausedReason = paused ? reason : ""
            if paused { entry.members[index].lastPause = now.seconds }
            queues[name] = entry
            emitDeviceState("Queue:\(name)_pause_\(entry.members[index].interface)", paused ? .inUse : .notInUse)
            emit(SimEvents.member("QueueMemberPause", entry.members[index], queue: name, at: stamp()))
            if wasAvailable != entry.hasAvailableMember { emitDeviceState("Queue:\(name)_avail", entry.hasAvailableMember ? .notInUse : .inUse) }
            if !paused { schedule(.offer(queue: name), after: .zero) }
        }
        guard found else { throw .interfaceNotFound }
    }

    /// The state of a member device, as any queue knows it (not in use when unknown).
    func deviceState(of stateInterface: String) -> DeviceState {
        for queue in queues.values {
            if let member = queue.members.first(where: { $0.stateInterface == stateInterface }) { return member.status }
        }
        return .notInUse
    }

    /// Changes every membership of the member at `stateInterface` (in all queues), then announces
    /// the device (`DeviceStateChange`, when `device` is set) and each membership (`QueueMemberStatus`).
    mutating func updateMember(stateInterface: String, device: DeviceState? = nil, _ change: (inout SimQueueMember) -> Void) {
        if let device { emitDeviceState(stateInterface, device) }
        for name in queueOrder {
            guard var queue = queues[name] else { continue }
            for index in queue.members.indices where queue.members[index].stateInterface == stateInterface {
                if let device { queue.members[index].status = device }
                change(&queue.members[index])
                queues[name] = queue
                emit(SimEvents.member("QueueMemberStatus", queue.members[index], queue: name, at: stamp()))
            }
        }
    }

    /// The membership of `interface` in `queue`.
    func member(_ interface: String, in queue: String) -> SimQueueMember? {
        guard let entry = queues[queue], let index = entry.memberIndex(interface: interface) else { return nil }
        return entry.members[index]
    }
}
