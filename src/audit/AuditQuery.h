#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace madoguchi::store {
class Database;
}

namespace madoguchi::audit {

// A filter over the log for people (GUI, CSV, PDF). Empty fields match everything; text fields match
// exactly except `subject`, which matches a prefix (a card identity "card:<issuer>:" finds its cards).
struct AuditFilter
{
    qint64 fromIndex = 0;
    qint64 toIndex = -1; // exclusive; -1: to the end
    QDateTime from;      // inclusive, UTC
    QDateTime to;        // exclusive, UTC
    QString operatorId;
    QString action;
    QString subject;

    [[nodiscard]] QString describe() const;
};

// One row as the list shows it: the indexed columns, not the body.
struct AuditRow
{
    qint64 index = 0;
    qint64 timeMs = 0;
    QString operatorId;
    QString role;
    QString action;
    QString subject;
};

// Windowed reads by rowid (idx is the INTEGER PRIMARY KEY): a page after `afterIndex` costs one
// b-tree descent plus the rows it returns, so a list over 10^6 entries opens as fast as over ten.
class AuditQuery final
{
public:
    [[nodiscard]] static core::Result<std::vector<AuditRow>> page(store::Database& db, const AuditFilter& filter,
                                                                  qint64 afterIndex, int limit);
};

} // namespace madoguchi::audit
