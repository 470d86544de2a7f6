#include "services/PlatformFeedRevocationSource.h"

#include "pki/RevocationCrlSource.h"
#include "store/Database.h"

namespace madoguchi::services {

core::Result<QDateTime> PlatformFeedRevocationSource::lastPull()
{
    auto stmt = m_db.prepare("SELECT updated_at FROM sync_state WHERE name = 'revocations'");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    auto row = stmt->step();
    if (!row) {
        return core::fail(row.error());
    }
    if (!*row) {
        return core::fail(core::Errc::RevocationUnknown,
                          QStringLiteral("the platform's revocation feed was never pulled"));
    }
    return QDateTime::fromString(stmt->columnText(0), Qt::ISODateWithMs);
}

core::Result<pki::RevocationStatus> PlatformFeedRevocationSource::statusOf(const pki::RevocationQuery& query)
{
    const std::lock_guard lock(m_mutex);
    auto key = pki::RevocationCrlSource::keyOf(query.certDer, query.issuerDer);
    if (!key) {
        return core::fail(key.error());
    }
    auto pulled = lastPull();
    if (!pulled) {
        return core::fail(pulled.error());
    }
    const QDateTime now = m_clock.now();
    if (!pulled->isValid() || pulled->secsTo(now) > m_maxAgeSeconds) {
        return core::fail(core::Errc::RevocationStale,
                          QStringLiteral("platform feed last pulled %1").arg(pulled->toString(Qt::ISODate)));
    }
    auto stmt = m_db.prepare("SELECT seq, event, reason, occurred_at FROM platform_revocation "
                             "WHERE issuer_key_id = ? AND serial = ? ORDER BY seq DESC LIMIT 1");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    stmt->bindBlob(1, key->issuerKeyId).bindBlob(2, key->serial);
    auto row = stmt->step();
    if (!row) {
        return core::fail(row.error());
    }
    pki::RevocationStatus status;
    status.source = pki::RevocationSourceKind::PlatformFeed;
    status.sourceName = QStringLiteral("platform feed");
    status.thisUpdate = *pulled;
    status.nextUpdate = pulled->addSecs(m_maxAgeSeconds);
    status.status = *row ? pki::CertStatus::Revoked : pki::CertStatus::Good;
    if (*row) {
        // A succession means the certificate was superseded (reason 4, jpki-card.md §6).
        const bool succession = stmt->columnText(1) == QStringLiteral("succession");
        status.reasonCode = stmt->columnIsNull(2) ? (succession ? std::optional<int>(4) : std::nullopt)
                                                  : std::optional<int>(static_cast<int>(stmt->columnInt64(2)));
        status.revocationTime = QDateTime::fromString(stmt->columnText(3), Qt::ISODate);
        status.checks << QStringLiteral("%1 found in the platform feed at sequence %2")
                             .arg(key->toString())
                             .arg(stmt->columnInt64(0));
    } else {
        status.checks << QStringLiteral("%1 not in the platform feed pulled %2")
                             .arg(key->toString(), pulled->toString(Qt::ISODate));
    }
    return status;
}

} // namespace madoguchi::services
