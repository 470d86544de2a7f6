// Revocation events + serial successions (architecture.md §5) and audit ingestion (§6).

#include "core/Logging.h"
#include "pki/CardIdentity.h"
#include "platformd/MerkleTree.h"
#include "platformd/PlatformApiImpl.h"

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
        auto inserted = db.exec("SELECT pg_advisory_xact_lock(7241)");
        if (inserted) {
            inserted =
                db.exec("INSERT INTO revocation_events(card_id, seq, event, reason, occurred_at, successor_card_id) "
                        "SELECT e->>'cardId', nextval('change_seq'), e->>'event', (e->>'reason')::int, "
                        "(e->>'occurredAt')::timestamptz, e->>'successorCardId' "
                        "FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, n) ORDER BY n",
                        {QJsonDocument(events).toJson(QJsonDocument::Compact)});
        }
        if (!inserted) {
            return tl::unexpected(fromCoreError(inserted.error()));
        }
        return jsonResponse(201, QJsonObject{{QStringLiteral("accepted"), static_cast<int>(events.size())}});
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
