#pragma once

#include "pki/RevocationCrlIndex.h"
#include "pki/RevocationSource.h"
#include "pki/SuccessionKey.h"

namespace madoguchi::pki {

// Adapter: a RevocationCrlIndex as a RevocationSource. Derives (issuer key id, serial) from the
// DER certificate: the authorityKeyIdentifier's keyIdentifier, else the issuer's
// subjectKeyIdentifier (RFC 5280 §4.2.1.1–2). Freshness is the service's policy, not decided here.
class RevocationCrlSource final : public RevocationSource
{
public:
    explicit RevocationCrlSource(const RevocationCrlIndex& index) : m_index(index) {}

    [[nodiscard]] RevocationSourceKind kind() const override { return RevocationSourceKind::Crl; }
    [[nodiscard]] core::Result<RevocationStatus> statusOf(const RevocationQuery& query) override;

    // The (issuer key id, serial) key of a DER certificate; shared with the consequences code.
    [[nodiscard]] static core::Result<SuccessionKey> keyOf(const QByteArray& certDer, const QByteArray& issuerDer);

private:
    const RevocationCrlIndex& m_index;
};

} // namespace madoguchi::pki
