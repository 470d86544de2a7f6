#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"
#include "platformd/ApiSupport.h"

#include <QByteArray>
#include <QString>

struct evp_pkey_st; // OpenSSL's EVP_PKEY (openssl/types.h), kept out of this header

namespace madoguchi::platformd {

class PgConnection;

// What the vault answers for a number it holds; never the number.
struct VaultEntry
{
    QString token;
    QString brand;
    QString last4;
};

// The token vault (architecture.md §3, §8), shared by POST /v1/vault/tokens and the linkage push
// (docs/vault.md): a card number arrives sealed with RSA-OAEP-SHA256 (RFC 8017 §7.1, MGF1-SHA256) to
// the vault key, is opened into SecureBytes, checked, kept under AES-256-GCM with a key derived from
// the server secret (the token as AAD) and answered by a random token. The number is never logged
// and never returned. A view over the platform's key and secret: cheap to make per request.
class TokenVault final
{
public:
    TokenVault(evp_pkey_st* vaultKey, const core::SecureBytes& secret) : m_key(vaultKey), m_secret(secret) {}

    // 422 sealed_number_invalid (does not open with the vault key: garbage, another key) or
    // 422 card_number_invalid (not 12–19 digits with a Luhn check digit, ISO/IEC 7812-1).
    [[nodiscard]] ApiResult<core::SecureBytes> open(const QByteArray& sealed) const;
    // Seals `pan` under the server key and inserts it into vault_tokens (in the caller's transaction).
    [[nodiscard]] ApiResult<VaultEntry> store(PgConnection& db, const core::SecureBytes& pan,
                                              const QString& terminal) const;
    // The number of a vault_tokens row (nonce, ciphertext as stored). For the payment flow and tests;
    // fails when the row was not sealed under this secret or the token does not match it.
    [[nodiscard]] static core::Result<core::SecureBytes> unseal(const core::SecureBytes& secret, const QString& token,
                                                                const QByteArray& nonce, const QByteArray& ciphertext);

private:
    evp_pkey_st* m_key;
    const core::SecureBytes& m_secret;
};

} // namespace madoguchi::platformd
