-- Schema version 33: fewer bytes and B-trees per linkage (issue 4 "Measure": a 1 M-row import at
-- >= 100 k rows/s; docs/storage.md "Schema and history"). Lossless: every value of 0032 is kept or
-- derivable (TestDatabase::version32DatabaseUpgrades checks a filled 0032 database after upgrade).
-- SQLite 3.15 syntax only (SQLCipher 3.4.1): no ALTER COLUMN, so tables are rebuilt and renamed.
--
-- 1. Linkage kinds get a small integer id (kinds stay data: a new kind is a row with a new id).
ALTER TABLE linkage_kind ADD COLUMN id INTEGER;
UPDATE linkage_kind SET id = CASE code WHEN 'platform_id' THEN 1 WHEN 'health_insurance' THEN 2
                                       WHEN 'credit_card' THEN 3 WHEN 'catv' THEN 4 END;
UPDATE linkage_kind SET id = 100 + rowid WHERE id IS NULL; -- kinds added as data after 0001
CREATE UNIQUE INDEX linkage_kind_by_id ON linkage_kind(id);

-- 2. linkage_version: kind, status and assurance as integer codes, created_at as Unix seconds (UTC;
-- the ISO text it replaces had whole seconds too). Codes (store/Linkage.h enum order):
--   status    0 active, 1 suspended, 2 ended, 3 migrated
--   assurance 0 pin_signature, 1 photo_check, 2 tap_only
-- Same clustering as 0001: WITHOUT ROWID, primary key (card_id, uuid, version). The foreign keys are
-- checked at COMMIT (DEFERRABLE INITIALLY DEFERRED): an immediate one makes every multi-row INSERT
-- keep a statement journal, i.e. encrypt each touched page once more (store/LinkageBulkWriter.h).
CREATE TABLE linkage_version_33 (
    card_id    INTEGER NOT NULL REFERENCES card_identity(id) DEFERRABLE INITIALLY DEFERRED,
    uuid       BLOB NOT NULL,
    version    INTEGER NOT NULL,
    kind       INTEGER NOT NULL REFERENCES linkage_kind(id) DEFERRABLE INITIALLY DEFERRED,
    status     INTEGER NOT NULL CHECK (status BETWEEN 0 AND 3),
    valid_from TEXT,
    valid_to   TEXT,
    created_by TEXT NOT NULL,
    assurance  INTEGER NOT NULL CHECK (assurance BETWEEN 0 AND 2),
    fields     TEXT NOT NULL, -- JSON object per linkage_kind.fields; never a full card number
    search_key TEXT NOT NULL, -- the kind's identifier, normalised, for lookups and duplicate checks
    sealed_pan BLOB,          -- credit cards: the PAN sealed to the platform's public key
    reason     TEXT,
    created_at INTEGER NOT NULL, -- Unix seconds, UTC
    PRIMARY KEY (card_id, uuid, version)
) WITHOUT ROWID;
INSERT INTO linkage_version_33
    SELECT v.card_id, v.uuid, v.version, k.id,
           CASE v.status WHEN 'active' THEN 0 WHEN 'suspended' THEN 1 WHEN 'ended' THEN 2 WHEN 'migrated' THEN 3 END,
           v.valid_from, v.valid_to, v.created_by,
           CASE v.assurance WHEN 'pin_signature' THEN 0 WHEN 'photo_check' THEN 1 WHEN 'tap_only' THEN 2 END,
           v.fields, v.search_key, v.sealed_pan, v.reason, CAST(strftime('%s', v.created_at) AS INTEGER)
    FROM linkage_version v JOIN linkage_kind k ON k.code = v.kind;
DROP VIEW linkage_current;
DROP TABLE linkage_version;
ALTER TABLE linkage_version_33 RENAME TO linkage_version;
CREATE UNIQUE INDEX linkage_by_uuid ON linkage_version(uuid, version);
CREATE INDEX linkage_by_key ON linkage_version(kind, search_key);
CREATE VIEW linkage_current AS
    SELECT v.* FROM linkage_version v
    WHERE v.version = (SELECT max(w.version) FROM linkage_version w WHERE w.uuid = v.uuid);

-- 3. outbox: a pointer at the version row, (entity_id = linkage uuid, version). Dropped, because
-- derivable: payload {"kind","status","uuid","version"} (the version row has all of it), the
-- idempotency key "<uuid text>:<version>" (made when sending, services/StoreOutbox.cpp) with its
-- unique index, and created_at (= the version row's created_at). Unsent items: a partial index.
CREATE TABLE outbox_33 (
    id        INTEGER PRIMARY KEY,
    entity    TEXT NOT NULL,
    entity_id BLOB NOT NULL,
    version   INTEGER NOT NULL,
    op        TEXT NOT NULL,
    sent_at   TEXT
);
INSERT INTO outbox_33(id, entity, entity_id, version, op, sent_at)
    SELECT id, entity, entity_id, CAST(substr(idempotency_key, instr(idempotency_key, ':') + 1) AS INTEGER), op,
           sent_at
    FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_33 RENAME TO outbox;
CREATE INDEX outbox_unsent ON outbox(id) WHERE sent_at IS NULL;
