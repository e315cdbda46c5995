import AMI

/// QueueAdd, QueueRemove, QueuePause with app_queue's answers.
extension AMIActionResponder {
    func queueAction(_ key: String, _ action: AMIMessage, pbx: inout SimulatedPBX) -> AMIMessage {
        let queue = action.header("Queue").flatMap { $0.isEmpty ? nil : $0 }
        let interface = action.header("Interface").flatMap { $0.isEmpty ? nil : $0 }
        switch key {
        case "queueadd":
            guard let queue else { return AMIResponses.error(action, "'Queue' not specified.") }
            guard let interface else { return AMIResponses.error(action, "'Interface' not specified.") }
            let paused = AMIResponses.isTrue(action.header("Paused"))
            var member = SimQueueMember(
                name: action.header("MemberName").flatMap { $0.isEmpty ? nil : $0 } ?? interface, interface: interface,
                stateInterface: action.header("StateInterface").flatMap { $0.isEmpty ? nil : $0 } ?? interface,
                membership: "dynamic", penalty: max(0, action.header("Penalty").flatMap { Int($0) } ?? 0), loginTime: now.seconds)
            member.paused = paused
            member.pausedReason = paused ? action.header("Reason") ?? "" : ""
            do {
                try pbx.addMember(member, queue: queue)
                return AMIResponses.success(action, "Added interface to queue")
            } catch {
                return AMIResponses.error(action, error.message)
            }
        case "queueremove":
            guard let queue, let interface else { return AMIResponses.error(action, "Need 'Queue' and 'Interface' parameters.") }
            do {
                try pbx.removeMember(interface: interface, queue: queue)
                return AMIResponses.success(action, "Removed interface from queue")
            } catch .noSuchQueue {
                return AMIResponses.error(action, "Unable to remove interface from queue: No such queue")
            } catch {
                return AMIResponses.error(action, error.message)
            }
        default:
            guard let interface, let pausedText = action.header("Paused"), !pausedText.isEmpty else {
                return AMIResponses.error(action, "Need 'Interface' and 'Paused' parameters.")
            }
            let paused = AMIResponses.isTrue(pausedText)
            do {
                try pbx.pauseMember(interface: interface, paused: paused, reason: action.header("Reason") ?? "", queue: queue)
                return AMIResponses.success(action, paused ? "Interface paused successfully" : "Interface unpaused successfully")
            } catch {
                return AMIResponses.error(action, error.message)
            }
        }
    }
}
