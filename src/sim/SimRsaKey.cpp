#include "sim/SimRsaKey.h"

#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace madoguchi::sim {

namespace {

struct PkeyFree
{
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct PkeyCtxFree
{
    void operator()(EVP_PKEY_CTX* p) const { EVP_PKEY_CTX_free(p); }
};
struct P8InfoFree
{
    void operator()(PKCS8_PRIV_KEY_INFO* p) const { PKCS8_PRIV_KEY_INFO_free(p); }
};

} // namespace

struct SimRsaKey::Impl
{
    std::unique_ptr<EVP_PKEY, PkeyFree> pkey;
};

SimRsaKey::SimRsaKey(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
SimRsaKey::SimRsaKey(SimRsaKey&&) noexcept = default;
SimRsaKey& SimRsaKey::operator=(SimRsaKey&&) noexcept = default;
SimRsaKey::~SimRsaKey() = default;

core::Result<SimRsaKey> SimRsaKey::fromPkcs8(QByteArrayView der)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    std::unique_ptr<PKCS8_PRIV_KEY_INFO, P8InfoFree> info(d2i_PKCS8_PRIV_KEY_INFO(nullptr, &p, der.size()));
    if (!info) {
        return core::fail(core::Errc::MalformedDer, QStringLiteral("private key is not PKCS#8 DER"));
    }
    std::unique_ptr<EVP_PKEY, PkeyFree> pkey(EVP_PKCS82PKEY(info.get()));
    if (!pkey || EVP_PKEY_get_base_id(pkey.get()) != EVP_PKEY_RSA) {
        return core::fail(core::Errc::Unsupported, QStringLiteral("the simulated card holds RSA keys only"));
    }
    auto impl = std::make_unique<Impl>();
    impl->pkey = std::move(pkey);
    return SimRsaKey(std::move(impl));
}

int SimRsaKey::size() const
{
    return EVP_PKEY_get_size(m_impl->pkey.get());
}

core::Result<QByteArray> SimRsaKey::sign(QByteArrayView digestInfo) const
{
    // No signature digest is set on purpose: with RSA_PKCS1_PADDING and no md, EVP_PKEY_sign pads the
    // input as given (type 1) and exponentiates — what the card does with the DigestInfo it receives.
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(EVP_PKEY_CTX_new(m_impl->pkey.get(), nullptr));
    if (!ctx || EVP_PKEY_sign_init(ctx.get()) <= 0 || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) <= 0) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("EVP_PKEY_sign_init"));
    }
    const auto* in = reinterpret_cast<const unsigned char*>(digestInfo.data());
    size_t outLen = 0;
    if (EVP_PKEY_sign(ctx.get(), nullptr, &outLen, in, static_cast<size_t>(digestInfo.size())) <= 0) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("EVP_PKEY_sign (size)"));
    }
    QByteArray out(static_cast<qsizetype>(outLen), '\0');
    if (EVP_PKEY_sign(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &outLen, in,
                      static_cast<size_t>(digestInfo.size())) <= 0) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("EVP_PKEY_sign"));
    }
    out.resize(static_cast<qsizetype>(outLen));
    return out;
}

} // namespace madoguchi::sim
