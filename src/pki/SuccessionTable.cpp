#include "pki/SuccessionTable.h"

namespace madoguchi::pki {

using core::Errc;

core::Result<bool> SuccessionTable::add(const SuccessionLink& link)
{
    if (link.from == link.to) {
        return core::fail(Errc::SuccessionCycle, QStringLiteral("%1 succeeds itself").arg(link.from.toString()));
    }
    if (const auto it = m_next.constFind(link.from); it != m_next.cend()) {
        if (it->to == link.to) {
            return false;
        }
        return core::fail(Errc::SuccessionConflict,
                          QStringLiteral("%1 already succeeded by %2, not %3")
                              .arg(link.from.toString(), it->to.toString(), link.to.toString()));
    }
    // The table is acyclic, so this walk ends; it meets link.from only if the new link closes a loop.
    for (auto it = m_next.constFind(link.to); it != m_next.cend(); it = m_next.constFind(it->to)) {
        if (it->to == link.from) {
            return core::fail(
                Errc::SuccessionCycle,
                QStringLiteral("%1 → %2 would close a cycle").arg(link.from.toString(), link.to.toString()));
        }
    }
    m_next.insert(link.from, link);
    return true;
}

std::optional<SuccessionLink> SuccessionTable::successorOf(const SuccessionKey& key) const
{
    const auto it = m_next.constFind(key);
    if (it == m_next.cend()) {
        return std::nullopt;
    }
    return *it;
}

std::optional<SuccessionKey> SuccessionTable::latestSuccessorOf(const SuccessionKey& key) const
{
    auto it = m_next.constFind(key);
    if (it == m_next.cend()) {
        return std::nullopt;
    }
    while (true) {
        const auto next = m_next.constFind(it->to);
        if (next == m_next.cend()) {
            return it->to;
        }
        it = next;
    }
}

core::Result<SuccessionImportSummary> SuccessionTable::import(QIODevice& input, SuccessionFormat format,
                                                              const SuccessionParser::ErrorSink& onError)
{
    SuccessionImportSummary summary;
    const auto onLink = [&](const SuccessionLink& link, qint64 row) {
        const auto added = add(link);
        if (!added) {
            ++summary.refused;
            onError(SuccessionRowError{row, QStringLiteral("new_serial"), added.error().toString()});
        } else if (*added) {
            ++summary.added;
        } else {
            ++summary.duplicates;
        }
    };
    auto parsed = SuccessionParser::parse(input, format, onLink, onError);
    if (!parsed) {
        return core::fail(parsed.error());
    }
    summary.parsed = *parsed;
    return summary;
}

} // namespace madoguchi::pki
