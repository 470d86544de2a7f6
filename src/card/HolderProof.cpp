#include "card/HolderProof.h"

#include "core/Logging.h"

#include <QCryptographicHash>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <memory>

namespace madoguchi::card {

namespace {

struct X509Free
{
    void operator()(X509* x) const { X509_free(x); }
};
struct MdCtxFree
{
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};

} // namespace

QByteArray HolderProof::sha256(QByteArrayView data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

core::Result<void> HolderProof::verifySignature(const QByteArray& certificateDer, QByteArrayView message,
                                                QByteArrayView signature)
{
    const auto* der = reinterpret_cast<const unsigned char*>(certificateDer.constData());
    std::unique_ptr<X509, X509Free> cert(d2i_X509(nullptr, &der, static_cast<long>(certificateDer.size())));
    if (!cert) {
        ERR_clear_error();
        return core::fail(core::Errc::CertificateInvalid, QStringLiteral("auth certificate does not parse"));
    }
    return verifySignature(X509_get0_pubkey(cert.get()), message, signature); // key owned by cert
}

core::Result<void> HolderProof::verifySignature(EVP_PKEY* key, QByteArrayView message, QByteArrayView signature)
{
    if (!key || EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA) {
        ERR_clear_error();
        return core::fail(core::Errc::CertificateInvalid, QStringLiteral("auth certificate key is not RSA"));
    }
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX* keyCtx = nullptr; // owned by ctx
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), &keyCtx, EVP_sha256(), nullptr, key) != 1 ||
        EVP_PKEY_CTX_set_rsa_padding(keyCtx, RSA_PKCS1_PADDING) != 1) {
        const auto code = static_cast<qint64>(ERR_get_error());
        ERR_clear_error();
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("EVP_DigestVerifyInit"), code);
    }
    const int verified = EVP_DigestVerify(
        ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), static_cast<size_t>(signature.size()),
        reinterpret_cast<const unsigned char*>(message.data()), static_cast<size_t>(message.size()));
    ERR_clear_error();
    if (verified != 1) {
        return core::fail(core::Errc::SignatureInvalid,
                          QStringLiteral("card signature does not verify with the auth certificate"));
    }
    return {};
}

core::Result<HolderProofResult> HolderProof::prove(JpkiCard& card, const HolderChallenge& challenge,
                                                   const QByteArray& authCertificateDer, core::SecureBytes pin,
                                                   PinConfirmation confirmation, std::optional<quint32> pinPadCode)
{
    if (challenge.nonce.size() != HolderChallenge::NonceLength) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("challenge without a fresh nonce"));
    }
    auto tx = card.transaction();
    if (!tx) {
        return core::fail(tx.error());
    }
    auto verified = pinPadCode ? card.verifyPinOnPinPad(PinKind::Auth, *pinPadCode, confirmation)
                               : card.verifyPin(PinKind::Auth, std::move(pin), confirmation);
    if (!verified) {
        return core::fail(verified.error());
    }
    HolderProofResult result;
    result.challenge = challenge.toBytes();
    result.pinVerifiedNow = *verified == VerifyOutcome::Verified;
    auto signature = card.signWithAuthKey(sha256(result.challenge));
    if (!signature) {
        return core::fail(signature.error());
    }
    result.signature = *signature;
    if (auto ok = verifySignature(authCertificateDer, result.challenge, result.signature); !ok) {
        qCWarning(lcCard) << "holder proof failed:" << ok.error().toString();
        return core::fail(ok.error());
    }
    return result;
}

} // namespace madoguchi::card
