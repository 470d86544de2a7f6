-- Desktop sync with the platform (architecture.md §7, issue 7). The outbox table of 0001 stays as it
-- is: an item is acknowledged by setting its sent_at. SQLite 3.15 syntax only.

-- Feed cursors and the time each part of the last run completed: 'push' (position: items
-- acknowledged so far), 'linkages' and 'revocations' (position: the platform's sequence cursor).
CREATE TABLE sync_state (
    name       TEXT PRIMARY KEY CHECK (name IN ('push', 'linkages', 'revocations')),
    position   INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);

-- How local linkage kinds meet the platform's (resources/platform/migrations/0001_initial.sql): the
-- wire code, and whether a card holds at most one active linkage of the kind (a second one from
-- elsewhere is a conflict). Kinds are data: a new service is a row here too.
CREATE TABLE sync_kind (
    code          TEXT PRIMARY KEY REFERENCES linkage_kind(code),
    wire_code     TEXT NOT NULL UNIQUE,
    single_active INTEGER NOT NULL
);
INSERT INTO sync_kind VALUES ('platform_id', 'platform_id', 1);
INSERT INTO sync_kind VALUES ('health_insurance', 'health_insurance', 1);
INSERT INTO sync_kind VALUES ('credit_card', 'credit_card', 0);
INSERT INTO sync_kind VALUES ('catv', 'catv_household', 1);

-- The same card and kind linked differently elsewhere, or a change the platform refused: BOTH
-- versions kept as sent and as found, for a person to decide. Append-only; the decision is a row of
-- sync_resolution.
CREATE TABLE sync_conflict (
    id          INTEGER PRIMARY KEY,
    conflict_id TEXT,          -- the platform's id when the push found it; NULL when the pull did
    reason      TEXT NOT NULL, -- linked_differently | stale_version | version_gap | a refusal code
    card        TEXT NOT NULL, -- "<issuer key id hex>:<serial hex>"
    kind        TEXT NOT NULL, -- local kind code
    local_uuid  TEXT NOT NULL,
    remote_uuid TEXT,
    local_json  TEXT NOT NULL, -- our version (wire form)
    remote_json TEXT NOT NULL, -- the platform's version, or its refusal
    detected_at TEXT NOT NULL
);
CREATE INDEX sync_conflict_by_pair ON sync_conflict(local_uuid, remote_uuid);

CREATE TABLE sync_resolution (
    conflict    INTEGER PRIMARY KEY REFERENCES sync_conflict(id),
    choice      TEXT NOT NULL CHECK (choice IN ('keep_ours', 'take_theirs')),
    resolved_by TEXT NOT NULL,
    resolved_at TEXT NOT NULL
);

-- The platform's revocation feed as pulled (seq is the platform's), for the card check
-- (services::PlatformFeedRevocationSource). The serial is normalised (no leading zero bytes).
CREATE TABLE platform_revocation (
    seq           INTEGER PRIMARY KEY,
    issuer_key_id BLOB NOT NULL,
    serial        BLOB NOT NULL,
    event         TEXT NOT NULL, -- revoked | succession
    reason        INTEGER,
    occurred_at   TEXT,
    successor     TEXT,
    received_at   TEXT NOT NULL
);
CREATE INDEX platform_revocation_by_cert ON platform_revocation(issuer_key_id, serial, seq);
