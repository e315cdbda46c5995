import GRDB

extension Schema {
    /// Interactions by call and agent: the per-call lookups (an agent's own newest interaction of
    /// a call, or any row of it) no longer scan the table.
    static func interactionCalls(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX interactions_call_agent ON interactions(call_id, agent)")
    }
}
