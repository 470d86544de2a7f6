#pragma once

#include "audit/SubtreeSource.h"

#include <vector>

namespace madoguchi::audit {

using Proof = std::vector<Hash>;

// RFC 6962 §2.1 Merkle tree hash, audit paths (§2.1.1) and consistency proofs (§2.1.2), and their
// verification as specified step by step in RFC 9162 §2.1.3.2 and §2.1.4.2.
class MerkleTree final
{
public:
    // MTH(D[0:size]); the empty tree hashes to SHA-256("").
    [[nodiscard]] static core::Result<Hash> root(SubtreeSource& source, qint64 size);
    // MTH(D[begin:end]) for a range the RFC recursion produces (begin a multiple of the largest
    // power of two not above end - begin).
    [[nodiscard]] static core::Result<Hash> range(SubtreeSource& source, qint64 begin, qint64 end);
    // PATH(index, D[0:size]).
    [[nodiscard]] static core::Result<Proof> inclusionProof(SubtreeSource& source, qint64 index, qint64 size);
    // PROOF(oldSize, D[0:newSize]); empty for oldSize == 0 or oldSize == newSize.
    [[nodiscard]] static core::Result<Proof> consistencyProof(SubtreeSource& source, qint64 oldSize, qint64 newSize);

    [[nodiscard]] static bool verifyInclusion(const Hash& leaf, qint64 index, qint64 size, const Proof& proof,
                                              const Hash& root);
    [[nodiscard]] static bool verifyConsistency(qint64 oldSize, qint64 newSize, const Hash& oldRoot,
                                                const Hash& newRoot, const Proof& proof);

    // The largest power of two strictly below n (n >= 2): RFC 6962's k.
    [[nodiscard]] static qint64 splitPoint(qint64 n);
    [[nodiscard]] static bool isPowerOfTwo(qint64 n) { return n > 0 && (n & (n - 1)) == 0; }
    [[nodiscard]] static int log2Exact(qint64 n);
};

} // namespace madoguchi::audit
