-- Schema version 31: an operator's own My Number Card for card sign-in (issue 6 item 1). An
-- administrator binds the card identity of the operator's auth certificate — (issuer key id, serial),
-- architecture.md §3 — to the account; sign-in then proves the holder by PIN + auth signature.
-- One card per operator and one operator per card; a renewed card (new serial) is bound again.
-- The card_* columns of 0003 were never written; this table replaces them (it can be keyed and
-- constrained, and records who bound the card when).
CREATE TABLE operator_card (
    issuer_key_id BLOB NOT NULL,
    serial        BLOB NOT NULL,
    login         TEXT NOT NULL UNIQUE REFERENCES operator (login),
    bound_by      TEXT NOT NULL,
    bound_at      TEXT NOT NULL,
    PRIMARY KEY (issuer_key_id, serial)
) WITHOUT ROWID;
