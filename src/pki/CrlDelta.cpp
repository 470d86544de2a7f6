#include "pki/CrlDelta.h"

#include "pki/Crl.h"

#include <algorithm>

namespace madoguchi::pki {

namespace {

core::Error mismatch(const char* why)
{
    return core::Error{core::Errc::InvalidArgument, QString::fromLatin1(why), 0};
}

bool sameIssuer(const CrlInfo& a, const CrlInfo& b)
{
    return a.authorityKeyId == b.authorityKeyId && a.issuerDer == b.issuerDer;
}

void sortBySerial(std::vector<CrlEvent>& events)
{
    std::sort(events.begin(), events.end(), [](const CrlEvent& a, const CrlEvent& b) {
        return a.serial.size() != b.serial.size() ? a.serial.size() < b.serial.size() : a.serial < b.serial;
    });
}

QByteArray bytes(const uchar* serial, int length)
{
    return QByteArray(reinterpret_cast<const char*>(serial), length);
}

} // namespace

core::Result<CrlDelta> CrlDelta::apply(const Crl& base, const Crl& delta)
{
    const CrlInfo& b = base.info();
    const CrlInfo& d = delta.info();
    if (b.isDelta() || !d.isDelta()) {
        return core::fail(mismatch("need a complete CRL and a delta CRL"));
    }
    if (!sameIssuer(b, d) || b.issuingDistributionPoint != d.issuingDistributionPoint) {
        return core::fail(mismatch("delta CRL is for another CA or scope (RFC 5280 §5.2.4)"));
    }
    if (!b.crlNumber || !d.crlNumber || *b.crlNumber < *d.deltaBaseCrlNumber) {
        return core::fail(mismatch("complete CRL is older than the delta's BaseCRLNumber (RFC 5280 §5.2.4)"));
    }
    if (*d.crlNumber <= *b.crlNumber) {
        return core::fail(mismatch("delta CRL is not newer than the complete CRL"));
    }
    return CrlDelta(base, delta);
}

std::optional<CrlRevocation> CrlDelta::find(QByteArrayView serial) const
{
    if (auto hit = m_delta->find(serial)) {
        if (hit->reason == CrlReason::RemoveFromCrl) {
            return std::nullopt;
        }
        return hit;
    }
    return m_base->find(serial);
}

quint64 CrlDelta::crlNumber() const
{
    return m_delta->info().crlNumber.value_or(0);
}

core::Result<CrlDifference> CrlDelta::diff(const Crl& older, const Crl& newer)
{
    if (!sameIssuer(older.info(), newer.info())) {
        return core::fail(mismatch("the two CRLs come from different CAs"));
    }
    if (older.info().crlNumber && newer.info().crlNumber && *newer.info().crlNumber < *older.info().crlNumber) {
        return core::fail(mismatch("the new CRL has a lower CRL number than the old one"));
    }
    CrlDifference out;
    newer.forEachEntry([&](const uchar* serial, int length, const CrlRevocation& now) {
        const auto before = older.find(serial, length);
        if (!before) {
            out.added.push_back(CrlEvent{bytes(serial, length), now.reason, now.revocationDate, CrlReason::NotGiven});
        } else if (before->reason != now.reason) {
            out.changed.push_back(CrlEvent{bytes(serial, length), now.reason, now.revocationDate, before->reason});
        }
    });
    older.forEachEntry([&](const uchar* serial, int length, const CrlRevocation& then) {
        if (!newer.find(serial, length)) {
            out.removed.push_back(CrlEvent{bytes(serial, length), then.reason, then.revocationDate, then.reason});
        }
    });
    sortBySerial(out.added);
    sortBySerial(out.changed);
    sortBySerial(out.removed);
    return out;
}

} // namespace madoguchi::pki
