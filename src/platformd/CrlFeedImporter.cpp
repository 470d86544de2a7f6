#include "platformd/CrlFeedImporter.h"

#include "core/Logging.h"
#include "pki/CardIdentity.h"
#include "pki/Crl.h"
#include "pki/CrlDelta.h"
#include "pki/CrlIssuer.h"
#include "pki/OpenSsl.h"
#include "pki/RevocationConsequences.h"
#include "pki/SuccessionTable.h"
#include "pki/TrustStore.h"
#include "platformd/PgConnection.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/pem.h>

namespace madoguchi::platformd {

namespace {

QString cardIdOf(const pki::SuccessionKey& key)
{
    return pki::CardIdentity{key.issuerKeyId, key.serial}.toString();
}

// bytea in text form ("\x…", PostgreSQL's hex output).
QByteArray bytea(const QByteArray& text)
{
    return QByteArray::fromHex(text.mid(2));
}

core::Result<pki::CrlIssuer> issuerFor(const pki::TrustStore& trust, const QByteArray& authorityKeyId)
{
    const pki::TrustAnchor* anchor = authorityKeyId.isEmpty() ? nullptr : trust.findByKeyId(authorityKeyId);
    if (anchor == nullptr) {
        return core::fail(
            core::Errc::UntrustedIssuer,
            QStringLiteral("no JPKI anchor with key id %1").arg(QString::fromLatin1(authorityKeyId.toHex())));
    }
    auto cert = pki::ossl::certFromDer(anchor->certDer);
    if (!cert) {
        return core::fail(cert.error());
    }
    pki::ossl::BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert->get()) != 1) {
        return core::fail(pki::ossl::error(core::Errc::CryptoFailure, QStringLiteral("anchor to PEM")));
    }
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return pki::CrlIssuer::fromPem(QByteArray(data, static_cast<qsizetype>(length)));
}

// All stored links as the engine's table (a national set is ~10^7 links: see docs/scaling.md).
core::Result<pki::SuccessionTable> loadSuccessions(PgConnection& db)
{
    auto rows = db.exec("SELECT old_card_id, new_card_id, to_char(linked_at AT TIME ZONE 'UTC', "
                        "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM succession_links");
    if (!rows) {
        return core::fail(rows.error());
    }
    pki::SuccessionTable table;
    for (int r = 0; r < rows->rows(); ++r) {
        auto from = pki::CardIdentity::fromString(rows->text(r, 0));
        auto to = pki::CardIdentity::fromString(rows->text(r, 1));
        if (from && to) {
            (void)table.add({{from->issuerKeyId, from->serial},
                             {to->issuerKeyId, to->serial},
                             QDateTime::fromString(rows->text(r, 2), Qt::ISODate)});
        }
    }
    return table;
}

// The feed events of one new or changed CRL entry: always "revoked" with its reason, and for a
// superseded certificate whose successor is known (RevocationEventKind::Migrate) also "succession".
void appendEvents(QJsonArray& out, const pki::RevocationEvent& event, CrlImportSummary& summary)
{
    const QString cardId = cardIdOf(event.revoked.certificate);
    const QString at = event.revoked.revokedAt.toString(Qt::ISODate);
    QJsonObject revoked{{QStringLiteral("cardId"), cardId},
                        {QStringLiteral("event"), QStringLiteral("revoked")},
                        {QStringLiteral("occurredAt"), at}};
    if (event.revoked.reasonCode) {
        revoked.insert(QStringLiteral("reason"), *event.revoked.reasonCode);
    }
    out.append(revoked);
    ++summary.revoked;
    if (event.kind == pki::RevocationEventKind::Migrate && event.successor) {
        out.append(QJsonObject{{QStringLiteral("cardId"), cardId},
                               {QStringLiteral("event"), QStringLiteral("succession")},
                               {QStringLiteral("reason"), 4},
                               {QStringLiteral("occurredAt"), at},
                               {QStringLiteral("successorCardId"), cardIdOf(*event.successor)}});
        ++summary.successions;
    }
}

core::Result<pki::CrlDifference> diffWith(const QByteArray& previousDer, const pki::Crl& newer,
                                          const core::Clock& clock)
{
    // Checked when it was imported: parsed again only to be compared (no issuer, no signature check).
    auto older = pki::Crl::fromMemory(reinterpret_cast<const uchar*>(previousDer.constData()), previousDer.size(),
                                      nullptr, clock);
    if (!older) {
        return core::fail(older.error());
    }
    return pki::CrlDelta::diff(*older, newer);
}

pki::RevokedCertificate revokedOf(const QByteArray& keyId, const pki::CrlEvent& entry)
{
    pki::RevokedCertificate revoked{{keyId, pki::SuccessionKey::normalizedSerial(entry.serial)},
                                    pki::CertKind::Auth,
                                    std::nullopt,
                                    QDateTime::fromSecsSinceEpoch(entry.date, Qt::UTC)};
    if (entry.reason != pki::CrlReason::NotGiven) {
        revoked.reasonCode = static_cast<int>(entry.reason);
    }
    return revoked;
}

core::Result<CrlImportSummary> publishDifference(PgConnection& db, const QByteArray& crlDer, const pki::Crl& crl,
                                                 pki::CrlDifference difference, CrlImportSummary summary)
{
    auto successions = loadSuccessions(db);
    if (!successions) {
        return core::fail(successions.error());
    }
    const pki::RevocationConsequences consequences(&*successions);
    std::vector<pki::CrlEvent> entries = std::move(difference.added);
    entries.insert(entries.end(), difference.changed.begin(), difference.changed.end());
    // The feed in revocation order (the index walks in hash order).
    std::sort(entries.begin(), entries.end(), [](const pki::CrlEvent& a, const pki::CrlEvent& b) {
        return a.date != b.date ? a.date < b.date : a.serial < b.serial;
    });
    QJsonArray events;
    for (const pki::CrlEvent& entry : entries) {
        appendEvents(events, consequences.eventFor(revokedOf(crl.info().authorityKeyId, entry)), summary);
    }
    summary.released = static_cast<qint64>(difference.removed.size());
    auto published = CrlFeedImporter::publish(db, events);
    auto recorded =
        published
            ? db.exec("INSERT INTO crl_imports(content_id, issuer_key_id, crl_number, der, entries) "
                      "VALUES (decode($1, 'hex'), decode($2, 'hex'), $3, decode($4, 'hex'), $5)",
                      {summary.contentId.toHex(), crl.info().authorityKeyId.toHex(),
                       QByteArray::number(summary.crlNumber), crlDer.toHex(), QByteArray::number(summary.entries)})
            : core::Result<PgResult>(core::fail(published.error()));
    if (!recorded) {
        return core::fail(recorded.error());
    }
    qCInfo(lcPlatform).noquote() << "CRL imported: number" << summary.crlNumber << "entries" << summary.entries
                                 << "revoked" << summary.revoked << "successions" << summary.successions << "released"
                                 << summary.released;
    return summary;
}

} // namespace

core::Result<void> CrlFeedImporter::publish(PgConnection& db, const QJsonArray& events)
{
    auto inserted = db.exec("SELECT pg_advisory_xact_lock(7241)");
    if (inserted && !events.isEmpty()) {
        inserted = db.exec("INSERT INTO revocation_events(card_id, seq, event, reason, occurred_at, successor_card_id) "
                           "SELECT e->>'cardId', nextval('change_seq'), e->>'event', (e->>'reason')::int, "
                           "(e->>'occurredAt')::timestamptz, e->>'successorCardId' "
                           "FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, n) ORDER BY n",
                           {QJsonDocument(events).toJson(QJsonDocument::Compact)});
    }
    if (!inserted) {
        return core::fail(inserted.error());
    }
    return {};
}

// The CRL's checked entries against the previous CRL of its CA (or nothing), as feed events.
core::Result<CrlImportSummary> CrlFeedImporter::importCrl(PgConnection& db, const QByteArray& crlDer) const
{
    const auto* bytes = reinterpret_cast<const uchar*>(crlDer.constData());
    auto unchecked = pki::Crl::fromMemory(bytes, crlDer.size(), nullptr, m_clock); // only to find its CA
    auto issuer = unchecked ? issuerFor(m_trust, unchecked->info().authorityKeyId)
                            : core::Result<pki::CrlIssuer>(core::fail(unchecked.error()));
    auto crl = issuer ? pki::Crl::fromMemory(bytes, crlDer.size(), &*issuer, m_clock)
                      : core::Result<pki::Crl>(core::fail(issuer.error()));
    if (!crl) {
        return core::fail(crl.error());
    }
    if (crl->info().isDelta()) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("a delta CRL: import complete CRLs"));
    }
    CrlImportSummary summary;
    summary.contentId = crl->contentId();
    summary.crlNumber = crl->info().crlNumber.value_or(0);
    summary.entries = crl->uniqueEntries();
    const QByteArray keyId = crl->info().authorityKeyId.toHex();
    auto locked = db.exec("SELECT pg_advisory_xact_lock(7241)");
    auto known = locked ? db.exec("SELECT count(*) FROM crl_imports WHERE content_id = decode($1, 'hex')",
                                  {summary.contentId.toHex()})
                        : std::move(locked);
    auto previous = known ? db.exec("SELECT der FROM crl_imports WHERE issuer_key_id = decode($1, 'hex') "
                                    "ORDER BY crl_number DESC LIMIT 1",
                                    {keyId})
                          : std::move(known);
    if (!previous || !known) {
        return core::fail(!previous ? previous.error() : known.error());
    }
    if (known->integer(0, 0) > 0) {
        summary.alreadyImported = true; // imports are repeatable: the same CRL publishes nothing twice
        return summary;
    }
    const QByteArray previousDer = previous->rows() == 1 ? bytea(previous->value(0, 0)) : QByteArray();
    auto difference = previousDer.isEmpty() ? core::Result<pki::CrlDifference>(pki::CrlDifference{})
                                            : diffWith(previousDer, *crl, m_clock);
    if (!difference) {
        return core::fail(difference.error());
    }
    if (previousDer.isEmpty()) {
        crl->forEachEntry([&](const uchar* serial, int length, const pki::CrlRevocation& r) {
            difference->added.push_back({QByteArray(reinterpret_cast<const char*>(serial), length), r.reason,
                                         r.revocationDate, pki::CrlReason::NotGiven});
        });
    }
    return publishDifference(db, crlDer, *crl, std::move(*difference), summary);
}

core::Result<SuccessionLoadSummary> CrlFeedImporter::importSuccessions(PgConnection& db, QIODevice& input,
                                                                       pki::SuccessionFormat format)
{
    auto table = loadSuccessions(db);
    if (!table) {
        return core::fail(table.error());
    }
    SuccessionLoadSummary summary;
    QJsonArray added;
    auto onLink = [&](const pki::SuccessionLink& link, qint64 row) {
        auto fresh = table->add(link); // the engine's invariants: one successor each, no cycles
        if (!fresh) {
            summary.rejected.append(QStringLiteral("row %1: %2").arg(row).arg(fresh.error().detail));
        } else if (*fresh) {
            added.append(QJsonObject{{QStringLiteral("from"), cardIdOf(link.from)},
                                     {QStringLiteral("to"), cardIdOf(link.to)},
                                     {QStringLiteral("at"), link.linkedAt.toString(Qt::ISODate)}});
        }
    };
    auto onError = [&](const pki::SuccessionRowError& e) {
        summary.rejected.append(QStringLiteral("row %1 %2: %3").arg(e.row).arg(e.field, e.reason));
    };
    auto parsed = pki::SuccessionParser::parse(input, format, onLink, onError);
    if (!parsed) {
        return core::fail(parsed.error());
    }
    summary.records = parsed->records;
    summary.added = added.size();
    auto stored = db.exec("INSERT INTO succession_links(old_card_id, new_card_id, linked_at) "
                          "SELECT l->>'from', l->>'to', (l->>'at')::timestamptz FROM jsonb_array_elements($1::jsonb) l "
                          "ON CONFLICT DO NOTHING",
                          {QJsonDocument(added).toJson(QJsonDocument::Compact)});
    if (!stored) {
        return core::fail(stored.error());
    }
    return summary;
}

} // namespace madoguchi::platformd
