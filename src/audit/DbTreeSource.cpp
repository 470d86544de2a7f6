#include "audit/DbTreeSource.h"

#include "store/Database.h"

namespace madoguchi::audit {

Hash DbTreeSource::reduce(std::vector<Hash> hashes)
{
    std::size_t n = hashes.size();
    while (n > 1) {
        for (std::size_t i = 0; i < n / 2; ++i) {
            hashes[i] = nodeHash(hashes[2 * i], hashes[2 * i + 1]);
        }
        n /= 2;
    }
    return hashes.front();
}

core::Result<std::vector<Hash>> DbTreeSource::read(store::Statement& statement, qint64 begin, qint64 count)
{
    statement.reset();
    statement.bind(1, begin).bind(2, begin + count);
    std::vector<Hash> hashes;
    hashes.reserve(static_cast<std::size_t>(count));
    while (true) {
        auto row = statement.step();
        if (!row) {
            return core::fail(row.error());
        }
        if (!*row) {
            break;
        }
        Hash hash{};
        if (!fromBytes(statement.columnBlob(0), hash)) {
            return core::fail(core::Errc::StoreFailure,
                              QStringLiteral("audit hash of wrong length near %1").arg(begin));
        }
        hashes.push_back(hash);
    }
    statement.reset();
    if (static_cast<qint64>(hashes.size()) != count) {
        return core::fail(core::Errc::NotFound, QStringLiteral("audit tree incomplete at %1").arg(begin));
    }
    return hashes;
}

core::Result<Hash> DbTreeSource::perfect(qint64 begin, int log2Size)
{
    const bool fromBlocks = log2Size >= kBlockLog2;
    store::Statement& statement = fromBlocks ? m_blocks : m_leaves;
    if (!statement.isValid()) {
        auto prepared =
            m_db->prepare(fromBlocks ? "SELECT hash FROM audit_block WHERE block >= ? AND block < ? ORDER BY block"
                                     : "SELECT leaf_hash FROM audit_entry WHERE idx >= ? AND idx < ? ORDER BY idx");
        if (!prepared) {
            return core::fail(prepared.error());
        }
        statement = std::move(*prepared);
    }
    const qint64 count = qint64(1) << (fromBlocks ? log2Size - kBlockLog2 : log2Size);
    auto hashes = read(statement, fromBlocks ? begin >> kBlockLog2 : begin, count);
    if (!hashes) {
        return core::fail(hashes.error());
    }
    return reduce(std::move(*hashes));
}

} // namespace madoguchi::audit
