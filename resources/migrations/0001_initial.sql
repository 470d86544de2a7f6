-- Madoguchi local store, schema version 1 (architecture.md §3). SQLite 3.15 syntax only:
-- no UPSERT, RETURNING or window functions. Nothing is updated in place without history:
-- linkages and card events are append-only; "current" is a view.

-- A card is (issuer key identifier, auth-cert serial); never the serial alone.
CREATE TABLE card_identity (
    id            INTEGER PRIMARY KEY,
    issuer_key_id BLOB NOT NULL,
    serial        BLOB NOT NULL,
    created_at    TEXT NOT NULL,
    UNIQUE (issuer_key_id, serial)
);

-- What happened to a card: revoked (with CRL reason code), migrated (to a successor), restored.
CREATE TABLE card_event (
    id           INTEGER PRIMARY KEY,
    card_id      INTEGER NOT NULL REFERENCES card_identity(id),
    event        TEXT NOT NULL CHECK (event IN ('revoked', 'migrated', 'restored')),
    reason_code  INTEGER,
    successor_id INTEGER REFERENCES card_identity(id),
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX card_event_by_card ON card_event(card_id, id);

-- The resident's minimum, only on the operator's explicit action; append-only as well.
CREATE TABLE resident (
    id          INTEGER PRIMARY KEY,
    card_id     INTEGER NOT NULL REFERENCES card_identity(id),
    name        TEXT,
    birth_date  TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX resident_by_card ON resident(card_id, id);
CREATE INDEX resident_by_name ON resident(name);

-- Linkage kinds are data: a new service is a row, not a schema change.
CREATE TABLE linkage_kind (
    code     TEXT PRIMARY KEY,
    label_ja TEXT NOT NULL,
    label_en TEXT NOT NULL,
    fields   TEXT NOT NULL -- JSON array of the field names this kind carries
);
INSERT INTO linkage_kind VALUES ('platform_id', '共通プラットフォームID', 'Platform ID', '["platform_id"]');
INSERT INTO linkage_kind VALUES ('health_insurance', '健康保険', 'Health insurance',
                                 '["insurer_number","symbol","number","branch"]');
INSERT INTO linkage_kind VALUES ('credit_card', 'クレジットカード', 'Credit card',
                                 '["token","brand","last4","expiry"]');
INSERT INTO linkage_kind VALUES ('catv', 'ケーブルテレビ', 'Cable TV', '["household_id"]');

-- Every version of every linkage. A change appends a row with version + 1. Clustered by card
-- (WITHOUT ROWID, primary key card_id, uuid, version): a card's linkages, all versions, sit in one
-- leaf, so the counter's lookup by card reads one page of this table (performance.md §2). Within
-- one uuid the card never changes: succession creates a new uuid on the successor card.
CREATE TABLE linkage_version (
    card_id    INTEGER NOT NULL REFERENCES card_identity(id),
    uuid       BLOB NOT NULL,     -- time-ordered (v7), so uuid order is creation order
    version    INTEGER NOT NULL,
    kind       TEXT NOT NULL REFERENCES linkage_kind(code),
    status     TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'ended', 'migrated')),
    valid_from TEXT,
    valid_to   TEXT,
    created_by TEXT NOT NULL,
    assurance  TEXT NOT NULL CHECK (assurance IN ('pin_signature', 'photo_check', 'tap_only')),
    fields     TEXT NOT NULL, -- JSON object per linkage_kind.fields; never a full card number
    search_key TEXT NOT NULL, -- the kind's identifier, normalised, for lookups and duplicate checks
    sealed_pan BLOB,          -- credit cards: the PAN sealed to the platform's public key
    reason     TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (card_id, uuid, version)
) WITHOUT ROWID;
CREATE UNIQUE INDEX linkage_by_uuid ON linkage_version(uuid, version);
CREATE INDEX linkage_by_key ON linkage_version(kind, search_key);

CREATE VIEW linkage_current AS
    SELECT v.* FROM linkage_version v
    WHERE v.version = (SELECT max(w.version) FROM linkage_version w WHERE w.uuid = v.uuid);

-- Change journal / outbox for the sync issue (architecture.md §7): sent in batches, answered per item.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    entity          TEXT NOT NULL,
    entity_id       BLOB NOT NULL,
    op              TEXT NOT NULL,
    payload         TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    created_at      TEXT NOT NULL,
    sent_at         TEXT
);
CREATE INDEX outbox_unsent ON outbox(sent_at, id);
