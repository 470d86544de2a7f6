#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace madoguchi::pki {

// What a CRL index says about one serial, with the CRL's own metadata.
struct CrlLookupAnswer
{
    bool listed = false;
    std::optional<int> reasonCode;
    QDateTime revocationTime;
    QString crlName; // file or distribution name, for the GUI
    std::optional<qint64> crlNumber;
    QDateTime thisUpdate;
    QDateTime nextUpdate;
};

// The seam where the CRL engine (issue 3 item 4, another branch) plugs into the revocation
// service: it implements this over its persisted serial index. Lookups are fast and local
// (performance.md §1: ≤ 0.3 µs), so they need no asynchrony.
class RevocationCrlIndex
{
public:
    virtual ~RevocationCrlIndex() = default;
    // NotFound if no loaded CRL covers this issuer; the issuer is named by key identifier because
    // every JPKI CA generation shares one DN (jpki-card.md §5). The serial is the unsigned
    // big-endian magnitude without leading zero bytes.
    [[nodiscard]] virtual core::Result<CrlLookupAnswer> lookup(const QByteArray& issuerKeyId,
                                                               const QByteArray& serial) const = 0;
};

} // namespace madoguchi::pki
