import CTICore
import CTIServer
import Logging
import Telephony

/// Agent actions in observer mode: app_queue owns the calls, so an agent can pause and unpause
/// (`QueuePause` on each of their member interfaces) and keep their notes (dispositions,
/// tickets); call control is refused with a reason, as it needs `acd.mode = controller`.
public struct ObserverAgentActions: AgentActionHandler {
    let observer: AppQueueObserver
    let records: any AgentRecordKeeper
    let logger: Logger

    public init(observer: AppQueueObserver, records: any AgentRecordKeeper, logger: Logger = Logger(label: "ctibridge.actions")) {
        self.observer = observer
        self.records = records
        self.logger = logger
    }

    public func perform(_ action: CTIAgentAction, for principal: CTIPrincipal) async -> CTIActionReply {
        guard let agent = principal.agentID else { return Self.reject(action, .forbidden, "actions are for agents") }
        do {
            switch action {
            case .ready, .pause:
                var reason: String?
                if case .pause(let why) = action { reason = why }
                let interfaces = await observer.state.members.values.flatMap { $0.values.filter { $0.name == agent }.map(\.interface) }
                guard !interfaces.isEmpty else {
                    return Self.reject(action, .actionRejected, "agent \(agent) is not a member of any app_queue queue")
                }
                for interface in Set(interfaces).sorted() {
                    try await observer.pause(interface: interface, paused: reason != nil, reason: reason)
                }
                return CTIActionReply(action: action.name, ok: true)
            case .setDisposition(let callID, let disposition, let note):
                try await records.setDisposition(callID: callID, agentID: agent, disposition: disposition, note: note)
                return CTIActionReply(action: action.name, ok: true, result: ["callID": callID, "disposition": disposition])
            case .createTicket(let callID, let subject, let description, let priority):
                let id = try await records.createTicket(
                    agentID: agent, callID: callID, subject: subject, description: description, priority: priority)
                return CTIActionReply(action: action.name, ok: true, result: ["ticketID": id])
            case .linkTicket(let callID, let ticketID):
                try await records.linkTicket(agentID: agent, callID: callID, ticketID: ticketID)
                return CTIActionReply(action: action.name, ok: true, result: ["callID": callID, "ticketID": ticketID])
            default:
                return Self.reject(action, .actionRejected, "\(action.name) needs acd.mode = controller: app_queue handles the call in observer mode")
            }
        } catch {
            logger.warning("agent action failed", metadata: ["action": "\(action.name)", "error": "\(error)"])
            return CTIActionReply(action: action.name, ok: false, error: CTIProtocolError(refusing: error))
        }
    }

    static func reject(_ action: CTIAgentAction, _ code: CTIProtocolError.Code, _ message: String) -> CTIActionReply {
        CTIActionReply(action: action.name, ok: false, error: CTIProtocolError(code, message))
    }
}
