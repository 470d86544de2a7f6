#pragma once

#include "audit/AuditEntry.h"
#include "audit/AuditEvent.h"
#include "audit/AuditSigner.h"
#include "audit/DbTreeSource.h"
#include "audit/MerkleTree.h"
#include "audit/TreeHead.h"
#include "core/Clock.h"
#include "store/Statement.h"

#include <memory>
#include <optional>
#include <vector>

namespace madoguchi::store {
class Database;
}

namespace madoguchi::audit {

// The terminal's append-only audit log in the store (architecture.md §6). append() writes inside the
// caller's open transaction, so an entry commits or rolls back with the change it records; it also
// caches the leaf hash, seals every complete 256-leaf block and signs a tree head every
// `headInterval` entries. Nothing here updates or deletes an entry.
class AuditLog final
{
public:
    struct Options
    {
        QString terminal;
        qint64 headInterval = 4096;
    };

    // Registers the terminal's public key on first use; a different key for the same terminal is
    // refused (Errc::SignatureInvalid) rather than silently replaced.
    [[nodiscard]] static core::Result<AuditLog> open(store::Database& db, AuditSigner signer, const core::Clock& clock,
                                                     Options options);

    // In the caller's transaction; returns the entry's index.
    [[nodiscard]] core::Result<qint64> append(const AuditEvent& event);
    // Its own BEGIN IMMEDIATE … COMMIT: events that change nothing else (sign-in, card read, export).
    [[nodiscard]] core::Result<qint64> appendInOwnTransaction(const AuditEvent& event);
    // Signs a head over the current size unless the newest head already covers it (shut-down, on
    // demand, before an export). Runs in the caller's transaction if there is one.
    [[nodiscard]] core::Result<TreeHead> signTreeHead();

    [[nodiscard]] core::Result<qint64> size();
    [[nodiscard]] core::Result<Hash> root(qint64 size);
    [[nodiscard]] core::Result<Proof> inclusionProof(qint64 index, qint64 treeSize);
    [[nodiscard]] core::Result<Proof> consistencyProof(qint64 oldSize, qint64 newSize);
    [[nodiscard]] const QString& terminal() const { return m_options.terminal; }
    [[nodiscard]] store::Database& database() const { return *m_db; }
    [[nodiscard]] QByteArray publicKeyDer() const { return m_signer.publicKeyDer(); }

private:
    AuditLog(store::Database& db, AuditSigner signer, const core::Clock& clock, Options options);
    [[nodiscard]] core::Result<void> registerTerminal();
    [[nodiscard]] core::Result<void> sealBlock(qint64 block);
    [[nodiscard]] core::Result<TreeHead> signAt(qint64 size);

    store::Database* m_db;
    AuditSigner m_signer;
    const core::Clock* m_clock;
    Options m_options;
    std::unique_ptr<DbTreeSource> m_source;
    store::Statement m_insert;
    store::Statement m_insertBlock;
    store::Statement m_size;
};

} // namespace madoguchi::audit
