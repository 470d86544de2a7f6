-- CRLs consumed by the platform (issue 7: the revocations feed is derived from them by the PKI
-- engine). One row per imported CRL, keyed by its content id (pki::Crl::contentId); the DER of the
-- latest one per CA is what the next CRL is diffed against (pki::CrlDelta::diff).
CREATE TABLE crl_imports (
    content_id    bytea PRIMARY KEY,
    issuer_key_id bytea NOT NULL,
    crl_number    numeric NOT NULL,
    der           bytea NOT NULL,
    entries       bigint NOT NULL,
    imported_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX crl_imports_issuer ON crl_imports (issuer_key_id, crl_number DESC);

-- J-LIS old↔new certificate links (docs/succession-format.md): a reason-4 revocation becomes a
-- succession event when its successor is known. Keys are card identities (CardIdentity text).
CREATE TABLE succession_links (
    old_card_id   text PRIMARY KEY,
    new_card_id   text NOT NULL,
    linked_at     timestamptz NOT NULL
);
