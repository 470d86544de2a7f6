#include "audit/AuditVerifier.h"

#include "audit/AuditEntry.h"
#include "audit/AuditSigner.h"
#include "audit/AuditStore.h"
#include "audit/DbTreeSource.h"
#include "audit/MemoryTree.h"
#include "store/Database.h"

#include <map>

namespace madoguchi::audit {

namespace {

constexpr qint64 kBlock = qint64(1) << DbTreeSource::kBlockLog2;

// The streaming state: a frontier of 256-leaf blocks plus the leaves of the open block, so each leaf
// costs one SHA-256 of its bytes and about one node hash (RFC 6962 root = right-to-left fold).
class Pass final
{
public:
    Pass(std::vector<TreeHead> heads, std::map<qint64, Hash> blocks)
        : m_heads(std::move(heads)), m_blocks(std::move(blocks))
    {}

    bool row(const store::Statement& select, VerifyReport& report)
    {
        const qint64 idx = select.columnInt64(0);
        // Views, not copies: this loop is the verifier's whole cost beside SHA-256 (performance.md §2b).
        const QByteArrayView body = select.columnView(1);
        const QByteArrayView stored = select.columnView(2);
        const qint64 expected = m_blocksFrontier.size() + static_cast<qint64>(m_open.size());
        if (idx != expected) {
            return fail(report, VerifyReport::Problem::Missing, expected,
                        QStringLiteral("entry %1 is missing (next stored index is %2)").arg(expected).arg(idx));
        }
        if (const qint64 own = AuditEntry::indexOf(body); own != idx) {
            // An entry carrying a smaller index than its slot means something was inserted before it.
            return fail(report, VerifyReport::Problem::Misplaced, own >= 0 ? std::min(own, idx) : idx,
                        QStringLiteral("the entry stored at %1 says it is entry %2 (reordered, inserted or deleted)")
                            .arg(idx)
                            .arg(AuditEntry::indexOf(body)));
        }
        if (!columnsMatch(select, body)) {
            // The list the auditors filter on must say what the signed bytes say.
            return fail(
                report, VerifyReport::Problem::Modified, idx,
                QStringLiteral("the listed time, operator, role, action or subject of entry %1 were changed").arg(idx));
        }
        const Hash leaf = leafHash(body);
        if (stored != QByteArrayView(reinterpret_cast<const char*>(leaf.data()), 32)) {
            return fail(report, VerifyReport::Problem::Modified, idx, QStringLiteral("entry %1 was changed").arg(idx));
        }
        m_open.push_back(leaf);
        if (static_cast<qint64>(m_open.size()) == kBlock && !closeBlock(report)) {
            return false;
        }
        return checkHeads(report);
    }

    bool finish(VerifyReport& report)
    {
        if (m_nextHead < m_heads.size()) {
            const qint64 size = currentSize();
            return fail(report, VerifyReport::Problem::Missing, size,
                        QStringLiteral("the log ends at %1 entries but a signed tree head covers %2")
                            .arg(size)
                            .arg(m_heads[m_nextHead].size));
        }
        return true;
    }

    // Heads over the empty tree.
    bool start(VerifyReport& report) { return checkHeads(report); }

    [[nodiscard]] qint64 currentSize() const { return m_blocksFrontier.size() + static_cast<qint64>(m_open.size()); }

private:
    static bool columnsMatch(const store::Statement& select, QByteArrayView body)
    {
        AuditEntry::Fields f;
        return AuditEntry::fields(body, f) && f.timeMs == select.columnInt64(3) &&
               f.operatorId == select.columnView(4) && f.role == select.columnView(5) &&
               f.action == select.columnView(6) && f.subject == select.columnView(7);
    }

    bool closeBlock(VerifyReport& report)
    {
        const qint64 block = m_blocksFrontier.size() / kBlock;
        const Hash hash = DbTreeSource::reduce(m_open);
        const auto stored = m_blocks.find(block);
        if (stored == m_blocks.end() || stored->second != hash) {
            // Body and leaf hash agree but the block does not: both were rewritten together. The
            // last head that matched narrows the range further.
            const qint64 from = std::max(block * kBlock, m_lastGoodHead);
            return fail(report, VerifyReport::Problem::Modified, from,
                        QStringLiteral("an entry in [%1, %2) was changed together with its leaf hash")
                            .arg(from)
                            .arg((block + 1) * kBlock));
        }
        m_blocksFrontier.append(hash, DbTreeSource::kBlockLog2);
        m_open.clear();
        return true;
    }

    Hash rootNow() const
    {
        TreeFrontier frontier = m_blocksFrontier;
        std::size_t offset = 0;
        for (int bit = DbTreeSource::kBlockLog2 - 1; bit >= 0; --bit) {
            const std::size_t piece = std::size_t(1) << bit;
            if ((m_open.size() & piece) != 0) {
                frontier.append(DbTreeSource::reduce({m_open.begin() + static_cast<std::ptrdiff_t>(offset),
                                                      m_open.begin() + static_cast<std::ptrdiff_t>(offset + piece)}),
                                bit);
                offset += piece;
            }
        }
        return frontier.root();
    }

    bool checkHeads(VerifyReport& report)
    {
        while (m_nextHead < m_heads.size() && m_heads[m_nextHead].size == currentSize()) {
            const TreeHead& head = m_heads[m_nextHead];
            if (rootNow() != head.root) {
                report.headSize = head.size;
                return fail(report, VerifyReport::Problem::HeadRoot, m_lastGoodHead,
                            QStringLiteral("the tree head at %1 does not match the entries after %2")
                                .arg(head.size)
                                .arg(m_lastGoodHead));
            }
            m_lastGoodHead = head.size;
            ++m_nextHead;
            ++report.heads;
        }
        return true;
    }

    static bool fail(VerifyReport& report, VerifyReport::Problem problem, qint64 index, const QString& detail)
    {
        report.problem = problem;
        report.firstBadIndex = index;
        report.detail = detail;
        return false;
    }

    std::vector<TreeHead> m_heads;
    std::map<qint64, Hash> m_blocks;
    TreeFrontier m_blocksFrontier;
    std::vector<Hash> m_open;
    std::size_t m_nextHead = 0;
    qint64 m_lastGoodHead = 0;
};

core::Result<std::map<qint64, Hash>> loadBlocks(store::Database& db)
{
    auto select = db.prepare("SELECT block, hash FROM audit_block ORDER BY block");
    if (!select) {
        return core::fail(select.error());
    }
    std::map<qint64, Hash> blocks;
    while (true) {
        auto row = select->step();
        if (!row) {
            return core::fail(row.error());
        }
        if (!*row) {
            return blocks;
        }
        Hash hash{};
        (void)fromBytes(select->columnBlob(1), hash);
        blocks.emplace(select->columnInt64(0), hash);
    }
}

// Signatures and terminals of every head, before any entry is read.
bool checkSignatures(const std::vector<TreeHead>& heads, const QString& terminal, const QByteArray& key,
                     VerifyReport& report)
{
    for (const TreeHead& head : heads) {
        const bool sameTerminal = head.terminal == terminal;
        if (!sameTerminal || !AuditSigner::verify(key, head.signedBytes(), head.signature)) {
            report.problem = sameTerminal ? VerifyReport::Problem::HeadSignature : VerifyReport::Problem::WrongTerminal;
            report.headSize = head.size;
            report.detail = sameTerminal ? QStringLiteral("the tree head at %1 has a bad signature").arg(head.size)
                                         : QStringLiteral("the tree head at %1 names terminal %2, not %3")
                                               .arg(head.size)
                                               .arg(head.terminal, terminal);
            return false;
        }
    }
    return true;
}

} // namespace

core::Result<VerifyReport> AuditVerifier::verifyDatabase(store::Database& db, const QByteArray& trustedKey,
                                                         const VerifyProgress& progress)
{
    VerifyReport report;
    auto registered = AuditStore::terminalKey(db);
    auto heads = AuditStore::heads(db);
    auto blocks = loadBlocks(db);
    auto total = AuditStore::size(db);
    if (!heads || !blocks || !total) {
        return core::fail(!heads ? heads.error() : !blocks ? blocks.error() : total.error());
    }
    if (!registered) {
        if (registered.error().code == core::Errc::NotFound && heads->empty() && *total == 0) {
            return report; // an empty log is intact
        }
        return core::fail(registered.error());
    }
    const QByteArray key = trustedKey.isEmpty() ? registered->second : trustedKey;
    if (!checkSignatures(*heads, registered->first, key, report)) {
        return report;
    }
    Pass pass(std::move(*heads), std::move(*blocks));
    if (!pass.start(report)) {
        return report;
    }
    auto select =
        db.prepare("SELECT idx, body, leaf_hash, at_ms, operator, role, action, subject FROM audit_entry ORDER BY idx");
    if (!select) {
        return core::fail(select.error());
    }
    while (true) {
        auto row = select->step();
        if (!row) {
            return core::fail(row.error());
        }
        if (!*row) {
            break;
        }
        if (!pass.row(*select, report)) {
            return report;
        }
        ++report.entries;
        if (progress && (report.entries & 0xfff) == 0 && !progress(report.entries, *total)) {
            report.problem = VerifyReport::Problem::Cancelled;
            report.detail = QStringLiteral("cancelled");
            return report;
        }
    }
    (void)pass.finish(report);
    if (report.ok() && trustedKey.isEmpty()) {
        report.detail = QStringLiteral("verified with the key registered in the database");
    }
    return report;
}

} // namespace madoguchi::audit
