#include "audit/BundleReader.h"

#include "audit/AuditBundle.h"
#include "audit/AuditEntry.h"
#include "audit/AuditSigner.h"
#include "audit/MerkleTree.h"
#include "audit/TreeHead.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <map>

namespace madoguchi::audit {

namespace {

using Problem = VerifyReport::Problem;

VerifyReport failed(Problem problem, qint64 index, const QString& detail)
{
    VerifyReport report;
    report.problem = problem;
    report.firstBadIndex = index;
    report.detail = detail;
    return report;
}

struct Loaded
{
    QJsonObject manifest;
    std::vector<Hash> leaves;   // recomputed from the signed bytes
    std::vector<Hash> provided; // as listed in the bundle
};

// MTH over [begin, end) from the range's leaves plus the bundle's outside subtrees.
class RangeTree final
{
public:
    RangeTree(qint64 from, const std::vector<Hash>& leaves, std::map<std::pair<qint64, qint64>, Hash> nodes)
        : m_from(from), m_leaves(leaves), m_nodes(std::move(nodes))
    {}
    bool mth(qint64 begin, qint64 end, Hash& out) const
    {
        const qint64 to = m_from + static_cast<qint64>(m_leaves.size());
        if (end <= m_from || begin >= to) {
            const auto it = m_nodes.find({begin, end});
            if (it == m_nodes.end()) {
                return false;
            }
            out = it->second;
            return true;
        }
        if (end - begin == 1) {
            out = m_leaves[static_cast<std::size_t>(begin - m_from)];
            return true;
        }
        const qint64 k = MerkleTree::splitPoint(end - begin);
        Hash left{};
        Hash right{};
        if (!mth(begin, begin + k, left) || !mth(begin + k, end, right)) {
            return false;
        }
        out = nodeHash(left, right);
        return true;
    }

private:
    qint64 m_from;
    const std::vector<Hash>& m_leaves;
    std::map<std::pair<qint64, qint64>, Hash> m_nodes;
};

std::map<std::pair<qint64, qint64>, Hash> nodesOf(const QJsonArray& array)
{
    std::map<std::pair<qint64, qint64>, Hash> nodes;
    for (const QJsonValue& value : array) {
        const QJsonObject node = value.toObject();
        Hash hash{};
        if (fromBytes(QByteArray::fromHex(node.value(QStringLiteral("hash")).toString().toLatin1()), hash)) {
            nodes[{node.value(QStringLiteral("begin")).toInteger(), node.value(QStringLiteral("end")).toInteger()}] =
                hash;
        }
    }
    return nodes;
}

// One entries.jsonl line at position `expected`; fills the leaves or names the problem.
bool readLine(const QByteArray& line, qint64 expected, const QString& terminal, Loaded& loaded, VerifyReport& report)
{
    const QJsonObject json = QJsonDocument::fromJson(line).object();
    const qint64 index = json.value(QStringLiteral("index")).toInteger(-1);
    const QByteArray bytes = QByteArray::fromBase64(json.value(QStringLiteral("bytes")).toString().toLatin1());
    const qint64 own = AuditEntry::indexOf(bytes);
    if (index != expected || own != expected) {
        const qint64 at = own >= 0 && own < expected ? own : expected;
        report = failed(index > expected ? Problem::Missing : Problem::Misplaced, at,
                        QStringLiteral("line %1 of entries.jsonl holds entry %2, expected %3")
                            .arg(expected)
                            .arg(own >= 0 ? own : index)
                            .arg(expected));
        return false;
    }
    auto entry = AuditEntry::fromCanonical(bytes);
    if (!entry || entry->toJson() != json.value(QStringLiteral("entry")).toObject()) {
        report = failed(Problem::Modified, expected,
                        QStringLiteral("entry %1: the readable fields differ from its signed bytes").arg(expected));
        return false;
    }
    if (entry->terminal != terminal) {
        report = failed(Problem::WrongTerminal, expected,
                        QStringLiteral("entry %1 comes from terminal %2").arg(expected).arg(entry->terminal));
        return false;
    }
    Hash provided{};
    (void)fromBytes(QByteArray::fromHex(json.value(QStringLiteral("leaf")).toString().toLatin1()), provided);
    loaded.leaves.push_back(leafHash(bytes));
    loaded.provided.push_back(provided);
    return true;
}

bool checkHead(const QJsonObject& json, const QString& terminal, const QByteArray& key, TreeHead& head,
               VerifyReport& report)
{
    if (!TreeHead::fromJson(json, head)) {
        report = failed(Problem::Malformed, -1, QStringLiteral("unreadable tree head"));
        return false;
    }
    report.headSize = head.size;
    if (head.terminal != terminal) {
        report = failed(Problem::WrongTerminal, -1,
                        QStringLiteral("the tree head names terminal %1, the bundle %2").arg(head.terminal, terminal));
        return false;
    }
    if (!AuditSigner::verify(key, head.signedBytes(), head.signature)) {
        report = failed(Problem::HeadSignature, -1,
                        QStringLiteral("the tree head at %1 has a bad signature").arg(head.size));
        report.headSize = head.size;
        return false;
    }
    return true;
}

} // namespace

VerifyReport BundleReader::verify(const QString& path, const QByteArray& pinnedKey, const QString& expectedTerminal)
{
    const QFileInfo info(path);
    const QString dir = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
    QFile manifestFile(dir + QStringLiteral("/bundle.json"));
    QFile entriesFile(dir + QStringLiteral("/entries.jsonl"));
    if (!manifestFile.open(QIODevice::ReadOnly) || !entriesFile.open(QIODevice::ReadOnly)) {
        return failed(Problem::Malformed, -1, QStringLiteral("%1 has no bundle.json or entries.jsonl").arg(dir));
    }
    Loaded loaded;
    loaded.manifest = QJsonDocument::fromJson(manifestFile.readAll()).object();
    const QJsonObject& m = loaded.manifest;
    if (m.value(QStringLiteral("format")).toString() != QLatin1String(AuditBundle::kFormat)) {
        return failed(Problem::Malformed, -1, QStringLiteral("not a Madoguchi audit bundle"));
    }
    const QString terminal = m.value(QStringLiteral("terminal")).toString();
    const QByteArray key = m.value(QStringLiteral("publicKey")).toString().toLatin1();
    if (!expectedTerminal.isEmpty() && terminal != expectedTerminal) {
        return failed(Problem::WrongTerminal, -1,
                      QStringLiteral("the bundle is from terminal %1, not %2").arg(terminal, expectedTerminal));
    }
    if (!pinnedKey.isEmpty() && AuditSigner::fingerprint(pinnedKey) != AuditSigner::fingerprint(key)) {
        return failed(Problem::WrongTerminal, -1,
                      QStringLiteral("the bundle is signed by key %1, not by the pinned terminal key %2")
                          .arg(AuditSigner::fingerprint(key), AuditSigner::fingerprint(pinnedKey)));
    }
    VerifyReport report;
    TreeHead head;
    if (!checkHead(m.value(QStringLiteral("head")).toObject(), terminal, key, head, report)) {
        return report;
    }
    if (m.contains(QStringLiteral("previousHead"))) {
        TreeHead previous;
        if (!checkHead(m.value(QStringLiteral("previousHead")).toObject(), terminal, key, previous, report)) {
            return report;
        }
        Proof proof;
        for (const QJsonValue& value : m.value(QStringLiteral("consistency")).toArray()) {
            Hash hash{};
            (void)fromBytes(QByteArray::fromHex(value.toString().toLatin1()), hash);
            proof.push_back(hash);
        }
        if (!MerkleTree::verifyConsistency(previous.size, head.size, previous.root, head.root, proof)) {
            VerifyReport bad =
                failed(Problem::HeadRoot, -1,
                       QStringLiteral("the heads at %1 and %2 are not consistent (the log was rewritten)")
                           .arg(previous.size)
                           .arg(head.size));
            bad.headSize = head.size;
            return bad;
        }
    }
    const qint64 from = m.value(QStringLiteral("from")).toInteger(-1);
    const qint64 to = m.value(QStringLiteral("to")).toInteger(-1);
    if (from < 0 || to <= from || to > head.size) {
        return failed(Problem::Malformed, -1, QStringLiteral("the bundle's range is not covered by its head"));
    }
    qint64 expected = from;
    while (!entriesFile.atEnd()) {
        const QByteArray line = entriesFile.readLine().trimmed();
        if (line.isEmpty()) {
            continue;
        }
        if (expected >= to) {
            return failed(Problem::Misplaced, expected, QStringLiteral("entries after the bundle's range"));
        }
        if (!readLine(line, expected, terminal, loaded, report)) {
            return report;
        }
        ++expected;
    }
    if (expected != to) {
        return failed(Problem::Missing, expected,
                      QStringLiteral("the bundle ends at entry %1, its range at %2 (truncated)").arg(expected).arg(to));
    }
    const auto nodes = nodesOf(m.value(QStringLiteral("nodes")).toArray());
    Hash root{};
    if (!RangeTree(from, loaded.leaves, nodes).mth(0, head.size, root)) {
        return failed(Problem::Malformed, -1, QStringLiteral("the bundle lacks subtree hashes outside its range"));
    }
    report.entries = to - from;
    report.heads = m.contains(QStringLiteral("previousHead")) ? 2 : 1;
    if (root == head.root) {
        return report;
    }
    // The listed leaf hashes locate the change if they still add up to the signed root.
    qint64 first = from;
    for (std::size_t i = 0; i < loaded.leaves.size(); ++i) {
        if (loaded.leaves[i] != loaded.provided[i]) {
            first = from + static_cast<qint64>(i);
            break;
        }
    }
    Hash listed{};
    const bool located = RangeTree(from, loaded.provided, nodes).mth(0, head.size, listed) && listed == head.root;
    VerifyReport bad =
        failed(located ? Problem::Modified : Problem::HeadRoot, first,
               located ? QStringLiteral("entry %1 was changed").arg(first)
                       : QStringLiteral("the entries do not match the signed root (first suspect %1)").arg(first));
    bad.headSize = head.size;
    return bad;
}

} // namespace madoguchi::audit
