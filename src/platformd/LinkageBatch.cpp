#include "platformd/LinkageBatch.h"

#include "platformd/VaultBinding.h"

#include <QJsonDocument>
#include <QUuid>

namespace madoguchi::platformd {

namespace {

QJsonObject parseJson(const QByteArray& text)
{
    return QJsonDocument::fromJson(text).object();
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

// Decides every item of a batch in memory against the current rows of the batch's cards (read
// with one statement), and writes all applied versions with one statement: per-item round trips
// made a 100 k push take minutes (docs/scaling.md).
class BatchWriter
{
public:
    BatchWriter(PgConnection& db, const QHash<QString, bool>& kinds, QString terminal)
        : m_db(db), m_kinds(kinds), m_terminal(std::move(terminal))
    {}

    ApiResult<void> load(const std::vector<LinkageItem>& items);
    // Applied items get "appliedIndex" (position in flush()'s answer) instead of "seq".
    ApiResult<QJsonObject> process(const LinkageItem& item);
    ApiResult<QList<qint64>> flush();

private:
    struct Current
    {
        QString linkageId;
        QString kind;
        QString status;
        int version = 0;
        QJsonObject body;
    };
    ApiResult<QJsonObject> conflict(const LinkageItem& item, const QJsonObject& existing, const char* reason);

    PgConnection& m_db;
    const QHash<QString, bool>& m_kinds;
    QString m_terminal;
    QHash<QString, QList<Current>> m_cards;
    QJsonArray m_applied;
};

ApiResult<void> BatchWriter::load(const std::vector<LinkageItem>& items)
{
    QJsonArray cards;
    for (const LinkageItem& item : items) {
        cards.append(item.linkage.value(QStringLiteral("cardId")));
    }
    auto rows = m_db.exec(
        "SELECT l.card_id, l.linkage_id::text, l.kind, l.status, l.version, v.body::text FROM linkages l "
        "JOIN linkage_versions v ON v.card_id = l.card_id AND v.linkage_id = l.linkage_id AND "
        "v.version = l.version WHERE l.card_id IN (SELECT jsonb_array_elements_text($1::jsonb)) FOR UPDATE OF l",
        {QJsonDocument(cards).toJson(QJsonDocument::Compact)});
    if (!rows) {
        return tl::unexpected(fromCoreError(rows.error()));
    }
    for (int r = 0; r < rows->rows(); ++r) {
        m_cards[rows->text(r, 0)].append(Current{rows->text(r, 1), rows->text(r, 2), rows->text(r, 3),
                                                 static_cast<int>(rows->integer(r, 4)), parseJson(rows->value(r, 5))});
    }
    return {};
}

ApiResult<QJsonObject> BatchWriter::process(const LinkageItem& item)
{
    const QJsonObject& l = item.linkage;
    const QString linkageId = l.value(QStringLiteral("linkageId")).toString();
    const QString kind = l.value(QStringLiteral("kind")).toString();
    const bool single = m_kinds.value(kind) && l.value(QStringLiteral("status")).toString() == QStringLiteral("active");
    QList<Current>& current = m_cards[l.value(QStringLiteral("cardId")).toString()];
    const int incoming = l.value(QStringLiteral("version")).toInt();
    Current* same = nullptr;
    for (Current& c : current) {
        if (c.linkageId == linkageId) {
            same = &c;
        } else if (single && c.kind == kind && c.status == QStringLiteral("active")) {
            return conflict(item, c.body, "linked_differently"); // same card + single-active kind
        }
    }
    if (same != nullptr && incoming <= same->version) {
        if (incoming == same->version && withoutTerminal(same->body) == withoutTerminal(l)) {
            return QJsonObject{{QStringLiteral("outcome"), QStringLiteral("duplicate")},
                               {QStringLiteral("version"), incoming}};
        }
        return conflict(item, same->body, "stale_version");
    }
    if (same != nullptr && incoming != same->version + 1) {
        return conflict(item, same->body, "version_gap");
    }
    const Current updated{linkageId, kind, l.value(QStringLiteral("status")).toString(), incoming, l};
    if (same != nullptr) {
        *same = updated;
    } else {
        current.append(updated);
    }
    m_applied.append(l);
    return QJsonObject{{QStringLiteral("outcome"), QStringLiteral("applied")},
                       {QStringLiteral("version"), incoming},
                       {QStringLiteral("appliedIndex"), static_cast<int>(m_applied.size() - 1)}};
}

ApiResult<QList<qint64>> BatchWriter::flush()
{
    if (m_applied.isEmpty()) {
        return QList<qint64>();
    }
    // Sequence numbers in item order; every version into the history, the last per linkage into
    // linkages (ON CONFLICT cannot touch one row twice in a statement).
    auto rows = m_db.exec(
        "WITH s AS (SELECT x, n, nextval('change_seq') AS seq FROM (SELECT x, n FROM jsonb_array_elements($1::jsonb) "
        "WITH ORDINALITY AS t(x, n) ORDER BY n) o), "
        "ver AS (INSERT INTO linkage_versions(card_id, linkage_id, version, seq, body) SELECT x->>'cardId', "
        "(x->>'linkageId')::uuid, (x->>'version')::int, seq, x FROM s), "
        "up AS (INSERT INTO linkages(card_id, linkage_id, kind, version, status, fields, valid_from, valid_to, "
        "assurance, "
        "terminal_id, operator, seq) SELECT DISTINCT ON (x->>'cardId', x->>'linkageId') x->>'cardId', "
        "(x->>'linkageId')::uuid, "
        "x->>'kind', (x->>'version')::int, x->>'status', x->'fields', (x->>'validFrom')::date, (x->>'validTo')::date, "
        "x->>'assurance', $2, x->>'operator', seq FROM s ORDER BY x->>'cardId', x->>'linkageId', n DESC "
        "ON CONFLICT (card_id, linkage_id) DO UPDATE SET kind = EXCLUDED.kind, version = EXCLUDED.version, status = "
        "EXCLUDED.status, fields = EXCLUDED.fields, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, "
        "assurance = EXCLUDED.assurance, terminal_id = EXCLUDED.terminal_id, operator = EXCLUDED.operator, seq = "
        "EXCLUDED.seq, updated_at = now()) "
        "SELECT seq FROM s ORDER BY n",
        {QJsonDocument(m_applied).toJson(QJsonDocument::Compact), m_terminal.toUtf8()});
    if (!rows) {
        return tl::unexpected(fromCoreError(rows.error()));
    }
    QList<qint64> seqs;
    for (int r = 0; r < rows->rows(); ++r) {
        seqs.append(rows->integer(r, 0));
    }
    return seqs;
}

ApiResult<QJsonObject> BatchWriter::conflict(const LinkageItem& item, const QJsonObject& existing, const char* reason)
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

// Stored results for the batch's keys: key → {hash, result}.
ApiResult<QHash<QString, std::pair<QByteArray, QJsonObject>>> storedResults(PgConnection& db, const QString& terminal,
                                                                            const std::vector<LinkageItem>& items)
{
    QJsonArray keys;
    for (const LinkageItem& item : items) {
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

// One new item: its sealed number (if any) opened first — a number that does not open rejects this
// item alone, with nothing of it written — then decided, then kept in the vault unless it conflicted.
ApiResult<QJsonObject> decide(BatchWriter& writer, VaultBinding& vault, const LinkageItem& item)
{
    auto prepared = vault.prepare(item);
    if (!prepared) {
        return QJsonObject{
            {QStringLiteral("outcome"), QStringLiteral("rejected")},
            {QStringLiteral("version"), item.linkage.value(QStringLiteral("version"))},
            {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), prepared.error().code},
                                                  {QStringLiteral("message"), prepared.error().message}}}};
    }
    auto processed = writer.process(item);
    if (!processed || item.sealedNumber.isEmpty() ||
        processed->value(QStringLiteral("outcome")).toString() == QStringLiteral("conflict")) {
        return processed;
    }
    auto token = vault.bind(item, *prepared);
    if (!token) {
        return tl::unexpected(token.error());
    }
    processed->insert(QStringLiteral("vaultToken"), *token);
    return processed;
}

} // namespace

ApiResult<QJsonArray> LinkageBatch::write(PgConnection& db, const QHash<QString, bool>& kinds, const QString& terminal,
                                          const std::vector<LinkageItem>& items, const TokenVault& tokenVault)
{
    auto stored = storedResults(db, terminal, items);
    BatchWriter writer(db, kinds, terminal);
    VaultBinding vault(db, tokenVault, terminal);
    auto loaded = stored ? writer.load(items) : ApiResult<void>(tl::unexpected(stored.error()));
    if (loaded) {
        loaded = vault.load(items);
    }
    if (!loaded) {
        return tl::unexpected(loaded.error());
    }
    QList<QJsonObject> results;
    QHash<QString, qsizetype> firstInBatch; // key → index of its first item in this batch
    QHash<QString, QByteArray> batchHashes;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const LinkageItem& item = items[i];
        const auto known = stored->constFind(item.key);
        const QByteArray knownHash = known != stored->cend() ? known->first : batchHashes.value(item.key);
        if (!knownHash.isEmpty() && knownHash != item.contentHash) {
            return apiFail(409, QStringLiteral("idempotency_key_reused"),
                           QStringLiteral("items[%1]: key already used with different content").arg(i));
        }
        QJsonObject result;
        if (known != stored->cend()) {
            result = known->second;
            result.insert(QStringLiteral("replayed"), true);
        } else if (firstInBatch.contains(item.key)) {
            result = QJsonObject{{QStringLiteral("replayOf"), static_cast<double>(firstInBatch.value(item.key))}};
        } else {
            auto processed = decide(writer, vault, item);
            if (!processed) {
                return tl::unexpected(processed.error());
            }
            result = *processed;
            result.insert(QStringLiteral("linkageId"), item.linkage.value(QStringLiteral("linkageId")));
            firstInBatch.insert(item.key, static_cast<qsizetype>(i));
            batchHashes.insert(item.key, item.contentHash);
        }
        results.append(result);
    }
    auto seqs = writer.flush();
    if (!seqs) {
        return tl::unexpected(seqs.error());
    }
    QJsonArray fresh;
    QJsonArray answer;
    for (std::size_t i = 0; i < items.size(); ++i) {
        QJsonObject& result = results[static_cast<qsizetype>(i)];
        if (result.contains(QStringLiteral("appliedIndex"))) {
            result.insert(QStringLiteral("seq"),
                          static_cast<double>(seqs->at(result.take(QStringLiteral("appliedIndex")).toInt())));
        }
        if (result.contains(QStringLiteral("replayOf"))) {
            result = results[static_cast<qsizetype>(result.value(QStringLiteral("replayOf")).toDouble())];
            result.insert(QStringLiteral("replayed"), true);
        } else if (!result.contains(QStringLiteral("replayed"))) {
            fresh.append(QJsonObject{{QStringLiteral("k"), items[i].key},
                                     {QStringLiteral("h"), QString::fromLatin1(items[i].contentHash)},
                                     {QStringLiteral("r"), result}});
            result.insert(QStringLiteral("replayed"), false);
        }
        result.insert(QStringLiteral("idempotencyKey"), items[i].key);
        answer.append(result);
    }
    if (!fresh.isEmpty()) {
        auto saved = db.exec("INSERT INTO idempotency(terminal_id, idem_key, content_sha256, result) SELECT $1, "
                             "e->>'k', decode(e->>'h', 'hex'), e->'r' FROM jsonb_array_elements($2::jsonb) e",
                             {terminal.toUtf8(), QJsonDocument(fresh).toJson(QJsonDocument::Compact)});
        if (!saved) {
            return tl::unexpected(fromCoreError(saved.error()));
        }
    }
    return answer;
}

} // namespace madoguchi::platformd
