#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QByteArray>

#include <memory>

namespace madoguchi::services {

// Seals a full card number to the PLATFORM's RSA public key with RSA-OAEP-SHA256 (RFC 8017 §7.1,
// MGF1-SHA256), so the terminal stores ciphertext it cannot open itself (architecture.md §3).
class PanSealer final
{
public:
    // An RSA public key, PEM (SubjectPublicKeyInfo).
    [[nodiscard]] static core::Result<PanSealer> fromPublicKeyPem(QByteArrayView pem);
    ~PanSealer();
    PanSealer(PanSealer&&) noexcept;
    PanSealer& operator=(PanSealer&&) noexcept;

    [[nodiscard]] core::Result<QByteArray> seal(const core::SecureBytes& pan) const;
    // For tests and the platform only: opens a sealed PAN with the private key (PEM, PKCS#8).
    [[nodiscard]] static core::Result<core::SecureBytes> open(QByteArrayView privateKeyPem, QByteArrayView sealed);

private:
    struct Key;
    explicit PanSealer(std::unique_ptr<Key> key);
    std::unique_ptr<Key> m_key;
};

} // namespace madoguchi::services
