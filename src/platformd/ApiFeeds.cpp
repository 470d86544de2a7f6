// Revocation events + serial successions (architecture.md §5) and audit ingestion (§6).

#include "core/Logging.h"
#include "pki/CardIdentity.h"
#include "platformd/CrlFeedImporter.h"
#include "platformd/PlatformApiImpl.h"

#include <QBuffer>
#include <QJsonDocument>

namespace madoguchi::platformd {

namespace {

ApiResult<QJsonObject> parseEvent(const QJsonValue& value, int index)
{
    const QString where = QStringLiteral("events[%1].").arg(index);
    auto event = checkObject(value.toObject(),
                             {QStringLiteral("cardId"), QStringLiteral("event"), QStringLiteral("reason"),
                              QStringLiteral("occurredAt"), QStringLiteral("successorCardId")},
                             {QStringLiteral("cardId"), QStringLiteral("event"), QStringLiteral("occurredAt")}, where);
    if (!event) {
        return event;
    }
    const QString kind = event->value(QStringLiteral("event")).toString();
    const bool succession = kind == QStringLiteral("succession");
    if (!value.isObject() || !pki::CardIdentity::fromString(event->value(QStringLiteral("cardId")).toString()) ||
        (kind != QStringLiteral("revoked") && !succession) ||
        !QDateTime::fromString(event->value(QStringLiteral("occurredAt")).toString(), Qt::ISODate).isValid() ||
        (succession && !pki::CardIdentity::fromString(event->value(QStringLiteral("successorCardId")).toString()))) {
        return apiFail(422, QStringLiteral("invalid_field"),
                       where + QStringLiteral("cardId/event/occurredAt/successorCardId"));
    }
    return event;
}

// Database trouble keeps its 503/500; anything else is the file's fault: 422 with the engine's reason.
tl::unexpected<ApiError> crlFailure(const core::Error& error, const QString& code)
{
    if (error.code == core::Errc::NetworkFailure || error.code == core::Errc::StoreFailure) {
        return tl::unexpected(fromCoreError(error));
    }
    return apiFail(422, code, QStringLiteral("%1: %2").arg(core::errcName(error.code), error.detail));
}

QJsonObject crlSummaryJson(const CrlImportSummary& summary, const SuccessionLoadSummary& links)
{
    return QJsonObject{{QStringLiteral("contentId"), QString::fromLatin1(summary.contentId.toHex())},
                       {QStringLiteral("crlNumber"), static_cast<double>(summary.crlNumber)},
                       {QStringLiteral("entries"), static_cast<double>(summary.entries)},
                       {QStringLiteral("alreadyImported"), summary.alreadyImported},
                       {QStringLiteral("revoked"), static_cast<double>(summary.revoked)},
                       {QStringLiteral("successions"), static_cast<double>(summary.successions)},
                       {QStringLiteral("released"), static_cast<double>(summary.released)},
                       {QStringLiteral("successionLinks"),
                        QJsonObject{{QStringLiteral("records"), static_cast<double>(links.records)},
                                    {QStringLiteral("added"), static_cast<double>(links.added)},
                                    {QStringLiteral("rejected"), QJsonArray::fromStringList(links.rejected)}}}};
}

} // namespace

ApiResult<HttpResponse> PlatformApi::Impl::importRevocations(const HttpRequest& request)
{
    auto body = parseObject(request.body, {QStringLiteral("events")}, {QStringLiteral("events")});
    if (!body) {
        return tl::unexpected(body.error());
    }
    const QJsonArray events = body->value(QStringLiteral("events")).toArray();
    for (int i = 0; i < events.size(); ++i) {
        if (auto ok = parseEvent(events[i], i); !ok) {
            return tl::unexpected(ok.error());
        }
    }
    return transaction([&](PgConnection& db) -> ApiResult<HttpResponse> {
        if (auto published = CrlFeedImporter::publish(db, events); !published) {
            return tl::unexpected(fromCoreError(published.error()));
        }
        return jsonResponse(201, QJsonObject{{QStringLiteral("accepted"), static_cast<int>(events.size())}});
    });
}

// A CRL (and optionally succession links) through the PKI engine into the feed (CrlFeedImporter).
ApiResult<HttpResponse> PlatformApi::Impl::importCrl(const HttpRequest& request)
{
    const QStringList fields{QStringLiteral("crl"), QStringLiteral("successions"), QStringLiteral("successionFormat")};
    auto body = parseObject(request.body, fields, {QStringLiteral("crl")});
    auto der = body ? base64Field(*body, QStringLiteral("crl")) : ApiResult<QByteArray>(tl::unexpected(body.error()));
    if (!der) {
        return tl::unexpected(der.error());
    }
    const QString format = body->value(QStringLiteral("successionFormat")).toString(QStringLiteral("csv"));
    const QJsonValue links = body->value(QStringLiteral("successions"));
    if ((format != QStringLiteral("csv") && format != QStringLiteral("jsonl")) ||
        (!links.isUndefined() && !links.isString())) {
        return apiFail(422, QStringLiteral("invalid_field"), QStringLiteral("successions/successionFormat"));
    }
    const CrlFeedImporter importer(*config.trust, *config.clock);
    return transaction([&](PgConnection& db) -> ApiResult<HttpResponse> {
        SuccessionLoadSummary loaded;
        if (links.isString()) {
            QByteArray text = links.toString().toUtf8();
            QBuffer buffer(&text);
            buffer.open(QIODevice::ReadOnly);
            auto result = CrlFeedImporter::importSuccessions(
                db, buffer,
                format == QStringLiteral("csv") ? pki::SuccessionFormat::Csv : pki::SuccessionFormat::JsonLines);
            if (!result) {
                return crlFailure(result.error(), QStringLiteral("successions_rejected"));
            }
            loaded = *result;
        }
        auto summary = importer.importCrl(db, *der);
        if (!summary) {
            return crlFailure(summary.error(), QStringLiteral("crl_rejected"));
        }
        return jsonResponse(summary->alreadyImported ? 200 : 201, crlSummaryJson(*summary, loaded));
    });
}

ApiResult<HttpResponse> PlatformApi::Impl::revocationChanges(const HttpRequest& request)
{
    auto page = parseFeedPage(request.query);
    if (!page) {
        return tl::unexpected(page.error());
    }
    auto lease = config.pool->acquire();
    if (!lease) {
        return tl::unexpected(fromCoreError(lease.error()));
    }
    auto rows = (*lease)->exec("SELECT seq, card_id, event, reason, to_char(occurred_at AT TIME ZONE 'UTC', "
                               "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), successor_card_id FROM revocation_events "
                               "WHERE seq > $1 ORDER BY seq LIMIT $2",
                               {QByteArray::number(page->after), QByteArray::number(page->limit + 1)});
    if (!rows) {
        return tl::unexpected(fromCoreError(rows.error()));
    }
    QJsonArray events;
    qint64 cursor = page->after;
    for (int r = 0; r < std::min(rows->rows(), page->limit); ++r) {
        cursor = rows->integer(r, 0);
        events.append(QJsonObject{
            {QStringLiteral("seq"), static_cast<double>(cursor)},
            {QStringLiteral("cardId"), rows->text(r, 1)},
            {QStringLiteral("event"), rows->text(r, 2)},
            {QStringLiteral("reason"),
             rows->isNull(r, 3) ? QJsonValue() : QJsonValue(static_cast<int>(rows->integer(r, 3)))},
            {QStringLiteral("occurredAt"), rows->text(r, 4)},
            {QStringLiteral("successorCardId"), rows->isNull(r, 5) ? QJsonValue() : QJsonValue(rows->text(r, 5))}});
    }
    return jsonResponse(200, QJsonObject{{QStringLiteral("events"), events},
                                         {QStringLiteral("nextCursor"), static_cast<double>(cursor)},
                                         {QStringLiteral("hasMore"), rows->rows() > page->limit}});
}

} // namespace madoguchi::platformd
