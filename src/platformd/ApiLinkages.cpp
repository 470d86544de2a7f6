// Linkages: batched create/update with per-item idempotency keys and results, and the changes feed
// (architecture.md §3, §7).

#include "core/Logging.h"
#include "pki/CardIdentity.h"
#include "platformd/LinkageBatch.h"
#include "platformd/PlatformApiImpl.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonDocument>
#include <QUuid>

namespace madoguchi::platformd {

namespace {

// One writer at a time takes change_seq values, so the feed's order is the commit order and a
// reader's cursor never skips a change that commits later (docs/scaling.md: per-shard cursors).
constexpr const char* WriterLock = "SELECT pg_advisory_xact_lock(7241)";

const QStringList LinkageFields{QStringLiteral("linkageId"), QStringLiteral("cardId"),    QStringLiteral("kind"),
                                QStringLiteral("version"),   QStringLiteral("status"),    QStringLiteral("fields"),
                                QStringLiteral("validFrom"), QStringLiteral("validTo"),   QStringLiteral("assurance"),
                                QStringLiteral("operator"),  QStringLiteral("terminalId")};
const QStringList RequiredLinkageFields{
    QStringLiteral("linkageId"), QStringLiteral("cardId"), QStringLiteral("kind"),      QStringLiteral("version"),
    QStringLiteral("status"),    QStringLiteral("fields"), QStringLiteral("assurance"), QStringLiteral("operator")};

QJsonObject parseJson(const QByteArray& text)
{
    return QJsonDocument::fromJson(text).object();
}

ApiResult<void> checkDate(const QJsonObject& linkage, const QString& name, const QString& where)
{
    const QJsonValue value = linkage.value(name);
    if (value.isUndefined() || value.isNull()) {
        return {};
    }
    if (!QDate::fromString(value.toString(), Qt::ISODate).isValid()) {
        return apiFail(422, QStringLiteral("invalid_field"),
                       QStringLiteral("%1%2: yyyy-MM-dd or null").arg(where, name));
    }
    return {};
}

ApiResult<void> validateLinkage(const QJsonObject& l, const QHash<QString, bool>& kinds, const QString& where)
{
    static const QStringList statuses{QStringLiteral("active"), QStringLiteral("suspended"), QStringLiteral("ended"),
                                      QStringLiteral("migrated")};
    static const QStringList assurances{QStringLiteral("pin_signature"), QStringLiteral("photo_check"),
                                        QStringLiteral("tap_only")};
    auto invalid = [&](const char* field, const char* rule) {
        return apiFail(422, QStringLiteral("invalid_field"),
                       QStringLiteral("%1%2: %3").arg(where, QLatin1String(field), QLatin1String(rule)));
    };
    if (QUuid::fromString(l.value(QStringLiteral("linkageId")).toString()).isNull()) {
        return invalid("linkageId", "a UUID");
    }
    if (!pki::CardIdentity::fromString(l.value(QStringLiteral("cardId")).toString())) {
        return invalid("cardId", "<issuer key id hex>:<serial hex>");
    }
    if (!kinds.contains(l.value(QStringLiteral("kind")).toString())) {
        return apiFail(422, QStringLiteral("unknown_kind"), QStringLiteral("%1kind").arg(where));
    }
    const QJsonValue version = l.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != version.toInt() || version.toInt() < 1) {
        return invalid("version", "an integer ≥ 1");
    }
    if (!statuses.contains(l.value(QStringLiteral("status")).toString())) {
        return invalid("status", "active, suspended, ended or migrated");
    }
    if (!assurances.contains(l.value(QStringLiteral("assurance")).toString())) {
        return invalid("assurance", "pin_signature, photo_check or tap_only");
    }
    if (!l.value(QStringLiteral("fields")).isObject()) {
        return invalid("fields", "an object");
    }
    const QString op = l.value(QStringLiteral("operator")).toString();
    if (op.isEmpty() || op.size() > 64) {
        return invalid("operator", "1–64 characters");
    }
    if (auto ok = checkDate(l, QStringLiteral("validFrom"), where); !ok) {
        return ok;
    }
    return checkDate(l, QStringLiteral("validTo"), where);
}

// A credit card's number sealed to the vault key (docs/vault.md), beside the linkage, never inside it:
// empty when absent. Only credit_card linkages carry one; an RSA-OAEP block is at most 512 bytes
// (RSA-4096), so anything longer is not one.
ApiResult<QByteArray> sealedNumberOf(const QJsonObject& item, const QJsonObject& linkage, const QString& where)
{
    if (!item.contains(QStringLiteral("sealedNumber"))) {
        return QByteArray();
    }
    if (linkage.value(QStringLiteral("kind")).toString() != QStringLiteral("credit_card")) {
        return apiFail(422, QStringLiteral("invalid_field"), where + QStringLiteral("sealedNumber: credit_card only"));
    }
    auto sealed = base64Field(item, QStringLiteral("sealedNumber"));
    if (!sealed || sealed->isEmpty() || sealed->size() > 512) {
        return apiFail(422, QStringLiteral("invalid_field"),
                       where + QStringLiteral("sealedNumber: base64 of an RSA-OAEP block (1–512 bytes)"));
    }
    return *sealed;
}

ApiResult<std::vector<LinkageItem>> parseItems(const QJsonObject& body, const QHash<QString, bool>& kinds,
                                               const QString& terminalId, int maxItems)
{
    const QJsonArray items = body.value(QStringLiteral("items")).toArray();
    if (!body.value(QStringLiteral("items")).isArray() || items.isEmpty() || items.size() > maxItems) {
        return apiFail(422, QStringLiteral("invalid_field"), QStringLiteral("items: 1–%1 entries").arg(maxItems));
    }
    std::vector<LinkageItem> parsed;
    for (int i = 0; i < items.size(); ++i) {
        const QString where = QStringLiteral("items[%1].").arg(i);
        auto item =
            checkObject(items[i].toObject(),
                        {QStringLiteral("idempotencyKey"), QStringLiteral("linkage"), QStringLiteral("sealedNumber")},
                        {QStringLiteral("idempotencyKey"), QStringLiteral("linkage")}, where);
        if (!item || !items[i].isObject()) {
            return tl::unexpected(item ? ApiError{422, QStringLiteral("invalid_field"), where} : item.error());
        }
        const QString key = item->value(QStringLiteral("idempotencyKey")).toString();
        if (key.isEmpty() || key.size() > 128) {
            return apiFail(422, QStringLiteral("invalid_field"),
                           where + QStringLiteral("idempotencyKey: 1–128 characters"));
        }
        auto linkage = checkObject(item->value(QStringLiteral("linkage")).toObject(), LinkageFields,
                                   RequiredLinkageFields, where + QStringLiteral("linkage."));
        if (!linkage) {
            return tl::unexpected(linkage.error());
        }
        if (auto valid = validateLinkage(*linkage, kinds, where + QStringLiteral("linkage.")); !valid) {
            return tl::unexpected(valid.error());
        }
        auto sealed = sealedNumberOf(*item, *linkage, where);
        if (!sealed) {
            return tl::unexpected(sealed.error());
        }
        QJsonObject canonical = *linkage;
        canonical.insert(QStringLiteral("terminalId"), terminalId);
        canonical.insert(
            QStringLiteral("linkageId"),
            QUuid::fromString(canonical.value(QStringLiteral("linkageId")).toString()).toString(QUuid::WithoutBraces));
        // The content is the linkage and, when present, its sealed number: the same key with another
        // sealed number is a different request (409), not a replay.
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(QJsonDocument(*linkage).toJson(QJsonDocument::Compact));
        if (!sealed->isEmpty()) {
            hash.addData(QByteArrayView("\nsealedNumber:"));
            hash.addData(*sealed);
        }
        parsed.push_back(LinkageItem{key, canonical, hash.result().toHex(), *sealed});
    }
    return parsed;
}

ApiResult<QHash<QString, bool>> loadKinds(PgConnection& db)
{
    auto rows = db.exec("SELECT kind, single_active FROM linkage_kinds");
    if (!rows) {
        return tl::unexpected(fromCoreError(rows.error()));
    }
    QHash<QString, bool> kinds;
    for (int r = 0; r < rows->rows(); ++r) {
        kinds.insert(rows->text(r, 0), rows->value(r, 1) == "t");
    }
    return kinds;
}

} // namespace

ApiResult<HttpResponse> PlatformApi::Impl::pushLinkages(const HttpRequest& request)
{
    auto body = parseObject(request.body, {QStringLiteral("items")}, {QStringLiteral("items")});
    if (!body) {
        return tl::unexpected(body.error());
    }
    const QString terminal = request.peer.commonName;
    return transaction([&](PgConnection& db) -> ApiResult<HttpResponse> {
        if (auto locked = db.exec(WriterLock); !locked) {
            return tl::unexpected(fromCoreError(locked.error()));
        }
        auto kinds = loadKinds(db);
        if (!kinds) {
            return tl::unexpected(kinds.error());
        }
        // Validate every item before writing any: a bad item rejects the whole batch (no partial writes).
        auto items = parseItems(*body, *kinds, terminal, config.maxBatchItems);
        if (!items) {
            return tl::unexpected(items.error());
        }
        auto results = LinkageBatch::write(db, *kinds, terminal, *items, TokenVault(vaultKey.get(), config.secret));
        if (!results) {
            return tl::unexpected(results.error());
        }
        return jsonResponse(200, QJsonObject{{QStringLiteral("results"), *results}});
    });
}

ApiResult<HttpResponse> PlatformApi::Impl::linkageChanges(const HttpRequest& request)
{
    auto page = parseFeedPage(request.query);
    if (!page) {
        return tl::unexpected(page.error());
    }
    auto lease = config.pool->acquire();
    if (!lease) {
        return tl::unexpected(fromCoreError(lease.error()));
    }
    auto rows = (*lease)->exec("SELECT seq, body::text FROM linkage_versions WHERE seq > $1 ORDER BY seq LIMIT $2",
                               {QByteArray::number(page->after), QByteArray::number(page->limit + 1)});
    if (!rows) {
        return tl::unexpected(fromCoreError(rows.error()));
    }
    QJsonArray changes;
    qint64 cursor = page->after;
    const int count = std::min(rows->rows(), page->limit);
    for (int r = 0; r < count; ++r) {
        QJsonObject change = parseJson(rows->value(r, 1));
        cursor = rows->integer(r, 0);
        change.insert(QStringLiteral("seq"), static_cast<double>(cursor));
        changes.append(change);
    }
    return jsonResponse(200, QJsonObject{{QStringLiteral("changes"), changes},
                                         {QStringLiteral("nextCursor"), static_cast<double>(cursor)},
                                         {QStringLiteral("hasMore"), rows->rows() > page->limit}});
}

} // namespace madoguchi::platformd
