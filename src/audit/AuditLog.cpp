#include "audit/AuditLog.h"

#include "audit/AuditStore.h"
#include "core/Logging.h"
#include "store/Database.h"
#include "store/Transaction.h"

namespace madoguchi::audit {

AuditLog::AuditLog(store::Database& db, AuditSigner signer, const core::Clock& clock, Options options)
    : m_db(&db), m_signer(std::move(signer)), m_clock(&clock), m_options(std::move(options)),
      m_source(std::make_unique<DbTreeSource>(db))
{}

core::Result<AuditLog> AuditLog::open(store::Database& db, AuditSigner signer, const core::Clock& clock,
                                      Options options)
{
    if (options.terminal.isEmpty() || options.headInterval <= 0) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("audit log needs a terminal id"));
    }
    AuditLog log(db, std::move(signer), clock, std::move(options));
    if (auto registered = log.registerTerminal(); !registered) {
        return core::fail(registered.error());
    }
    return log;
}

core::Result<void> AuditLog::registerTerminal()
{
    const QByteArray mine = m_signer.publicKeyDer();
    auto known = AuditStore::terminalKey(*m_db);
    if (known && known->first != m_options.terminal) {
        // One log per database: a second terminal would interleave two trees' signers.
        return core::fail(core::Errc::InvalidArgument,
                          QStringLiteral("this database's audit log belongs to terminal %1").arg(known->first));
    }
    if (known) {
        if (known->second != mine) {
            return core::fail(
                core::Errc::SignatureInvalid,
                QStringLiteral("terminal %1 is registered with another audit key").arg(m_options.terminal));
        }
        return {};
    }
    if (known.error().code != core::Errc::NotFound) {
        return core::fail(known.error());
    }
    auto insert = m_db->prepare("INSERT INTO audit_terminal(terminal, public_key, created_at) VALUES (?, ?, ?)");
    if (!insert) {
        return core::fail(insert.error());
    }
    insert->bind(1, m_options.terminal).bindBlob(2, mine).bind(3, m_clock->now().toString(Qt::ISODate));
    return insert->run();
}

core::Result<qint64> AuditLog::size()
{
    // Prepared once: append() asks on every entry (no in-memory counter that a rolled-back
    // transaction could leave ahead of the table).
    if (!m_size.isValid()) {
        auto prepared = m_db->prepare("SELECT coalesce(max(idx) + 1, 0) FROM audit_entry");
        if (!prepared) {
            return core::fail(prepared.error());
        }
        m_size = std::move(*prepared);
    }
    auto row = m_size.step();
    const qint64 next = row && *row ? m_size.columnInt64(0) : -1;
    m_size.reset();
    if (!row) {
        return core::fail(row.error());
    }
    return next;
}

core::Result<qint64> AuditLog::append(const AuditEvent& event)
{
    auto next = size();
    if (!next) {
        return next;
    }
    AuditEntry entry{*next,
                     m_clock->now().toMSecsSinceEpoch(),
                     m_options.terminal,
                     event.operatorId,
                     event.role,
                     event.action,
                     event.subject,
                     event.payload};
    const QByteArray body = entry.canonicalBytes();
    if (!m_insert.isValid()) {
        auto prepared = m_db->prepare("INSERT INTO audit_entry(idx, at_ms, operator, role, action, subject, body, "
                                      "leaf_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        if (!prepared) {
            return core::fail(prepared.error());
        }
        m_insert = std::move(*prepared);
    }
    m_insert.bind(1, entry.index).bind(2, entry.timeMs).bind(3, entry.operatorId).bind(4, entry.role);
    m_insert.bind(5, entry.action).bind(6, entry.subject).bindBlob(7, body).bindBlob(8, toBytes(leafHash(body)));
    if (auto ran = m_insert.run(); !ran) {
        return core::fail(ran.error());
    }
    const qint64 newSize = entry.index + 1;
    if (newSize % (qint64(1) << DbTreeSource::kBlockLog2) == 0) {
        if (auto sealed = sealBlock((newSize >> DbTreeSource::kBlockLog2) - 1); !sealed) {
            return core::fail(sealed.error());
        }
    }
    if (newSize % m_options.headInterval == 0) {
        if (auto head = signAt(newSize); !head) {
            return core::fail(head.error());
        }
    }
    return entry.index;
}

core::Result<qint64> AuditLog::appendInOwnTransaction(const AuditEvent& event)
{
    auto tx = store::Transaction::begin(*m_db);
    if (!tx) {
        return core::fail(tx.error());
    }
    auto index = append(event);
    if (!index) {
        return index;
    }
    if (auto committed = tx->commit(); !committed) {
        return core::fail(committed.error());
    }
    return index;
}

core::Result<void> AuditLog::sealBlock(qint64 block)
{
    // A block is two 128-leaf halves read from leaf hashes (perfect() below 2^8 reads leaves).
    auto left = m_source->perfect(block << DbTreeSource::kBlockLog2, DbTreeSource::kBlockLog2 - 1);
    auto right = m_source->perfect((block << DbTreeSource::kBlockLog2) + 128, DbTreeSource::kBlockLog2 - 1);
    if (!left || !right) {
        return core::fail(!left ? left.error() : right.error());
    }
    if (!m_insertBlock.isValid()) {
        auto prepared = m_db->prepare("INSERT INTO audit_block(block, hash) VALUES (?, ?)");
        if (!prepared) {
            return core::fail(prepared.error());
        }
        m_insertBlock = std::move(*prepared);
    }
    m_insertBlock.bind(1, block).bindBlob(2, toBytes(nodeHash(*left, *right)));
    return m_insertBlock.run();
}

core::Result<TreeHead> AuditLog::signAt(qint64 treeSize)
{
    auto rootHash = root(treeSize);
    if (!rootHash) {
        return core::fail(rootHash.error());
    }
    TreeHead head{treeSize, m_clock->now().toMSecsSinceEpoch(), m_options.terminal, *rootHash, {}};
    auto signature = m_signer.sign(head.signedBytes());
    if (!signature) {
        return core::fail(signature.error());
    }
    head.signature = *signature;
    auto insert = m_db->prepare("INSERT INTO audit_tree_head(tree_size, at_ms, terminal, root, signature) "
                                "VALUES (?, ?, ?, ?, ?)");
    if (!insert) {
        return core::fail(insert.error());
    }
    insert->bind(1, head.size).bind(2, head.timeMs).bind(3, head.terminal).bindBlob(4, toBytes(head.root));
    insert->bindBlob(5, head.signature);
    if (auto ran = insert->run(); !ran) {
        return core::fail(ran.error());
    }
    qCInfo(lcAudit) << "signed tree head at size" << head.size;
    return head;
}

core::Result<TreeHead> AuditLog::signTreeHead()
{
    auto current = size();
    if (!current) {
        return core::fail(current.error());
    }
    auto known = AuditStore::heads(*m_db);
    if (!known) {
        return core::fail(known.error());
    }
    if (!known->empty() && known->back().size == *current) {
        return known->back();
    }
    return signAt(*current);
}

core::Result<Hash> AuditLog::root(qint64 treeSize)
{
    return MerkleTree::root(*m_source, treeSize);
}

core::Result<Proof> AuditLog::inclusionProof(qint64 index, qint64 treeSize)
{
    return MerkleTree::inclusionProof(*m_source, index, treeSize);
}

core::Result<Proof> AuditLog::consistencyProof(qint64 oldSize, qint64 newSize)
{
    return MerkleTree::consistencyProof(*m_source, oldSize, newSize);
}

} // namespace madoguchi::audit
