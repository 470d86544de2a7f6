#pragma once

#include "core/Result.h"
#include "services/CsvFieldDecoder.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace madoguchi::services {

// The header row of a linkage file: Japanese or English column names → canonical field names
// ("保険者番号" and "insurer_number" → "insurer_number").
class ImportColumns final
{
public:
    // Canonical name → column index. Refuses a file with an individual-number column (jpki-card.md §7)
    // and one without the card identity columns.
    [[nodiscard]] static core::Result<QHash<QString, int>> map(const QList<QByteArray>& header,
                                                               CsvFieldDecoder& decoder);
};

} // namespace madoguchi::services
