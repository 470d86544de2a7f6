#pragma once

#include "audit/SubtreeSource.h"
#include "store/Statement.h"

namespace madoguchi::store {
class Database;
}

namespace madoguchi::audit {

// Perfect subtrees from the audit tables: below 256 leaves from audit_entry.leaf_hash, from 256 up
// from audit_block (one row per complete 256-leaf subtree). A root over 10^6 entries therefore reads
// ~3,900 block rows and < 256 leaf rows.
class DbTreeSource final : public SubtreeSource
{
public:
    static constexpr int kBlockLog2 = 8;
    explicit DbTreeSource(store::Database& db) : m_db(&db) {}
    [[nodiscard]] core::Result<Hash> perfect(qint64 begin, int log2Size) override;

    // Pairwise reduction of 2^k hashes into their perfect subtree hash.
    [[nodiscard]] static Hash reduce(std::vector<Hash> hashes);

private:
    [[nodiscard]] core::Result<std::vector<Hash>> read(store::Statement& statement, qint64 begin, qint64 count);

    store::Database* m_db;
    store::Statement m_leaves;
    store::Statement m_blocks;
};

} // namespace madoguchi::audit
