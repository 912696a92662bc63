-- The sync endpoint's state (docs/sync-protocol.md). Portable SQL except the audit log's key,
-- which is SQLite's rowid (PostgreSQL would declare an identity column).

-- One row: the epoch cursors are bound to, and the next free position in commit order.
CREATE TABLE server_meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    epoch BIGINT NOT NULL,
    next_position BIGINT NOT NULL
);
INSERT INTO server_meta (id, epoch, next_position) VALUES (1, 1, 1);

-- Client groups are scoped by tenant and user, so no caller can touch another's numbering.
CREATE TABLE client_groups (
    tenant TEXT NOT NULL,
    user_id TEXT NOT NULL,
    client_group TEXT NOT NULL,
    baseline BIGINT NOT NULL,
    last_applied_seq BIGINT NOT NULL,
    PRIMARY KEY (tenant, user_id, client_group)
);

-- The outcome of every seq processed, with the position its effect holds in commit order.
CREATE TABLE outcomes (
    tenant TEXT NOT NULL,
    user_id TEXT NOT NULL,
    client_group TEXT NOT NULL,
    seq BIGINT NOT NULL,
    mutation_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    position BIGINT NOT NULL,
    PRIMARY KEY (tenant, user_id, client_group, seq)
);

-- The first outcome of each mutation id, so a re-push under a new group stays idempotent.
CREATE TABLE first_outcomes (
    tenant TEXT NOT NULL,
    mutation_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    PRIMARY KEY (tenant, mutation_id)
);

-- Current resources; `subject`, `restricted` and `entry_author` decide who may read them.
CREATE TABLE resources (
    tenant TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    version BIGINT NOT NULL,
    value TEXT NOT NULL,
    subject TEXT NOT NULL,
    restricted BOOLEAN NOT NULL,
    entry_author TEXT NOT NULL,
    PRIMARY KEY (tenant, resource_type, resource_id)
);

-- Every change in commit order: what pulls page through.
CREATE TABLE changes (
    position BIGINT PRIMARY KEY,
    tenant TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    version BIGINT NOT NULL,
    op TEXT NOT NULL,
    value TEXT,
    subject TEXT NOT NULL,
    restricted BOOLEAN NOT NULL,
    entry_author TEXT NOT NULL
);
CREATE INDEX changes_by_tenant ON changes (tenant, position);

-- Who may act on whom: reloaded from the access configuration at every start.
CREATE TABLE care_circle (
    tenant TEXT NOT NULL,
    subject TEXT NOT NULL,
    user_id TEXT NOT NULL,
    role TEXT NOT NULL,
    care_team BOOLEAN NOT NULL,
    PRIMARY KEY (tenant, subject, user_id)
);

-- Who pushed what, when (server time), and what became of it.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at_ms BIGINT NOT NULL,
    tenant TEXT NOT NULL,
    user_id TEXT NOT NULL,
    role TEXT NOT NULL,
    client_group TEXT NOT NULL,
    client_schema BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    mutation_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    status TEXT NOT NULL,
    reason_code TEXT
);
