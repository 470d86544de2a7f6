#include "audit/AuditBundle.h"

#include "audit/AuditSigner.h"
#include "audit/AuditStore.h"
#include "audit/BundleReader.h"
#include "audit/DbTreeSource.h"
#include "audit/MerkleTree.h"
#include "store/Database.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace madoguchi::audit {

namespace {

QString hex(const Hash& hash)
{
    return QString::fromLatin1(toBytes(hash).toHex());
}

// The RFC 6962 MTH recursion over [begin, end), recording every maximal subtree that lies entirely
// outside [from, to): exactly what a verifier holding only the range needs to rebuild the root.
core::Result<void> collectOutside(SubtreeSource& source, qint64 from, qint64 to, qint64 begin, qint64 end,
                                  QJsonArray& nodes)
{
    if (end <= from || begin >= to) {
        auto hash = MerkleTree::range(source, begin, end);
        if (!hash) {
            return core::fail(hash.error());
        }
        nodes.append(QJsonObject{
            {QStringLiteral("begin"), begin}, {QStringLiteral("end"), end}, {QStringLiteral("hash"), hex(*hash)}});
        return {};
    }
    if (begin >= from && end <= to) {
        return {};
    }
    const qint64 k = MerkleTree::splitPoint(end - begin);
    if (auto left = collectOutside(source, from, to, begin, begin + k, nodes); !left) {
        return left;
    }
    return collectOutside(source, from, to, begin + k, end, nodes);
}

core::Result<void> writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size() || !file.flush()) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot write %1").arg(path));
    }
    return {};
}

core::Result<void> writeEntries(store::Database& db, qint64 from, qint64 to, const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot write %1").arg(path));
    }
    auto select = db.prepare("SELECT idx, body, leaf_hash FROM audit_entry WHERE idx >= ? AND idx < ? ORDER BY idx");
    if (!select) {
        return core::fail(select.error());
    }
    select->bind(1, from).bind(2, to);
    while (true) {
        auto row = select->step();
        if (!row) {
            return core::fail(row.error());
        }
        if (!*row) {
            break;
        }
        const QByteArray body = select->columnBlob(1);
        auto entry = AuditEntry::fromCanonical(body);
        const QJsonObject line{{QStringLiteral("index"), select->columnInt64(0)},
                               {QStringLiteral("leaf"), QString::fromLatin1(select->columnBlob(2).toHex())},
                               {QStringLiteral("bytes"), QString::fromLatin1(body.toBase64())},
                               {QStringLiteral("entry"), entry ? entry->toJson() : QJsonObject()}};
        file.write(QJsonDocument(line).toJson(QJsonDocument::Compact));
        file.write("\n");
    }
    return file.flush() ? core::Result<void>{}
                        : core::fail(core::Errc::Io, QStringLiteral("cannot write %1").arg(path));
}

struct ChosenHeads
{
    const TreeHead* head = nullptr;
    const TreeHead* previous = nullptr;
};

ChosenHeads chooseHeads(const std::vector<TreeHead>& heads, qint64 from, qint64 to)
{
    ChosenHeads chosen;
    for (const TreeHead& head : heads) {
        if (head.size <= from && head.size > 0) {
            chosen.previous = &head;
        }
        if (head.size >= to && chosen.head == nullptr) {
            chosen.head = &head;
        }
    }
    return chosen;
}

} // namespace

core::Result<QByteArray> AuditBundle::exportRange(store::Database& db, qint64 from, qint64 to, const QString& directory)
{
    auto size = AuditStore::size(db);
    auto heads = AuditStore::heads(db);
    auto key = AuditStore::terminalKey(db);
    if (!size || !heads || !key) {
        return core::fail(!size ? size.error() : !heads ? heads.error() : key.error());
    }
    if (from < 0 || to <= from || to > *size) {
        return core::fail(
            core::Errc::InvalidArgument,
            QStringLiteral("range [%1, %2) is not inside the log of %3 entries").arg(from).arg(to).arg(*size));
    }
    const ChosenHeads chosen = chooseHeads(*heads, from, to);
    if (chosen.head == nullptr) {
        return core::fail(core::Errc::NotFound, QStringLiteral("no signed tree head covers entry %1 yet").arg(to - 1));
    }
    DbTreeSource source(db);
    QJsonArray nodes;
    if (auto collected = collectOutside(source, from, to, 0, chosen.head->size, nodes); !collected) {
        return core::fail(collected.error());
    }
    QJsonObject manifest{{QStringLiteral("format"), QString::fromLatin1(kFormat)},
                         {QStringLiteral("terminal"), key->first},
                         {QStringLiteral("publicKey"), QString::fromLatin1(AuditSigner::publicKeyPem(key->second))},
                         {QStringLiteral("from"), from},
                         {QStringLiteral("to"), to},
                         {QStringLiteral("head"), chosen.head->toJson()},
                         {QStringLiteral("nodes"), nodes}};
    if (chosen.previous != nullptr) {
        auto proof = MerkleTree::consistencyProof(source, chosen.previous->size, chosen.head->size);
        if (!proof) {
            return core::fail(proof.error());
        }
        QJsonArray path;
        for (const Hash& hash : *proof) {
            path.append(hex(hash));
        }
        manifest.insert(QStringLiteral("previousHead"), chosen.previous->toJson());
        manifest.insert(QStringLiteral("consistency"), path);
    }
    if (!QDir().mkpath(directory)) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot create %1").arg(directory));
    }
    const QDir dir(directory);
    const QByteArray manifestBytes = QJsonDocument(manifest).toJson(QJsonDocument::Indented);
    for (auto written :
         {writeEntries(db, from, to, dir.filePath(QStringLiteral("entries.jsonl"))),
          writeFile(dir.filePath(QStringLiteral("bundle.json")), manifestBytes),
          writeFile(dir.filePath(QStringLiteral("terminal.pem")), AuditSigner::publicKeyPem(key->second))}) {
        if (!written) {
            return core::fail(written.error());
        }
    }
    return toBytes(sha256(manifestBytes));
}

VerifyReport AuditBundle::verify(const QString& path, const QByteArray& pinnedKey, const QString& expectedTerminal)
{
    return BundleReader::verify(path, pinnedKey, expectedTerminal);
}

} // namespace madoguchi::audit
