#pragma once

#include "card/HolderChallenge.h"
#include "card/JpkiCard.h"
#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QByteArray>

#include <optional>
struct evp_pkey_st;

namespace madoguchi::card {

struct HolderProofResult
{
    QByteArray challenge; // HolderChallenge::toBytes(), as signed
    QByteArray signature; // 256 bytes, RSA PKCS#1 v1.5 with SHA-256, verified
    // false when the card was already verified in this session and no PIN was sent now: the
    // caller decides whether that counts as "PIN + signature" assurance (architecture.md §3).
    bool pinVerifiedNow = false;
};

// Proof that the holder of the card knows the auth PIN (architecture.md §8 card login; JPKI Act:
// confirm the holder by PIN): VERIFY the auth PIN, have the card sign SHA-256(challenge) with the auth
// key, and verify the signature here with the auth certificate's public key.
class HolderProof final
{
public:
    HolderProof() = delete;

    // One transaction across VERIFY → SELECT 0017 → SIGN (jpki-card.md §1). Errc::SignatureInvalid
    // when the signature does not verify under `authCertificateDer`.
    // With `pinPadCode` (FEATURE_VERIFY_PIN_DIRECT) the PIN is typed on the reader and `pin` is unused.
    [[nodiscard]] static core::Result<HolderProofResult> prove(JpkiCard& card, const HolderChallenge& challenge,
                                                               const QByteArray& authCertificateDer,
                                                               core::SecureBytes pin, PinConfirmation confirmation,
                                                               std::optional<quint32> pinPadCode = std::nullopt);
    // RSA PKCS#1 v1.5 / SHA-256 over `message` with the certificate's public key (OpenSSL EVP).
    [[nodiscard]] static core::Result<void> verifySignature(const QByteArray& certificateDer, QByteArrayView message,
                                                            QByteArrayView signature);
    // Same with a key already decoded (the platform keeps it per certificate: one decode, many checks).
    [[nodiscard]] static core::Result<void> verifySignature(evp_pkey_st* key, QByteArrayView message,
                                                            QByteArrayView signature);
    [[nodiscard]] static QByteArray sha256(QByteArrayView data);
};

} // namespace madoguchi::card
