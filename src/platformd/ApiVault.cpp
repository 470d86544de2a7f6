// Token vault (architecture.md §3): a card number arrives sealed with RSA-OAEP-SHA256 to the vault's
// public key; the platform opens it in SecureBytes, checks it, keeps it encrypted under a server key
// (AES-256-GCM) and answers a token. The number is never logged and never leaves this file in clear.

#include "core/Logging.h"
#include "platformd/PlatformApiImpl.h"

#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

namespace madoguchi::platformd {

namespace {

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

// ISO/IEC 7812: 12–19 digits with a valid Luhn check digit.
bool validPan(const core::SecureBytes& pan)
{
    if (pan.size() < 12 || pan.size() > 19) {
        return false;
    }
    int sum = 0;
    for (std::size_t i = 0; i < pan.size(); ++i) {
        const std::uint8_t c = pan[pan.size() - 1 - i];
        if (c < '0' || c > '9') {
            return false;
        }
        int digit = c - '0';
        if (i % 2 == 1) {
            digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
        }
        sum += digit;
    }
    return sum % 10 == 0;
}

QString brandOf(const core::SecureBytes& pan)
{
    const int two = (pan[0] - '0') * 10 + (pan[1] - '0');
    if (pan[0] == '4') {
        return QStringLiteral("visa");
    }
    if (two >= 51 && two <= 55) {
        return QStringLiteral("mastercard");
    }
    if (two == 34 || two == 37) {
        return QStringLiteral("amex");
    }
    return two == 35 ? QStringLiteral("jcb") : QStringLiteral("other");
}

core::Result<std::pair<QByteArray, QByteArray>> seal(const core::SecureBytes& secret, const core::SecureBytes& pan,
                                                     const QByteArray& token)
{
    // The vault key is derived from the server secret, so the challenge key and it never coincide.
    unsigned char key[32];
    unsigned int keyLength = 0;
    HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char*>("vault-aes-key"), 13, key, &keyLength);
    QByteArray nonce(12, '\0');
    RAND_bytes(reinterpret_cast<unsigned char*>(nonce.data()), 12);
    QByteArray out(static_cast<qsizetype>(pan.size()) + 16, '\0');
    pki::ossl::Deleter<EVP_CIPHER_CTX_free> free;
    std::unique_ptr<EVP_CIPHER_CTX, decltype(free)> ctx(EVP_CIPHER_CTX_new());
    int length = 0;
    int tail = 0;
    const bool ok =
        ctx &&
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key,
                           reinterpret_cast<const unsigned char*>(nonce.constData())) == 1 &&
        EVP_EncryptUpdate(ctx.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(token.constData()),
                          static_cast<int>(token.size())) == 1 && // the token as AAD
        EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &length, pan.data(),
                          static_cast<int>(pan.size())) == 1 &&
        EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + length, &tail) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, 16, out.data() + pan.size()) == 1;
    OPENSSL_cleanse(key, sizeof key);
    if (!ok) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("vault seal"));
    }
    return std::pair{nonce, out};
}

} // namespace

ApiResult<HttpResponse> PlatformApi::Impl::vaultPublicKey(const HttpRequest&)
{
    return jsonResponse(200,
                        QJsonObject{{QStringLiteral("publicKeyPem"), QString::fromLatin1(config.vaultPublicKeyPem)},
                                    {QStringLiteral("algorithm"), QStringLiteral("RSA-OAEP-SHA256")}});
}

ApiResult<HttpResponse> PlatformApi::Impl::tokenize(const HttpRequest& request)
{
    auto body = parseObject(request.body, {QStringLiteral("sealedNumber")}, {QStringLiteral("sealedNumber")});
    auto sealed =
        body ? base64Field(*body, QStringLiteral("sealedNumber")) : ApiResult<QByteArray>(tl::unexpected(body.error()));
    if (!sealed) {
        return tl::unexpected(sealed.error());
    }
    auto pan = openSealed(vaultKey.get(), *sealed);
    if (!pan) {
        return apiFail(422, QStringLiteral("sealed_number_invalid"),
                       QStringLiteral("does not open with the vault key"));
    }
    if (!validPan(*pan)) {
        return apiFail(422, QStringLiteral("card_number_invalid"),
                       QStringLiteral("12–19 digits with a Luhn check digit"));
    }
    QByteArray random(16, '\0');
    RAND_bytes(reinterpret_cast<unsigned char*>(random.data()), 16);
    const QByteArray token = "tok_" + random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    auto sealedAtRest = seal(config.secret, *pan, token);
    if (!sealedAtRest) {
        return tl::unexpected(fromCoreError(sealedAtRest.error()));
    }
    const QString brand = brandOf(*pan);
    const QString last4 = QString::fromLatin1(reinterpret_cast<const char*>(pan->data()) + pan->size() - 4, 4);
    auto lease = config.pool->acquire();
    auto stored = lease
                      ? (*lease)->exec("INSERT INTO vault_tokens(token, nonce, ciphertext, brand, last4, terminal_id) "
                                       "VALUES ($1, decode($2, 'hex'), decode($3, 'hex'), $4, $5, $6)",
                                       {token, sealedAtRest->first.toHex(), sealedAtRest->second.toHex(),
                                        brand.toUtf8(), last4.toUtf8(), request.peer.commonName.toUtf8()})
                      : core::Result<PgResult>(tl::unexpected(lease.error()));
    if (!stored) {
        return tl::unexpected(fromCoreError(stored.error()));
    }
    return jsonResponse(201, QJsonObject{{QStringLiteral("token"), QString::fromLatin1(token)},
                                         {QStringLiteral("brand"), brand},
                                         {QStringLiteral("last4"), last4}});
}

} // namespace madoguchi::platformd
