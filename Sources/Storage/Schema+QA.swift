import GRDB

extension Schema {
    /// Recordings index, versioned scorecards, evaluations and calibration sessions.
    static func qaVersion1(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE recordings (
                    id TEXT PRIMARY KEY,
                    call_id TEXT NOT NULL,
                    agent TEXT,
                    queue TEXT,
                    customer_id INTEGER,
                    caller_number TEXT,
                    started_at DOUBLE NOT NULL,
                    duration_seconds DOUBLE NOT NULL,
                    format TEXT NOT NULL,
                    location TEXT NOT NULL,
                    deleted_at DOUBLE
                );
                CREATE INDEX recordings_call ON recordings(call_id);
                CREATE INDEX recordings_started ON recordings(started_at);

                CREATE TABLE scorecards (
                    id TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    body TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at DOUBLE NOT NULL,
                    PRIMARY KEY (id, version)
                ) WITHOUT ROWID;

                CREATE TABLE evaluations (
                    id TEXT PRIMARY KEY,
                    call_id TEXT NOT NULL,
                    agent TEXT NOT NULL,
                    evaluator TEXT NOT NULL,
                    scorecard_id TEXT NOT NULL,
                    scorecard_version INTEGER NOT NULL,
                    state TEXT NOT NULL,
                    body TEXT NOT NULL,
                    created_at DOUBLE NOT NULL,
                    updated_at DOUBLE NOT NULL,
                    FOREIGN KEY (scorecard_id, scorecard_version) REFERENCES scorecards(id, version)
                );
                CREATE INDEX evaluations_agent ON evaluations(agent, created_at);
                CREATE INDEX evaluations_evaluator ON evaluations(evaluator, created_at);
                CREATE INDEX evaluations_call ON evaluations(call_id);

                CREATE TABLE evaluation_comments (
                    evaluation_id TEXT NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    offset_seconds DOUBLE NOT NULL,
                    author TEXT NOT NULL,
                    text TEXT NOT NULL,
                    at DOUBLE NOT NULL,
                    PRIMARY KEY (evaluation_id, position)
                ) WITHOUT ROWID;

                CREATE TABLE calibration_sessions (
                    id TEXT PRIMARY KEY,
                    call_id TEXT NOT NULL,
                    scorecard_id TEXT NOT NULL,
                    scorecard_version INTEGER NOT NULL,
                    evaluators TEXT NOT NULL,
                    expert TEXT,
                    created_by TEXT NOT NULL,
                    created_at DOUBLE NOT NULL,
                    FOREIGN KEY (scorecard_id, scorecard_version) REFERENCES scorecards(id, version)
                );
                """
        )
    }
}
