-- Madoguchi platform schema, version 1 (architecture.md §3, §8).
-- Card-keyed tables carry card_id ("<issuer key id hex>:<serial hex>", CardIdentity::toString) as
-- the first column of their primary key, so they can be distributed by hash of the card identity
-- (Citus: SELECT create_distributed_table('linkages', 'card_id')). Terminal-keyed tables are small
-- and would be reference tables or distributed by terminal_id.

CREATE TABLE linkage_kinds (
    kind          text PRIMARY KEY,
    single_active boolean NOT NULL,      -- at most one active linkage of this kind per card
    description   text NOT NULL
);
INSERT INTO linkage_kinds VALUES
    ('platform_id', true, '共通プラットフォームID'),
    ('health_insurance', true, 'insurer number + symbol + number + branch'),
    ('credit_card', false, 'vault token + brand + last 4 + expiry'),
    ('catv_household', true, 'CATV household ID');

CREATE TABLE terminals (
    terminal_id   text PRIMARY KEY,
    role          text NOT NULL CHECK (role IN ('terminal', 'admin')),
    status        text NOT NULL CHECK (status IN ('pending', 'active', 'revoked')),
    cert_serial   text,
    cert_der      bytea,
    created_at    timestamptz NOT NULL DEFAULT now(),
    revoked_at    timestamptz
);

-- One-time registration codes: only their SHA-256 is stored.
CREATE TABLE enrolment_codes (
    code_sha256   bytea PRIMARY KEY,
    terminal_id   text NOT NULL REFERENCES terminals(terminal_id),
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz
);

-- Every server-side change gets the next value: the cursor of the changes feed.
CREATE SEQUENCE change_seq;

-- The current version of every linkage.
CREATE TABLE linkages (
    card_id       text NOT NULL,
    linkage_id    uuid NOT NULL,
    kind          text NOT NULL REFERENCES linkage_kinds(kind),
    version       integer NOT NULL CHECK (version >= 1),
    status        text NOT NULL CHECK (status IN ('active', 'suspended', 'ended', 'migrated')),
    fields        jsonb NOT NULL,
    valid_from    date,
    valid_to      date,
    assurance     text NOT NULL CHECK (assurance IN ('pin_signature', 'photo_check', 'tap_only')),
    terminal_id   text NOT NULL,
    operator      text NOT NULL,
    seq           bigint NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (card_id, linkage_id)
);
CREATE INDEX linkages_card_kind ON linkages (card_id, kind) WHERE status = 'active';

-- History: every version ever accepted (nothing is updated in place without history), and the feed.
CREATE TABLE linkage_versions (
    card_id       text NOT NULL,
    linkage_id    uuid NOT NULL,
    version       integer NOT NULL,
    seq           bigint NOT NULL,
    body          jsonb NOT NULL,
    PRIMARY KEY (card_id, linkage_id, version)
);
CREATE INDEX linkage_versions_seq ON linkage_versions (seq);

-- Per-item idempotency: the same key with the same content answers the stored result again.
CREATE TABLE idempotency (
    terminal_id   text NOT NULL,
    idem_key      text NOT NULL,
    content_sha256 bytea NOT NULL,
    result        jsonb NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (terminal_id, idem_key)
);

-- A push that met a different linkage of the same card and single-active kind.
CREATE TABLE conflicts (
    card_id       text NOT NULL,
    conflict_id   uuid NOT NULL,
    kind          text NOT NULL,
    incoming      jsonb NOT NULL,
    existing      jsonb NOT NULL,
    terminal_id   text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (card_id, conflict_id)
);

-- Revocation events and serial successions (architecture.md §5), fed by the CRL/OCSP engine later.
CREATE TABLE revocation_events (
    card_id       text NOT NULL,
    seq           bigint NOT NULL,
    event         text NOT NULL CHECK (event IN ('revoked', 'succession')),
    reason        integer,
    occurred_at   timestamptz NOT NULL,
    successor_card_id text,
    PRIMARY KEY (card_id, seq)
);
CREATE INDEX revocation_events_seq ON revocation_events (seq);

-- Token vault: the card number sealed under the server's key (AES-256-GCM), never in clear.
CREATE TABLE vault_tokens (
    token         text PRIMARY KEY,
    nonce         bytea NOT NULL,
    ciphertext    bytea NOT NULL,
    brand         text NOT NULL,
    last4         text NOT NULL,
    terminal_id   text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- Audit: the entries and signed tree heads each terminal uploaded (RFC 6962 §3.5 style).
CREATE TABLE audit_entries (
    terminal_id   text NOT NULL,
    idx           bigint NOT NULL,
    leaf          bytea NOT NULL,
    PRIMARY KEY (terminal_id, idx)
);
CREATE TABLE audit_heads (
    terminal_id   text NOT NULL,
    tree_size     bigint NOT NULL,
    root_hash     bytea NOT NULL,
    signature     bytea NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (terminal_id, tree_size)
);
CREATE TABLE audit_flags (
    terminal_id   text NOT NULL,
    flag_id       bigserial,
    kind          text NOT NULL CHECK (kind IN ('shrink', 'fork', 'bad_signature')),
    detail        text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (terminal_id, flag_id)
);

-- Relying-party checks, each with the assurance it used.
CREATE TABLE rp_checks (
    card_id       text NOT NULL,
    check_id      bigserial,
    check_kind    text NOT NULL CHECK (check_kind IN ('verification', 'qualification')),
    outcome       text NOT NULL,
    assurance     text NOT NULL,
    terminal_id   text NOT NULL,
    nonce         bytea,
    checked_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (card_id, check_id)
);
CREATE UNIQUE INDEX rp_checks_nonce ON rp_checks (card_id, nonce) WHERE nonce IS NOT NULL;
