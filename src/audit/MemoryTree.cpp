#include "audit/MemoryTree.h"

namespace madoguchi::audit {

MemoryTree::MemoryTree(std::vector<Hash> leaves)
{
    m_levels.push_back(std::move(leaves));
    while (m_levels.back().size() > 1) {
        const std::vector<Hash>& below = m_levels.back();
        std::vector<Hash> level;
        level.reserve(below.size() / 2);
        for (std::size_t i = 0; i + 1 < below.size(); i += 2) {
            level.push_back(nodeHash(below[i], below[i + 1]));
        }
        m_levels.push_back(std::move(level));
    }
}

core::Result<Hash> MemoryTree::perfect(qint64 begin, int log2Size)
{
    const auto level = static_cast<std::size_t>(log2Size);
    const qint64 index = begin >> log2Size;
    if (level >= m_levels.size() || index >= static_cast<qint64>(m_levels[level].size())) {
        return core::fail(core::Errc::NotFound,
                          QStringLiteral("no subtree of 2^%1 leaves at %2").arg(log2Size).arg(begin));
    }
    return m_levels[level][static_cast<std::size_t>(index)];
}

void TreeFrontier::append(const Hash& hash, int height)
{
    m_stack.push_back(hash);
    m_heights.push_back(height);
    while (m_heights.size() >= 2 && m_heights[m_heights.size() - 1] == m_heights[m_heights.size() - 2]) {
        const Hash right = m_stack.back();
        m_stack.pop_back();
        m_heights.pop_back();
        m_stack.back() = nodeHash(m_stack.back(), right);
        ++m_heights.back();
    }
    m_size += qint64(1) << height;
}

Hash TreeFrontier::root() const
{
    if (m_stack.empty()) {
        return emptyTreeHash();
    }
    Hash r = m_stack.back();
    for (auto it = m_stack.rbegin() + 1; it != m_stack.rend(); ++it) {
        r = nodeHash(*it, r);
    }
    return r;
}

} // namespace madoguchi::audit
