-- Schema version 20: the tamper-evident audit log (issue 5, architecture.md §6). Entries form an
-- RFC 6962 Merkle tree: `body` holds the canonical bytes (audit/AuditEntry.h), `leaf_hash` caches
-- SHA-256(0x00 || body), audit_block caches the hash of every complete 256-leaf subtree so roots and
-- proofs over 10^6 entries read a few thousand rows, not a million. The triggers make the log
-- append-only for this program; someone with the key can drop them, which `audit verify` then finds.
CREATE TABLE audit_entry (
    idx       INTEGER PRIMARY KEY,
    at_ms     INTEGER NOT NULL,
    operator  TEXT NOT NULL,
    role      TEXT NOT NULL,
    action    TEXT NOT NULL,
    subject   TEXT NOT NULL,
    body      BLOB NOT NULL,
    leaf_hash BLOB NOT NULL
);
CREATE TABLE audit_block (
    block INTEGER PRIMARY KEY,
    hash  BLOB NOT NULL
);
CREATE TABLE audit_tree_head (
    tree_size INTEGER PRIMARY KEY,
    at_ms     INTEGER NOT NULL,
    terminal  TEXT NOT NULL,
    root      BLOB NOT NULL,
    signature BLOB NOT NULL
);
CREATE TABLE audit_terminal (
    terminal   TEXT PRIMARY KEY,
    public_key BLOB NOT NULL,
    created_at TEXT NOT NULL
);
-- Archived ranges: sealed into an exported bundle; the tree stays continuous across them.
CREATE TABLE audit_archive (
    id            INTEGER PRIMARY KEY,
    first_idx     INTEGER NOT NULL,
    end_idx       INTEGER NOT NULL,
    tree_size     INTEGER NOT NULL,
    bundle_sha256 BLOB NOT NULL,
    sealed_at     TEXT NOT NULL,
    sealed_by     TEXT NOT NULL
);
-- SIEM forwarding: the next index to send per sink (at-least-once, see audit/SyslogForwarder.h).
CREATE TABLE audit_forward (
    sink     TEXT PRIMARY KEY,
    next_idx INTEGER NOT NULL
);
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
CREATE TRIGGER audit_head_no_update BEFORE UPDATE ON audit_tree_head
BEGIN SELECT RAISE(ABORT, 'tree heads are append-only'); END;
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_tree_head
BEGIN SELECT RAISE(ABORT, 'tree heads are append-only'); END;
