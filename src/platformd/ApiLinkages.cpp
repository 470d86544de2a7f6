// Linkages: batched create/update with per-item idempotency keys and results, and the changes feed
// (architecture.md §3, §7).

#include "core/Logging.h"
#include "pki/CardIdentity.h"
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
const QStringList RequiredLinkageFields{QStringLiteral("linkageId"), QStringLiteral("cardId"),  QStringLiteral("kind"),
                                        QStringLiteral("version"),   QStringLiteral("status"),  QStringLiteral("fields"),
                                        QStringLiteral("assurance"), QStringLiteral("operator")};

struct Item
{
    QString key;
    QJsonObject linkage; // canonical: terminalId set to the pushing terminal
    QByteArray contentHash;
};

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
        return apiFail(422, QStringLiteral("invalid_field"), QStringLiteral("%1%2: yyyy-MM-dd or null").arg(where, name));
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
        return apiFail(422, QStringLiteral("invalid_field"), QStringLiteral("%1%2: %3").arg(where, QLatin1String(field), QLatin1String(rule)));
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

ApiResult<std::vector<Item>> parseItems(const QJsonObject& body, const QHash<QString, bool>& kinds,
                                        const QString& terminalId, int maxItems)
{
    const QJsonArray items = body.value(QStringLiteral("items")).toArray();
    if (!body.value(QStringLiteral("items")).isArray() || items.isEmpty() || items.size() > maxItems) {
        return apiFail(422, QStringLiteral("invalid_field"), QStringLiteral("items: 1–%1 entries").arg(maxItems));
    }
    std::vector<Item> parsed;
    for (int i = 0; i < items.size(); ++i) {
        const QString where = QStringLiteral("items[%1].").arg(i);
        auto item = checkObject(items[i].toObject(), {QStringLiteral("idempotencyKey"), QStringLiteral("linkage")},
                                {QStringLiteral("idempotencyKey"), QStringLiteral("linkage")}, where);
        if (!item || !items[i].isObject()) {
            return tl::unexpected(item ? ApiError{422, QStringLiteral("invalid_field"), where} : item.error());
        }
        const QString key = item->value(QStringLiteral("idempotencyKey")).toString();
        if (key.isEmpty() || key.size() > 128) {
            return apiFail(422, QStringLiteral("invalid_field"), where + QStringLiteral("idempotencyKey: 1–128 characters"));
        }
        auto linkage = checkObject(item->value(QStringLiteral("linkage")).toObject(), LinkageFields,
                                   RequiredLinkageFields, where + QStringLiteral("linkage."));
        if (!linkage) {
            return tl::unexpected(linkage.error());
        }
        if (auto valid = validateLinkage(*linkage, kinds, where + QStringLiteral("linkage.")); !valid) {
            return tl::unexpected(valid.error());
        }
        QJsonObject canonical = *linkage;
        canonical.insert(QStringLiteral("terminalId"), terminalId);
        canonical.insert(QStringLiteral("linkageId"), QUuid::fromString(canonical.value(QStringLiteral("linkageId")).toString()).toString(QUuid::WithoutBraces));
        const QByteArray hash = QCryptographicHash::hash(QJsonDocument(*linkage).toJson(QJsonDocument::Compact),
                                                         QCryptographicHash::Sha256).toHex();
        parsed.push_back(Item{key, canonical, hash});
    }
    return parsed;
}

QByteArray jsonText(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject withoutTerminal(QJsonObject linkage)
{
    linkage.remove(QStringLiteral("terminalId"));
    return linkage;
}

class BatchWriter
{
public:
    BatchWriter(PgConnection& db, const QHash<QString, bool>& kinds, QString terminal)
        : m_db(db), m_kinds(kinds), m_terminal(std::move(terminal))
    {
    }

    ApiResult<QJsonObject> process(const Item& item);

private:
    ApiResult<QJsonObject> apply(const Item& item);
    ApiResult<QJsonObject> conflict(const Item& item, const QJsonObject& existing, const char* reason);

    PgConnection& m_db;
    const QHash<QString, bool>& m_kinds;
    QString m_terminal;
};

ApiResult<QJsonObject> BatchWriter::process(const Item& item)
{
    const QJsonObject& l = item.linkage;
    const QString linkageId = l.value(QStringLiteral("linkageId")).toString();
    const bool single = m_kinds.value(l.value(QStringLiteral("kind")).toString()) &&
                        l.value(QStringLiteral("status")).toString() == QStringLiteral("active");
    auto rows = m_db.exec("SELECT l.linkage_id::text, l.version, v.body::text FROM linkages l JOIN linkage_versions v "
                          "ON v.card_id = l.card_id AND v.linkage_id = l.linkage_id AND v.version = l.version "
                          "WHERE l.card_id = $1 AND (l.linkage_id = $2::uuid OR ($4 AND l.kind = $3 AND l.status = 'active'))",
                          {l.value(QStringLiteral("cardId")).toString().toUtf8(), linkageId.toUtf8(),
                           l.value(QStringLiteral("kind")).toString().toUtf8(), single ? QByteArray("true") : QByteArray("false")});
    if (!rows) {
        return tl::unexpected(fromCoreError(rows.error()));
    }
    const int incomingVersion = l.value(QStringLiteral("version")).toInt();
    for (int r = 0; r < rows->rows(); ++r) {
        const QJsonObject existing = parseJson(rows->value(r, 2));
        if (rows->text(r, 0) != linkageId) {
            return conflict(item, existing, "linked_differently"); // same card + single-active kind
        }
        const int current = static_cast<int>(rows->integer(r, 1));
        if (incomingVersion <= current) {
            return withoutTerminal(existing) == withoutTerminal(l) && incomingVersion == current
                       ? ApiResult<QJsonObject>(QJsonObject{{QStringLiteral("outcome"), QStringLiteral("duplicate")},
                                                            {QStringLiteral("version"), current}})
                       : conflict(item, existing, "stale_version");
        }
        if (incomingVersion != current + 1) {
            return conflict(item, existing, "version_gap");
        }
    }
    return apply(item);
}

ApiResult<QJsonObject> BatchWriter::apply(const Item& item)
{
    const QJsonObject& l = item.linkage;
    auto param = [&](const char* name) -> PgParam {
        const QJsonValue v = l.value(QLatin1String(name));
        if (v.isNull() || v.isUndefined()) {
            return std::nullopt;
        }
        return v.isDouble() ? QByteArray::number(v.toInt()) : v.toString().toUtf8();
    };
    auto seq = m_db.exec(
        "WITH s AS (SELECT nextval('change_seq') AS seq), "
        "up AS (INSERT INTO linkages(card_id, linkage_id, kind, version, status, fields, valid_from, valid_to, "
        "assurance, terminal_id, operator, seq) SELECT $1, $2::uuid, $3, $4::int, $5, $6::jsonb, $7::date, $8::date, "
        "$9, $10, $11, s.seq FROM s ON CONFLICT (card_id, linkage_id) DO UPDATE SET kind = EXCLUDED.kind, "
        "version = EXCLUDED.version, status = EXCLUDED.status, fields = EXCLUDED.fields, valid_from = "
        "EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, assurance = EXCLUDED.assurance, terminal_id = "
        "EXCLUDED.terminal_id, operator = EXCLUDED.operator, seq = EXCLUDED.seq, updated_at = now()), "
        "ver AS (INSERT INTO linkage_versions(card_id, linkage_id, version, seq, body) "
        "SELECT $1, $2::uuid, $4::int, s.seq, $12::jsonb FROM s) SELECT seq FROM s",
        {param("cardId"), param("linkageId"), param("kind"), param("version"), param("status"),
         jsonText(l.value(QStringLiteral("fields")).toObject()), param("validFrom"), param("validTo"),
         param("assurance"), m_terminal.toUtf8(), param("operator"), jsonText(l)});
    if (!seq) {
        return tl::unexpected(fromCoreError(seq.error()));
    }
    return QJsonObject{{QStringLiteral("outcome"), QStringLiteral("applied")},
                       {QStringLiteral("version"), l.value(QStringLiteral("version"))},
                       {QStringLiteral("seq"), static_cast<double>(seq->integer(0, 0))}};
}

ApiResult<QJsonObject> BatchWriter::conflict(const Item& item, const QJsonObject& existing, const char* reason)
{
    const QString conflictId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto stored = m_db.exec("INSERT INTO conflicts(card_id, conflict_id, kind, incoming, existing, terminal_id) "
                            "VALUES ($1, $2::uuid, $3, $4::jsonb, $5::jsonb, $6)",
                            {item.linkage.value(QStringLiteral("cardId")).toString().toUtf8(), conflictId.toUtf8(),
                             item.linkage.value(QStringLiteral("kind")).toString().toUtf8(), jsonText(item.linkage),
                             jsonText(existing), m_terminal.toUtf8()});
    if (!stored) {
        return tl::unexpected(fromCoreError(stored.error()));
    }
    return QJsonObject{{QStringLiteral("outcome"), QStringLiteral("conflict")},
                       {QStringLiteral("version"), item.linkage.value(QStringLiteral("version"))},
                       {QStringLiteral("reason"), QLatin1String(reason)},
                       {QStringLiteral("conflictId"), conflictId},
                       {QStringLiteral("existing"), existing}};
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

// Stored results for the batch's keys: key → {hash, result}.
ApiResult<QHash<QString, std::pair<QByteArray, QJsonObject>>> storedResults(PgConnection& db, const QString& terminal,
                                                                            const std::vector<Item>& items)
{
    QJsonArray keys;
    for (const Item& item : items) {
        keys.append(item.key);
    }
    auto rows = db.exec("SELECT idem_key, encode(content_sha256, 'hex'), result::text FROM idempotency WHERE "
                        "terminal_id = $1 AND idem_key IN (SELECT jsonb_array_elements_text($2::jsonb))",
                        {terminal.toUtf8(), QJsonDocument(keys).toJson(QJsonDocument::Compact)});
    if (!rows) {
        return tl::unexpected(fromCoreError(rows.error()));
    }
    QHash<QString, std::pair<QByteArray, QJsonObject>> stored;
    for (int r = 0; r < rows->rows(); ++r) {
        stored.insert(rows->text(r, 0), {rows->value(r, 1), parseJson(rows->value(r, 2))});
    }
    return stored;
}

ApiResult<QJsonArray> writeBatch(PgConnection& db, const QHash<QString, bool>& kinds, const QString& terminal,
                                 const std::vector<Item>& items)
{
    auto stored = storedResults(db, terminal, items);
    if (!stored) {
        return tl::unexpected(stored.error());
    }
    BatchWriter writer(db, kinds, terminal);
    QJsonArray results;
    QJsonArray fresh;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& item = items[i];
        QJsonObject result;
        if (auto it = stored->constFind(item.key); it != stored->cend()) {
            if (it->first != item.contentHash) {
                return apiFail(409, QStringLiteral("idempotency_key_reused"),
                               QStringLiteral("items[%1]: key already used with different content").arg(i));
            }
            result = it->second;
            result.insert(QStringLiteral("replayed"), true);
        } else {
            auto processed = writer.process(item);
            if (!processed) {
                return tl::unexpected(processed.error());
            }
            result = *processed;
            result.insert(QStringLiteral("linkageId"), item.linkage.value(QStringLiteral("linkageId")));
            stored->insert(item.key, {item.contentHash, result});
            fresh.append(QJsonObject{{QStringLiteral("k"), item.key},
                                     {QStringLiteral("h"), QString::fromLatin1(item.contentHash)},
                                     {QStringLiteral("r"), result}});
            result.insert(QStringLiteral("replayed"), false);
        }
        result.insert(QStringLiteral("idempotencyKey"), item.key);
        results.append(result);
    }
    if (!fresh.isEmpty()) {
        auto saved = db.exec("INSERT INTO idempotency(terminal_id, idem_key, content_sha256, result) SELECT $1, "
                             "e->>'k', decode(e->>'h', 'hex'), e->'r' FROM jsonb_array_elements($2::jsonb) e",
                             {terminal.toUtf8(), QJsonDocument(fresh).toJson(QJsonDocument::Compact)});
        if (!saved) {
            return tl::unexpected(fromCoreError(saved.error()));
        }
    }
    return results;
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
        auto results = writeBatch(db, *kinds, terminal, *items);
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
