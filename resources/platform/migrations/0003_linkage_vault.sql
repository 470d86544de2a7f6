-- Credit-card linkages and the token vault (docs/vault.md): a counter pushes a credit-card linkage
-- with its card number sealed to the vault key; the platform opens it into vault_tokens and binds the
-- vault token to the linkage here. Keyed by card_id first like every card-keyed table (Citus: a
-- distributed table by card_id); vault_tokens is keyed by token, so there is no foreign key between
-- them (Citus cannot enforce one across different distribution keys). The sealed number itself is
-- never stored: not here, not in linkage_versions.body (the feed), not in idempotency.
CREATE TABLE linkage_vault (
    card_id       text NOT NULL,
    linkage_id    uuid NOT NULL,
    vault_token   text NOT NULL,
    terminal_id   text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (card_id, linkage_id)
);
