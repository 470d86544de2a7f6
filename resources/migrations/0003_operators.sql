-- Schema version 3: local operator accounts (issue 6 item 1). The password is kept only as an
-- scrypt hash (RFC 7914) with its own salt and cost, so the cost can rise later without a reset.
-- Failed sign-ins count up and set locked_until (back-off); a success clears both. Changes to an
-- account are recorded in the audit log through the ChangeRecorder hook in the same transaction.
CREATE TABLE operator (
    login           TEXT PRIMARY KEY,
    display_name    TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('municipal_staff', 'insurer_clerk', 'auditor', 'admin')),
    password_hash   BLOB NOT NULL,
    password_salt   BLOB NOT NULL,
    kdf_log2n       INTEGER NOT NULL,
    kdf_r           INTEGER NOT NULL,
    kdf_p           INTEGER NOT NULL,
    disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT,
    -- An operator's own My Number Card for card sign-in: (issuer key id, auth-cert serial).
    card_issuer_key_id BLOB,
    card_serial        BLOB,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) WITHOUT ROWID;
