#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "pki/Crl.h"
#include "pki/CrlCache.h"
#include "services/CardSummary.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace madoguchi::services {

class AuditTrail;
struct Operator;

// One loaded CRL as the Revocations page lists it (issue 3 item 9).
struct CrlSummary
{
    QString id; // pki::Crl::contentId() in hex, the cache file name
    QString issuer;
    QByteArray authorityKeyId;
    std::optional<quint64> crlNumber;
    QDateTime thisUpdate;
    QDateTime nextUpdate; // invalid: none (then always stale, RFC 5280 §5.1.2.5)
    qint64 ageSeconds = 0;
    bool stale = false;
    bool delta = false;
    qint64 entries = 0;
    QMap<int, qint64> countsByReason; // CRLReason code (255 = not given) → entries
};

// A serial found (or not) in the loaded CRLs, with where the answer came from.
struct SerialLookup
{
    bool revoked = false;
    int reasonCode = 255; // pki::CrlReason; 255 = not given
    QDateTime revokedAt;
    QString crlId;
    QString issuer;
    QDateTime crlThisUpdate;
    QDateTime crlNextUpdate;
    std::optional<quint64> crlNumber;
    bool crlStale = false;
};

// The CRL cache seen from the counter: what is loaded, how old, counts by reason, and serial look-ups
// (fast: the persisted index, performance.md §1). reload() and import() belong to one thread (the GUI's);
// lookup() and cardVerdict() may also run on a worker (the card's revocation check) at the same time.
class CrlOverview final
{
public:
    CrlOverview(QString cacheDirectory, const core::Clock& clock);
    ~CrlOverview();

    // Records every import (loaded or refused) and every look-up's answer in the audit log in the
    // name of *actor (issue 5 item 1: CRL results). nullptr: nothing is recorded.
    void setAuditTrail(AuditTrail* trail, const Operator* actor)
    {
        m_trail = trail;
        m_actor = actor;
    }

    // (Re)opens every CRL of the cache; CRLs that fail to open are skipped and counted in failures().
    [[nodiscard]] core::Result<void> reload();
    // Verifies `crlPath` against the CA certificate in `issuerPemPath`, caches it and reloads.
    [[nodiscard]] core::Result<CrlSummary> import(const QString& crlPath, const QString& issuerPemPath);

    [[nodiscard]] const QList<CrlSummary>& crls() const { return m_summaries; }
    [[nodiscard]] int failures() const { return m_failures; }
    // `serial`: big-endian magnitude. With `issuerKeyId`, only CRLs of that CA are asked; without,
    // every CRL (a hex serial typed at the counter). nullopt: no CRL of that issuer is loaded.
    [[nodiscard]] std::optional<SerialLookup> lookup(const QByteArray& serial,
                                                     const QByteArray& issuerKeyId = {}) const;
    // The same answer without an audit entry, for the registry sweep after an import (CrlSweep), which
    // records the consequences it finds instead of every card it asks about.
    [[nodiscard]] std::optional<SerialLookup> find(const QByteArray& serial, const QByteArray& issuerKeyId = {}) const;

    // The card view's verdict for an auth cert: revoked (reason, date), good only from a current CRL of
    // its issuer, otherwise unknown with why (fails closed, architecture.md §5).
    [[nodiscard]] CardSummary::Revocation cardVerdict(const QByteArray& issuerKeyId, const QByteArray& serial) const;

private:
    [[nodiscard]] CrlSummary summarize(const QString& id, const pki::Crl& crl) const;
    [[nodiscard]] core::Result<CrlSummary> importUnrecorded(const QString& crlPath, const QString& issuerPemPath);
    void recordImport(const QString& crlPath, const core::Result<CrlSummary>& imported) const;
    void recordLookup(const QByteArray& serial, const QByteArray& issuerKeyId,
                      const std::optional<SerialLookup>& answer) const;

    pki::CrlCache m_cache;
    const core::Clock& m_clock;
    mutable QMutex m_mutex;                        // guards m_crls and m_summaries against lookups
    std::vector<std::unique_ptr<pki::Crl>> m_crls; // parallel to m_summaries
    QList<CrlSummary> m_summaries;
    int m_failures = 0;
    AuditTrail* m_trail = nullptr;
    const Operator* m_actor = nullptr;
};

} // namespace madoguchi::services
