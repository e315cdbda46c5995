import CTICore
import Telephony

/// Hands a caller leaving the IVR to the ACD controller, with the path they took.
public struct IVRToACDHandoff: IVRQueueHandoff {
    let controller: ACDController

    public init(controller: ACDController) {
        self.controller = controller
    }

    public func handOff(_ call: IVRQueuedCall) async throws {
        _ = try await controller.enqueue(Self.request(for: call))
    }

    /// The ACD request for an IVR call: skills, priority, customer, nodes and collected variables.
    static func request(for call: IVRQueuedCall) -> ACDEnqueueRequest {
        var variables = call.path.variables
        for (index, digits) in call.digits.enumerated() { variables["digits\(index + 1)"] = digits }
        return ACDEnqueueRequest(
            channelID: call.channelID, queue: QueueID(call.queue), callerNumber: call.callerNumber, callerName: call.callerName,
            dnis: call.dnis, skills: call.skills.sorted { $0.key < $1.key }.map { SkillRequirement($0.key, atLeast: $0.value) },
            priority: call.priority, customerID: call.path.customer?.id, ivrPath: call.nodes, variables: variables)
    }
}
