import GRDB

/// The versioned schema. Never edit a registered migration: add a new one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-crm-tickets-users", migrate: version1)
        migrator.registerMigration("v2-ivr-outcomes", migrate: ivrOutcomes)
        migrator.registerMigration("v2-qa-recordings-evaluations", migrate: qaVersion1)
        migrator.registerMigration("v3-interactions-by-call", migrate: interactionCalls)
        return migrator
    }

    private static func version1(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE customers (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL,
                    company TEXT,
                    emails TEXT NOT NULL,
                    tags TEXT NOT NULL,
                    is_vip INTEGER NOT NULL,
                    notes TEXT,
                    custom_fields TEXT NOT NULL,
                    owner_agent TEXT,
                    owner_group TEXT,
                    created_at DOUBLE NOT NULL,
                    updated_at DOUBLE NOT NULL
                );
                CREATE INDEX customers_name ON customers(name COLLATE NOCASE);
                CREATE TABLE customer_phones (
                    number TEXT NOT NULL,
                    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (number, customer_id)
                ) WITHOUT ROWID;
                CREATE INDEX customer_phones_customer ON customer_phones(customer_id);

                CREATE TABLE interactions (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    call_id TEXT,
                    direction TEXT NOT NULL,
                    from_number TEXT NOT NULL,
                    to_number TEXT NOT NULL,
                    queue TEXT,
                    agent TEXT,
                    ivr_path TEXT NOT NULL,
                    started_at DOUBLE NOT NULL,
                    wait_seconds DOUBLE NOT NULL,
                    talk_seconds DOUBLE NOT NULL,
                    wrap_up_seconds DOUBLE NOT NULL,
                    disposition TEXT,
                    recording_reference TEXT,
                    customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL
                );
                CREATE INDEX interactions_customer ON interactions(customer_id, started_at);

                CREATE TABLE tickets (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    number INTEGER NOT NULL UNIQUE,
                    subject TEXT NOT NULL,
                    description TEXT NOT NULL,
                    priority TEXT NOT NULL,
                    category TEXT,
                    status TEXT NOT NULL,
                    assignee_kind TEXT,
                    assignee_name TEXT,
                    customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
                    created_by TEXT NOT NULL,
                    created_at DOUBLE NOT NULL,
                    updated_at DOUBLE NOT NULL,
                    due_at DOUBLE NOT NULL,
                    resolved_at DOUBLE,
                    closed_at DOUBLE
                );
                CREATE INDEX tickets_status_due ON tickets(status, due_at);
                CREATE INDEX tickets_assignee ON tickets(assignee_kind, assignee_name);
                CREATE INDEX tickets_customer ON tickets(customer_id);
                CREATE TABLE ticket_comments (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
                    author TEXT NOT NULL,
                    body TEXT NOT NULL,
                    is_internal INTEGER NOT NULL,
                    created_at DOUBLE NOT NULL
                );
                CREATE INDEX ticket_comments_ticket ON ticket_comments(ticket_id);
                CREATE TABLE ticket_links (
                    ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    reference TEXT NOT NULL,
                    created_at DOUBLE NOT NULL,
                    PRIMARY KEY (ticket_id, kind, reference)
                ) WITHOUT ROWID;
                CREATE INDEX ticket_links_reference ON ticket_links(kind, reference);
                CREATE TABLE ticket_history (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
                    actor TEXT NOT NULL,
                    at DOUBLE NOT NULL,
                    field TEXT NOT NULL,
                    old_value TEXT,
                    new_value TEXT
                );
                CREATE INDEX ticket_history_ticket ON ticket_history(ticket_id);

                CREATE TABLE users (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    display_name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    groups TEXT NOT NULL,
                    password_hash TEXT NOT NULL,
                    is_active INTEGER NOT NULL,
                    created_at DOUBLE NOT NULL,
                    updated_at DOUBLE NOT NULL
                );
                CREATE TABLE tokens (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    name TEXT,
                    token_hash TEXT NOT NULL UNIQUE,
                    created_at DOUBLE NOT NULL,
                    expires_at DOUBLE,
                    revoked_at DOUBLE
                );

                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at DOUBLE NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    entity_type TEXT NOT NULL,
                    entity_id TEXT NOT NULL,
                    changes TEXT NOT NULL
                );
                CREATE INDEX audit_log_entity ON audit_log(entity_type, entity_id);

                CREATE TABLE webhook_outbox (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    endpoint TEXT NOT NULL,
                    event_type TEXT NOT NULL,
                    body TEXT NOT NULL,
                    status TEXT NOT NULL,
                    attempts INTEGER NOT NULL,
                    next_attempt_at DOUBLE NOT NULL,
                    last_error TEXT,
                    created_at DOUBLE NOT NULL,
                    delivered_at DOUBLE
                );
                CREATE INDEX webhook_outbox_due ON webhook_outbox(status, next_attempt_at);
                """
        )
    }
}
