import CTICore
import CTIServer
import Logging
import Telephony

/// Carries out agents' desktop actions on the ACD controller (states, call control) and the
/// record keeper (dispositions, tickets). Only an agent acts, and only on their own calls.
public struct ACDAgentActions: AgentActionHandler {
    let controller: ACDController
    let records: any AgentRecordKeeper
    let logger: Logger

    public init(controller: ACDController, records: any AgentRecordKeeper, logger: Logger = Logger(label: "ctibridge.actions")) {
        self.controller = controller
        self.records = records
        self.logger = logger
    }

    public func perform(_ action: CTIAgentAction, for principal: CTIPrincipal) async -> CTIActionReply {
        guard let agentID = principal.agentID else {
            return Self.reject(action, .forbidden, "actions are for agents")
        }
        let agent = AgentID(agentID)
        do {
            let result = try await carryOut(action, agent: agent)
            return CTIActionReply(action: action.name, ok: true, result: result)
        } catch let error as ACDControllerError {
            return Self.reject(action, error.code == .unknownAgent ? .forbidden : .actionRejected, error.message)
        } catch let error as OwnershipError {
            return Self.reject(action, .forbidden, error.message)
        } catch {
            logger.warning("agent action failed", metadata: ["action": "\(action.name)", "error": "\(error)"])
            return CTIActionReply(action: action.name, ok: false, error: CTIProtocolError(refusing: error))
        }
    }

    struct OwnershipError: Error { var message: String }

    private func carryOut(_ action: CTIAgentAction, agent: AgentID) async throws -> [String: String] {
        switch action {
        case .login(let queues):
            try await controller.login(agent, queues: queues.isEmpty ? nil : queues.map { QueueID($0) })
        case .logout(let queues):
            try await controller.logout(agent, queues: queues.isEmpty ? nil : queues.map { QueueID($0) })
        case .ready:
            try await controller.ready(agent)
        case .pause(let reason):
            try await controller.pause(agent, reason: reason)
        case .endWrapUp:
            try await controller.endWrapUp(agent)
        case .hangUp(let callID):
            try await controller.hangUp(CallID(callID), by: agent)
        case .hold(let callID):
            try await requireOwn(callID, agent)
            try await controller.hold(CallID(callID))
        case .unhold(let callID):
            try await requireOwn(callID, agent)
            try await controller.unhold(CallID(callID))
        case .blindTransfer(let callID, let destination):
            try await requireOwn(callID, agent)
            try await controller.transfer(CallID(callID), to: Self.target(destination))
        case .setDisposition(let callID, let disposition, let note):
            try await records.setDisposition(callID: callID, agentID: agent.rawValue, disposition: disposition, note: note)
            return ["callID": callID, "disposition": disposition]
        case .createTicket(let callID, let subject, let description, let priority):
            let id = try await records.createTicket(
                agentID: agent.rawValue, callID: callID, subject: subject, description: description, priority: priority)
            return ["ticketID": id]
        case .linkTicket(let callID, let ticketID):
            try await records.linkTicket(agentID: agent.rawValue, callID: callID, ticketID: ticketID)
            return ["callID": callID, "ticketID": ticketID]
        }
        return [:]
    }

    private func requireOwn(_ callID: String, _ agent: AgentID) async throws {
        guard await controller.agent(of: CallID(callID)) == agent else {
            throw OwnershipError(message: "call \(callID) is not connected to you")
        }
    }

    /// `queue:NAME`, `agent:ID`, or a number.
    static func target(_ destination: String) -> ACDTransferTarget {
        if destination.hasPrefix("queue:") { return .queue(QueueID(String(destination.dropFirst(6)))) }
        if destination.hasPrefix("agent:") { return .agent(AgentID(String(destination.dropFirst(6)))) }
        return .number(destination)
    }

    static func reject(_ action: CTIAgentAction, _ code: CTIProtocolError.Code, _ message: String) -> CTIActionReply {
        CTIActionReply(action: action.name, ok: false, error: CTIProtocolError(code, message))
    }
}
