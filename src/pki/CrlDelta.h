#pragma once

#include "core/Result.h"
#include "pki/CrlInfo.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>
#include <vector>

namespace madoguchi::pki {

class Crl;

// One change between two CRLs of the same CA: what the consequences engine acts on (issue 3 item 7).
struct CrlEvent
{
    QByteArray serial; // magnitude, big-endian
    CrlReason reason = CrlReason::NotGiven;
    qint64 date = 0;
    CrlReason previousReason = CrlReason::NotGiven; // for `changed` (e.g. certificateHold → keyCompromise)
};

struct CrlDifference
{
    std::vector<CrlEvent> added;   // newly revoked
    std::vector<CrlEvent> changed; // still listed, with another reason
    std::vector<CrlEvent> removed; // no longer listed (hold released, or expired and dropped)
};

// A complete CRL with a delta CRL laid over it (RFC 5280 §5.2.4): the delta's entries win, and its
// removeFromCRL (reason 8, §5.3.1) entries un-revoke what the base lists (a released certificateHold).
// Both Crl objects must outlive the view.
class CrlDelta final
{
public:
    // InvalidArgument unless: base is complete, delta is a delta of the same CA and scope (AKI, DN,
    // issuingDistributionPoint), base CRL number ≥ the delta's BaseCRLNumber, delta number > base number.
    [[nodiscard]] static core::Result<CrlDelta> apply(const Crl& base, const Crl& delta);

    [[nodiscard]] std::optional<CrlRevocation> find(QByteArrayView serial) const;
    [[nodiscard]] quint64 crlNumber() const;

    // What changed from `older` to `newer` (same CA; newer's CRL number must not be lower).
    [[nodiscard]] static core::Result<CrlDifference> diff(const Crl& older, const Crl& newer);

private:
    CrlDelta(const Crl& base, const Crl& delta) : m_base(&base), m_delta(&delta) {}
    const Crl* m_base;
    const Crl* m_delta;
};

} // namespace madoguchi::pki
