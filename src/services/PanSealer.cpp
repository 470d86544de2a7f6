#include "services/PanSealer.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

namespace madoguchi::services {

namespace {

struct PkeyFree
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct PkeyCtxFree
{
    void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};
struct BioFree
{
    void operator()(BIO* bio) const { BIO_free(bio); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using Bio = std::unique_ptr<BIO, BioFree>;

bool setOaep(EVP_PKEY_CTX* ctx)
{
    return EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_OAEP_PADDING) > 0 &&
           EVP_PKEY_CTX_set_rsa_oaep_md(ctx, EVP_sha256()) > 0 && EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, EVP_sha256()) > 0;
}

} // namespace

struct PanSealer::Key
{
    Pkey pkey;
};

PanSealer::PanSealer(std::unique_ptr<Key> key) : m_key(std::move(key)) {}
PanSealer::~PanSealer() = default;
PanSealer::PanSealer(PanSealer&&) noexcept = default;
PanSealer& PanSealer::operator=(PanSealer&&) noexcept = default;

core::Result<PanSealer> PanSealer::fromPublicKeyPem(QByteArrayView pem)
{
    Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    Pkey key(bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!key || EVP_PKEY_base_id(key.get()) != EVP_PKEY_RSA) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("platform public key is not an RSA PEM key"));
    }
    auto holder = std::make_unique<Key>();
    holder->pkey = std::move(key);
    return PanSealer(std::move(holder));
}

core::Result<QByteArray> PanSealer::seal(const core::SecureBytes& pan) const
{
    PkeyCtx ctx(EVP_PKEY_CTX_new(m_key->pkey.get(), nullptr));
    std::size_t size = 0;
    if (!ctx || EVP_PKEY_encrypt_init(ctx.get()) <= 0 || !setOaep(ctx.get()) ||
        EVP_PKEY_encrypt(ctx.get(), nullptr, &size, pan.data(), pan.size()) <= 0) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("RSA-OAEP setup failed"));
    }
    QByteArray sealed(static_cast<qsizetype>(size), '\0');
    if (EVP_PKEY_encrypt(ctx.get(), reinterpret_cast<unsigned char*>(sealed.data()), &size, pan.data(), pan.size()) <=
        0) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("RSA-OAEP encryption failed"));
    }
    sealed.resize(static_cast<qsizetype>(size));
    return sealed;
}

core::Result<core::SecureBytes> PanSealer::open(QByteArrayView privateKeyPem, QByteArrayView sealed)
{
    Bio bio(BIO_new_mem_buf(privateKeyPem.data(), static_cast<int>(privateKeyPem.size())));
    Pkey key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    PkeyCtx ctx(key ? EVP_PKEY_CTX_new(key.get(), nullptr) : nullptr);
    std::size_t size = 0;
    const auto* in = reinterpret_cast<const unsigned char*>(sealed.data());
    const auto inSize = static_cast<std::size_t>(sealed.size());
    if (!ctx || EVP_PKEY_decrypt_init(ctx.get()) <= 0 || !setOaep(ctx.get()) ||
        EVP_PKEY_decrypt(ctx.get(), nullptr, &size, in, inSize) <= 0) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("RSA-OAEP setup failed"));
    }
    core::SecureBytes pan(size);
    if (EVP_PKEY_decrypt(ctx.get(), pan.data(), &size, in, inSize) <= 0) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("RSA-OAEP decryption failed"));
    }
    return core::SecureBytes(pan.data(), size);
}

} // namespace madoguchi::services
