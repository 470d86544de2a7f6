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

// Who signed: the pinned key or terminal must match the bundle's (issue 5: another terminal's bundle).
bool checkOrigin(const QJsonObject& m, const QByteArray& pinnedKey, const QString& expectedTerminal,
                 VerifyReport& report)
{
    const QString terminal = m.value(QStringLiteral("terminal")).toString();
    const QByteArray key = m.value(QStringLiteral("publicKey")).toString().toLatin1();
    if (m.value(QStringLiteral("format")).toString() != QLatin1String(AuditBundle::kFormat)) {
        report = failed(Problem::Malformed, -1, QStringLiteral("not a Madoguchi audit bundle"));
    } else if (!expectedTerminal.isEmpty() && terminal != expectedTerminal) {
        report = failed(Problem::WrongTerminal, -1,
                        QStringLiteral("the bundle is from terminal %1, not %2").arg(terminal, expectedTerminal));
    } else if (!pinnedKey.isEmpty() && AuditSigner::fingerprint(pinnedKey) != AuditSigner::fingerprint(key)) {
        report = failed(Problem::WrongTerminal, -1,
                        QStringLiteral("the bundle is signed by key %1, not by the pinned terminal key %2")
                            .arg(AuditSigner::fingerprint(key), AuditSigner::fingerprint(pinnedKey)));
    }
    return report.ok();
}

// The signed head, and the previous head with its RFC 6962 consistency proof when present.
bool checkHeads(const QJsonObject& m, TreeHead& head, VerifyReport& report)
{
    const QString terminal = m.value(QStringLiteral("terminal")).toString();
    const QByteArray key = m.value(QStringLiteral("publicKey")).toString().toLatin1();
    if (!checkHead(m.value(QStringLiteral("head")).toObject(), terminal, key, head, report)) {
        return false;
    }
    if (!m.contains(QStringLiteral("previousHead"))) {
        return true;
    }
    TreeHead previous;
    if (!checkHead(m.value(QStringLiteral("previousHead")).toObject(), terminal, key, previous, report)) {
        return false;
    }
    Proof proof;
    for (const QJsonValue& value : m.value(QStringLiteral("consistency")).toArray()) {
        Hash hash{};
        (void)fromBytes(QByteArray::fromHex(value.toString().toLatin1()), hash);
        proof.push_back(hash);
    }
    if (!MerkleTree::verifyConsistency(previous.size, head.size, previous.root, head.root, proof)) {
        report = failed(Problem::HeadRoot, -1,
                        QStringLiteral("the heads at %1 and %2 are not consistent (the log was rewritten)")
                            .arg(previous.size)
                            .arg(head.size));
        report.headSize = head.size;
        return false;
    }
    return true;
}

// Every line in order, each with its own index, readable fields equal to its signed bytes.
bool readEntries(QFile& file, qint64 from, qint64 to, const QString& terminal, Loaded& loaded, VerifyReport& report)
{
    qint64 expected = from;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty()) {
            continue;
        }
        if (expected >= to) {
            report = failed(Problem::Misplaced, expected, QStringLiteral("entries after the bundle's range"));
            return false;
        }
        if (!readLine(line, expected, terminal, loaded, report)) {
            return false;
        }
        ++expected;
    }
    if (expected != to) {
        report =
            failed(Problem::Missing, expected,
                   QStringLiteral("the bundle ends at entry %1, its range at %2 (truncated)").arg(expected).arg(to));
        return false;
    }
    return true;
}

// The signed root from the entries; when it differs, the listed leaf hashes locate the change if they
// still add up to the signed root.
VerifyReport checkRoot(const Loaded& loaded, qint64 from, const TreeHead& head)
{
    const auto nodes = nodesOf(loaded.manifest.value(QStringLiteral("nodes")).toArray());
    Hash root{};
    if (!RangeTree(from, loaded.leaves, nodes).mth(0, head.size, root)) {
        return failed(Problem::Malformed, -1, QStringLiteral("the bundle lacks subtree hashes outside its range"));
    }
    if (root == head.root) {
        return {};
    }
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
    VerifyReport report;
    TreeHead head;
    if (!checkOrigin(m, pinnedKey, expectedTerminal, report) || !checkHeads(m, head, report)) {
        return report;
    }
    const qint64 from = m.value(QStringLiteral("from")).toInteger(-1);
    const qint64 to = m.value(QStringLiteral("to")).toInteger(-1);
    if (from < 0 || to <= from || to > head.size) {
        return failed(Problem::Malformed, -1, QStringLiteral("the bundle's range is not covered by its head"));
    }
    if (!readEntries(entriesFile, from, to, m.value(QStringLiteral("terminal")).toString(), loaded, report)) {
        return report;
    }
    report = checkRoot(loaded, from, head);
    if (report.ok()) {
        report.entries = to - from;
        report.heads = m.contains(QStringLiteral("previousHead")) ? 2 : 1;
    }
    return report;
}

} // namespace madoguchi::audit
