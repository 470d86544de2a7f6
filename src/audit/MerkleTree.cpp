#include "audit/MerkleTree.h"

#include <bit>

namespace madoguchi::audit {

namespace {

core::Result<void> subproof(SubtreeSource& source, qint64 m, qint64 begin, qint64 end, bool whole, Proof& out)
{
    // RFC 6962 §2.1.2 SUBPROOF(m, D[begin:end], b); hashes are appended in the RFC's order.
    const qint64 n = end - begin;
    if (m == n) {
        if (!whole) {
            auto hash = MerkleTree::range(source, begin, end);
            if (!hash) {
                return core::fail(hash.error());
            }
            out.push_back(*hash);
        }
        return {};
    }
    const qint64 k = MerkleTree::splitPoint(n);
    if (m <= k) {
        if (auto left = subproof(source, m, begin, begin + k, whole, out); !left) {
            return left;
        }
        auto right = MerkleTree::range(source, begin + k, end);
        if (!right) {
            return core::fail(right.error());
        }
        out.push_back(*right);
        return {};
    }
    if (auto right = subproof(source, m - k, begin + k, end, false, out); !right) {
        return right;
    }
    auto left = MerkleTree::range(source, begin, begin + k);
    if (!left) {
        return core::fail(left.error());
    }
    out.push_back(*left);
    return {};
}

void shiftUntilOddOrZero(qint64& fn, qint64& sn)
{
    while ((fn & 1) == 0 && fn != 0) {
        fn >>= 1;
        sn >>= 1;
    }
}

} // namespace

qint64 MerkleTree::splitPoint(qint64 n)
{
    return static_cast<qint64>(std::bit_floor(static_cast<quint64>(n - 1)));
}

int MerkleTree::log2Exact(qint64 n)
{
    return std::countr_zero(static_cast<quint64>(n));
}

core::Result<Hash> MerkleTree::root(SubtreeSource& source, qint64 size)
{
    if (size == 0) {
        return emptyTreeHash();
    }
    return range(source, 0, size);
}

core::Result<Hash> MerkleTree::range(SubtreeSource& source, qint64 begin, qint64 end)
{
    const qint64 n = end - begin;
    if (n <= 0) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("empty Merkle range"));
    }
    if (isPowerOfTwo(n) && begin % n == 0) {
        return source.perfect(begin, log2Exact(n));
    }
    const qint64 k = splitPoint(n);
    auto left = range(source, begin, begin + k);
    if (!left) {
        return left;
    }
    auto right = range(source, begin + k, end);
    if (!right) {
        return right;
    }
    return nodeHash(*left, *right);
}

core::Result<Proof> MerkleTree::inclusionProof(SubtreeSource& source, qint64 index, qint64 size)
{
    if (index < 0 || index >= size) {
        return core::fail(core::Errc::InvalidArgument,
                          QStringLiteral("leaf %1 not in a tree of %2").arg(index).arg(size));
    }
    // RFC 6962 §2.1.1 PATH(m, D[begin:end]) unrolled: the sibling of each step, deepest first.
    Proof reversed;
    qint64 begin = 0;
    qint64 end = size;
    qint64 m = index;
    while (end - begin > 1) {
        const qint64 k = splitPoint(end - begin);
        auto sibling = m < k ? range(source, begin + k, end) : range(source, begin, begin + k);
        if (!sibling) {
            return core::fail(sibling.error());
        }
        reversed.push_back(*sibling);
        if (m < k) {
            end = begin + k;
        } else {
            begin += k;
            m -= k;
        }
    }
    return Proof(reversed.rbegin(), reversed.rend());
}

core::Result<Proof> MerkleTree::consistencyProof(SubtreeSource& source, qint64 oldSize, qint64 newSize)
{
    if (oldSize < 0 || oldSize > newSize) {
        return core::fail(core::Errc::InvalidArgument,
                          QStringLiteral("no consistency proof from %1 to %2").arg(oldSize).arg(newSize));
    }
    Proof proof;
    if (oldSize == 0 || oldSize == newSize) {
        return proof;
    }
    if (auto made = subproof(source, oldSize, 0, newSize, true, proof); !made) {
        return core::fail(made.error());
    }
    return proof;
}

bool MerkleTree::verifyInclusion(const Hash& leaf, qint64 index, qint64 size, const Proof& proof, const Hash& root)
{
    // RFC 9162 §2.1.3.2.
    if (index < 0 || index >= size) {
        return false;
    }
    qint64 fn = index;
    qint64 sn = size - 1;
    Hash r = leaf;
    for (const Hash& p : proof) {
        if (sn == 0) {
            return false;
        }
        if ((fn & 1) != 0 || fn == sn) {
            r = nodeHash(p, r);
            shiftUntilOddOrZero(fn, sn);
        } else {
            r = nodeHash(r, p);
        }
        fn >>= 1;
        sn >>= 1;
    }
    return sn == 0 && r == root;
}

bool MerkleTree::verifyConsistency(qint64 oldSize, qint64 newSize, const Hash& oldRoot, const Hash& newRoot,
                                   const Proof& proof)
{
    // RFC 9162 §2.1.4.2.
    if (oldSize < 0 || oldSize > newSize) {
        return false;
    }
    if (oldSize == newSize) {
        return proof.empty() && oldRoot == newRoot;
    }
    if (oldSize == 0) {
        return proof.empty();
    }
    if (proof.empty()) {
        return false;
    }
    Proof path = proof;
    if (isPowerOfTwo(oldSize)) {
        path.insert(path.begin(), oldRoot);
    }
    qint64 fn = oldSize - 1;
    qint64 sn = newSize - 1;
    while ((fn & 1) != 0) {
        fn >>= 1;
        sn >>= 1;
    }
    Hash fr = path.front();
    Hash sr = path.front();
    for (std::size_t i = 1; i < path.size(); ++i) {
        const Hash& c = path[i];
        if (sn == 0) {
            return false;
        }
        if ((fn & 1) != 0 || fn == sn) {
            fr = nodeHash(c, fr);
            sr = nodeHash(c, sr);
            shiftUntilOddOrZero(fn, sn);
        } else {
            sr = nodeHash(sr, c);
        }
        fn >>= 1;
        sn >>= 1;
    }
    return fr == oldRoot && sr == newRoot && sn == 0;
}

} // namespace madoguchi::audit
