#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace madoguchi::sim {

// A simulated card's private key (loaded from PKCS#8 DER). Signs the way the JPKI card does
// (jpki-card.md §4): PKCS#1 v1.5 type-1 padding applied to the DigestInfo bytes exactly as sent,
// no hashing on the card.
class SimRsaKey final
{
public:
    [[nodiscard]] static core::Result<SimRsaKey> fromPkcs8(QByteArrayView der);

    SimRsaKey(SimRsaKey&&) noexcept;
    SimRsaKey& operator=(SimRsaKey&&) noexcept;
    ~SimRsaKey();

    // Modulus size in bytes (256 for RSA-2048).
    [[nodiscard]] int size() const;
    // Raw PKCS#1 v1.5 signature over `digestInfo`; fails when it is longer than size() - 11.
    [[nodiscard]] core::Result<QByteArray> sign(QByteArrayView digestInfo) const;

private:
    struct Impl;
    explicit SimRsaKey(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace madoguchi::sim
