import CTICore

/// Where agents' call notes go: dispositions and tickets (Storage in the service).
public protocol AgentRecordKeeper: Sendable {
    /// Stores the disposition of a call the agent handled.
    func setDisposition(callID: String, agentID: String, disposition: String, note: String?) async throws
    /// Creates a ticket, linked to the call when given; returns its id.
    func createTicket(agentID: String, callID: String?, subject: String, description: String, priority: String) async throws -> String
    /// Links an existing ticket to a call.
    func linkTicket(agentID: String, callID: String, ticketID: String) async throws
}
