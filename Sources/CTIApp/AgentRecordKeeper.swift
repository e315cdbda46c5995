import CTICore

/// Where agents' call notes go: dispositions and tickets (Storage in the service).
///
/// A call can reach several agents (sent back to a queue and answered again); what an agent does
/// to it goes to their own connection to it, never to another agent's.
public protocol AgentRecordKeeper: Sendable {
    /// Stores the disposition of the agent's own (newest) connection to a call.
    func setDisposition(callID: String, agentID: String, disposition: String, note: String?) async throws
    /// Creates a ticket, linked to the agent's connection to the call when given; returns its id.
    func createTicket(agentID: String, callID: String?, subject: String, description: String, priority: String) async throws -> String
    /// Links an existing ticket to the agent's connection to a call.
    func linkTicket(agentID: String, callID: String, ticketID: String) async throws
}
