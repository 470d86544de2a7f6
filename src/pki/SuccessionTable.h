#pragma once

#include "core/Result.h"
#include "pki/SuccessionLink.h"
#include "pki/SuccessionParser.h"

#include <QHash>

#include <optional>

class QIODevice;

namespace madoguchi::pki {

struct SuccessionImportSummary
{
    SuccessionParseSummary parsed;
    qint64 added = 0;      // new links
    qint64 duplicates = 0; // links already known, identical
    qint64 refused = 0;    // parsed fine but contradicting the table (conflict, cycle)
};

// The serial-succession table: old certificate → its successor, from the J-LIS old↔new links.
// Invariants: every old certificate has at most one successor, and following successors never
// comes back (no cycles), so chains old → new → newer always end, at the latest certificate.
class SuccessionTable final
{
public:
    // Adds one link. An identical link again is fine (imports are repeatable);
    // SuccessionConflict if `from` already has another successor; SuccessionCycle if `to` already
    // leads back to `from`.
    [[nodiscard]] core::Result<bool> add(const SuccessionLink& link); // true: new, false: duplicate
    // The direct successor, if any.
    [[nodiscard]] std::optional<SuccessionLink> successorOf(const SuccessionKey& key) const;
    // The end of the chain starting at `key` (old → new → newer → latest); nullopt if `key` has
    // no successor at all.
    [[nodiscard]] std::optional<SuccessionKey> latestSuccessorOf(const SuccessionKey& key) const;
    [[nodiscard]] qsizetype size() const { return m_next.size(); }

    // Streams a file in one of the documented formats into the table; row-level problems, including
    // conflicts and cycles, go to onError and the import continues.
    [[nodiscard]] core::Result<SuccessionImportSummary> import(QIODevice& input, SuccessionFormat format,
                                                               const SuccessionParser::ErrorSink& onError);

private:
    QHash<SuccessionKey, SuccessionLink> m_next;
};

} // namespace madoguchi::pki
