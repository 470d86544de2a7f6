#pragma once

#include "audit/SubtreeSource.h"

#include <vector>

namespace madoguchi::audit {

// All levels of a tree kept in memory (2n hashes): bundle verification and tests. levels[k][j] is the
// perfect subtree over leaves [j * 2^k, (j + 1) * 2^k).
class MemoryTree final : public SubtreeSource
{
public:
    explicit MemoryTree(std::vector<Hash> leaves);
    [[nodiscard]] qint64 size() const { return static_cast<qint64>(m_levels.front().size()); }
    [[nodiscard]] core::Result<Hash> perfect(qint64 begin, int log2Size) override;

private:
    std::vector<std::vector<Hash>> m_levels;
};

// The right edge of a growing tree (one hash per set bit of its size): appending is amortised one
// node hash, and root() folds the edge right to left, which equals RFC 6962 MTH(D[0:size]).
class TreeFrontier final
{
public:
    // A leaf, or a perfect subtree of 2^height leaves (heights must not grow along the edge).
    void append(const Hash& hash, int height = 0);
    [[nodiscard]] qint64 size() const { return m_size; }
    [[nodiscard]] Hash root() const;

private:
    std::vector<Hash> m_stack; // perfect subtrees, largest first
    std::vector<int> m_heights;
    qint64 m_size = 0;
};

} // namespace madoguchi::audit
