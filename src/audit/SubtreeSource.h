#pragma once

#include "audit/MerkleHash.h"
#include "core/Result.h"

namespace madoguchi::audit {

// Where the Merkle tree functions get the hash of a perfect, aligned subtree: RFC 6962's MTH over
// leaves [begin, begin + 2^log2Size). Every MTH the RFC 6962 §2.1 recursions ask for decomposes into
// such subtrees, so a store only needs to answer this one question quickly (in memory: precomputed
// levels; in the database: leaf hashes plus 256-leaf block hashes).
class SubtreeSource
{
public:
    virtual ~SubtreeSource() = default;
    [[nodiscard]] virtual core::Result<Hash> perfect(qint64 begin, int log2Size) = 0;
};

} // namespace madoguchi::audit
