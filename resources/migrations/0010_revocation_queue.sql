-- Schema version 10 (numbered apart from the store branch's to avoid clashes): the counter's work
-- queues fed by revocation events (issue 6 item 5, jpki-card.md §6): migrations to a successor
-- (reason 4) and change-of-address events (reason 3). Append-only apart from marking an item done.
CREATE TABLE revocation_work (
    id                  INTEGER PRIMARY KEY,
    queue               TEXT NOT NULL CHECK (queue IN ('migration', 'change_of_address')),
    event               TEXT NOT NULL, -- pki::eventKindName: migrate, successor_missing, change_of_address
    issuer_key_id       BLOB NOT NULL,
    serial              BLOB NOT NULL,
    cert_kind           TEXT NOT NULL CHECK (cert_kind IN ('auth', 'sign')),
    reason_code         INTEGER,
    revoked_at          TEXT,
    successor_key_id    BLOB,
    successor_serial    BLOB,
    note                TEXT,
    created_at          TEXT NOT NULL,
    done_at             TEXT,
    done_by             TEXT,
    UNIQUE (queue, issuer_key_id, serial)
);
CREATE INDEX revocation_work_open ON revocation_work(queue, done_at, id);
