import GRDB

extension Schema {
    /// Surveys, callback requests and messages left in the IVR.
    static func ivrOutcomes(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE ivr_surveys (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    survey TEXT NOT NULL,
                    flow_id TEXT NOT NULL,
                    flow_version INTEGER NOT NULL,
                    channel_id TEXT NOT NULL,
                    caller_id TEXT NOT NULL,
                    answers TEXT NOT NULL,
                    average_score DOUBLE,
                    completed_at DOUBLE NOT NULL
                );
                CREATE INDEX ivr_surveys_channel ON ivr_surveys(channel_id);
                CREATE INDEX ivr_surveys_completed ON ivr_surveys(completed_at);
                CREATE TABLE ivr_callbacks (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    channel_id TEXT NOT NULL,
                    queue TEXT NOT NULL,
                    number TEXT NOT NULL,
                    priority INTEGER NOT NULL,
                    requested_at DOUBLE NOT NULL,
                    flow_id TEXT NOT NULL,
                    path TEXT NOT NULL,
                    status TEXT NOT NULL
                );
                CREATE INDEX ivr_callbacks_status ON ivr_callbacks(status, requested_at);
                CREATE TABLE ivr_messages (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    mailbox TEXT NOT NULL,
                    recording_name TEXT NOT NULL,
                    duration_seconds DOUBLE,
                    caller_id TEXT NOT NULL,
                    recorded_at DOUBLE NOT NULL,
                    flow_id TEXT NOT NULL
                );
                CREATE INDEX ivr_messages_mailbox ON ivr_messages(mailbox, recorded_at);
                """
        )
    }
}
