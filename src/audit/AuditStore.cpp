#include "audit/AuditStore.h"

#include "store/Database.h"

namespace madoguchi::audit {

core::Result<qint64> AuditStore::size(store::Database& db)
{
    // max(idx) on the INTEGER PRIMARY KEY is one b-tree descent, unlike count(*).
    return db.queryInt("SELECT coalesce(max(idx) + 1, 0) FROM audit_entry");
}

core::Result<std::vector<TreeHead>> AuditStore::heads(store::Database& db)
{
    auto select =
        db.prepare("SELECT tree_size, at_ms, terminal, root, signature FROM audit_tree_head ORDER BY tree_size");
    if (!select) {
        return core::fail(select.error());
    }
    std::vector<TreeHead> heads;
    while (true) {
        auto row = select->step();
        if (!row) {
            return core::fail(row.error());
        }
        if (!*row) {
            return heads;
        }
        TreeHead head;
        head.size = select->columnInt64(0);
        head.timeMs = select->columnInt64(1);
        head.terminal = select->columnText(2);
        // A root of the wrong length stays all-zero and fails verification like any forged root.
        (void)fromBytes(select->columnBlob(3), head.root);
        head.signature = select->columnBlob(4);
        heads.push_back(std::move(head));
    }
}

core::Result<AuditEntry> AuditStore::entry(store::Database& db, qint64 index)
{
    auto select = db.prepare("SELECT body FROM audit_entry WHERE idx = ?");
    if (!select) {
        return core::fail(select.error());
    }
    select->bind(1, index);
    auto row = select->step();
    if (!row) {
        return core::fail(row.error());
    }
    if (!*row) {
        return core::fail(core::Errc::NotFound, QStringLiteral("no audit entry %1").arg(index));
    }
    return AuditEntry::fromCanonical(select->columnBlob(0));
}

core::Result<std::pair<QString, QByteArray>> AuditStore::terminalKey(store::Database& db, const QString& terminal)
{
    auto select = db.prepare(terminal.isEmpty() ? "SELECT terminal, public_key FROM audit_terminal ORDER BY terminal"
                                                : "SELECT terminal, public_key FROM audit_terminal WHERE terminal = ?");
    if (!select) {
        return core::fail(select.error());
    }
    if (!terminal.isEmpty()) {
        select->bind(1, terminal);
    }
    auto row = select->step();
    if (!row) {
        return core::fail(row.error());
    }
    if (!*row) {
        return core::fail(core::Errc::NotFound, QStringLiteral("no audit key registered for this terminal"));
    }
    return std::pair<QString, QByteArray>{select->columnText(0), select->columnBlob(1)};
}

} // namespace madoguchi::audit
