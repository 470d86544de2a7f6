#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "pki/SuccessionParser.h"

#include <QByteArray>
#include <QJsonArray>
#include <QStringList>

class QIODevice;

namespace madoguchi::pki {
class TrustStore;
}

namespace madoguchi::platformd {

class PgConnection;

struct CrlImportSummary
{
    QByteArray contentId; // pki::Crl::contentId()
    quint64 crlNumber = 0;
    qint64 entries = 0;
    qint64 revoked = 0;     // "revoked" events published (new or changed entries)
    qint64 successions = 0; // "succession" events (reason 4 with a known successor)
    qint64 released = 0;    // entries gone since the previous CRL (hold released): no feed event
    bool alreadyImported = false;
};

struct SuccessionLoadSummary
{
    qint64 records = 0;
    qint64 added = 0;
    QStringList rejected; // "row N field: reason" (no personal data: key ids and serials only)
};

// Feeds the revocations feed from CRLs through the PKI engine (architecture.md §5, issue 7): the CRL
// is checked by pki::Crl against the JPKI anchor its authorityKeyIdentifier names, diffed with
// pki::CrlDelta::diff against the previous CRL imported from that CA (all entries the first time),
// and every new or changed entry is turned into its event by pki::RevocationConsequences with the
// succession links loaded from docs/succession-format.md files. Only auth-certificate CRLs: the
// auth certificate is the card identity (architecture.md §3).
// Runs its statements on `db` inside the caller's transaction; serialised with the other feed
// writers by the feed's advisory lock, so the feed's sequence order is its commit order.
class CrlFeedImporter final
{
public:
    CrlFeedImporter(const pki::TrustStore& trust, const core::Clock& clock) : m_trust(trust), m_clock(clock) {}

    // Errors: UntrustedIssuer (no anchor with the CRL's AKI), SignatureInvalid, MalformedDer/Input
    // (not a CRL), InvalidArgument (a delta CRL, or older than the last one imported).
    [[nodiscard]] core::Result<CrlImportSummary> importCrl(PgConnection& db, const QByteArray& crlDer) const;
    // Links new to the platform are stored; conflicting or cyclic ones are rejected row by row.
    [[nodiscard]] static core::Result<SuccessionLoadSummary> importSuccessions(PgConnection& db, QIODevice& input,
                                                                               pki::SuccessionFormat format);
    // Appends feed events ({cardId, event, reason?, occurredAt, successorCardId?}) under the feed lock.
    [[nodiscard]] static core::Result<void> publish(PgConnection& db, const QJsonArray& events);

private:
    const pki::TrustStore& m_trust;
    const core::Clock& m_clock;
};

} // namespace madoguchi::platformd
