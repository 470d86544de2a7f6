// Token vault (architecture.md §3): the one place on the platform where a card number is in clear,
// and only in SecureBytes. Nothing here logs; errors name the failure, never the input.

#include "platformd/TokenVault.h"

#include "core/PaymentCardNumber.h"
#include "platformd/PgConnection.h"
#include "pki/OpenSsl.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

namespace madoguchi::platformd {

namespace {

using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, pki::ossl::Deleter<EVP_CIPHER_CTX_free>>;

constexpr int NonceBytes = 12; // NIST SP 800-38D §8.2: 96-bit IVs
constexpr int TagBytes = 16;

core::Result<core::SecureBytes> openSealed(EVP_PKEY* key, const QByteArray& sealed)
{
    pki::ossl::EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new(key, nullptr));
    size_t length = 0;
    if (!ctx || EVP_PKEY_decrypt_init(ctx.get()) != 1 ||
        EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_OAEP_PADDING) != 1 ||
        EVP_PKEY_CTX_set_rsa_oaep_md(ctx.get(), EVP_sha256()) != 1 ||
        EVP_PKEY_CTX_set_rsa_mgf1_md(ctx.get(), EVP_sha256()) != 1 ||
        EVP_PKEY_decrypt(ctx.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(sealed.constData()),
                         static_cast<size_t>(sealed.size())) != 1) {
        ERR_clear_error();
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("OAEP setup"));
    }
    core::SecureBytes plain(length);
    if (EVP_PKEY_decrypt(ctx.get(), plain.data(), &length, reinterpret_cast<const unsigned char*>(sealed.constData()),
                         static_cast<size_t>(sealed.size())) != 1) {
        ERR_clear_error();
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("sealed number does not open"));
    }
    core::SecureBytes exact(plain.data(), length);
    return exact;
}

// The vault key is derived from the server secret, so the challenge key and it never coincide.
core::SecureBytes vaultAesKey(const core::SecureBytes& secret)
{
    core::SecureBytes key(32);
    unsigned int keyLength = 0;
    HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char*>("vault-aes-key"), 13, key.data(), &keyLength);
    return key;
}

core::Result<std::pair<QByteArray, QByteArray>> seal(const core::SecureBytes& secret, const core::SecureBytes& pan,
                                                     const QByteArray& token)
{
    const core::SecureBytes key = vaultAesKey(secret);
    QByteArray nonce(NonceBytes, '\0');
    QByteArray out(static_cast<qsizetype>(pan.size()) + TagBytes, '\0');
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    int length = 0;
    int tail = 0;
    const bool ok =
        RAND_bytes(reinterpret_cast<unsigned char*>(nonce.data()), NonceBytes) == 1 && ctx &&
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(),
                           reinterpret_cast<const unsigned char*>(nonce.constData())) == 1 &&
        EVP_EncryptUpdate(ctx.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(token.constData()),
                          static_cast<int>(token.size())) == 1 && // the token as AAD
        EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &length, pan.data(),
                          static_cast<int>(pan.size())) == 1 &&
        EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + length, &tail) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, TagBytes, out.data() + pan.size()) == 1;
    if (!ok) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("vault seal"));
    }
    return std::pair{nonce, out};
}

} // namespace

ApiResult<core::SecureBytes> TokenVault::open(const QByteArray& sealed) const
{
    auto pan = openSealed(m_key, sealed);
    if (!pan) {
        return apiFail(422, QStringLiteral("sealed_number_invalid"),
                       QStringLiteral("does not open with the vault key"));
    }
    if (!core::PaymentCardNumber::isValid(*pan)) {
        return apiFail(422, QStringLiteral("card_number_invalid"),
                       QStringLiteral("12–19 digits with a Luhn check digit"));
    }
    return std::move(*pan);
}

ApiResult<VaultEntry> TokenVault::store(PgConnection& db, const core::SecureBytes& pan, const QString& terminal) const
{
    QByteArray random(16, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(random.data()), 16) != 1) {
        return tl::unexpected(fromCoreError(core::Error{core::Errc::CryptoFailure, QStringLiteral("token"), 0}));
    }
    const QByteArray token = "tok_" + random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    auto sealedAtRest = seal(m_secret, pan, token);
    if (!sealedAtRest) {
        return tl::unexpected(fromCoreError(sealedAtRest.error()));
    }
    VaultEntry entry{QString::fromLatin1(token), core::PaymentCardNumber::brandOf(pan),
                     core::PaymentCardNumber::lastFour(pan)};
    auto stored = db.exec("INSERT INTO vault_tokens(token, nonce, ciphertext, brand, last4, terminal_id) "
                          "VALUES ($1, decode($2, 'hex'), decode($3, 'hex'), $4, $5, $6)",
                          {token, sealedAtRest->first.toHex(), sealedAtRest->second.toHex(), entry.brand.toUtf8(),
                           entry.last4.toUtf8(), terminal.toUtf8()});
    if (!stored) {
        return tl::unexpected(fromCoreError(stored.error()));
    }
    return entry;
}

core::Result<core::SecureBytes> TokenVault::unseal(const core::SecureBytes& secret, const QString& token,
                                                   const QByteArray& nonce, const QByteArray& ciphertext)
{
    if (nonce.size() != NonceBytes || ciphertext.size() <= TagBytes) {
        return core::fail(core::Errc::MalformedInput, QStringLiteral("vault row"));
    }
    const core::SecureBytes key = vaultAesKey(secret);
    const QByteArray aad = token.toLatin1();
    const int bodySize = static_cast<int>(ciphertext.size()) - TagBytes;
    core::SecureBytes plain(static_cast<std::size_t>(bodySize));
    QByteArray tag = ciphertext.right(TagBytes);
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    int length = 0;
    int tail = 0;
    const bool ok =
        ctx &&
        EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(),
                           reinterpret_cast<const unsigned char*>(nonce.constData())) == 1 &&
        EVP_DecryptUpdate(ctx.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(aad.constData()),
                          static_cast<int>(aad.size())) == 1 &&
        EVP_DecryptUpdate(ctx.get(), plain.data(), &length,
                          reinterpret_cast<const unsigned char*>(ciphertext.constData()), bodySize) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, TagBytes, tag.data()) == 1 &&
        EVP_DecryptFinal_ex(ctx.get(), plain.data() + length, &tail) == 1;
    if (!ok) {
        ERR_clear_error();
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("vault row does not open"));
    }
    return plain;
}

} // namespace madoguchi::platformd
