#include "audit/AuditQuery.h"

#include "store/Database.h"

#include <string>

namespace madoguchi::audit {

QString AuditFilter::describe() const
{
    QStringList parts;
    parts << QStringLiteral("index %1..%2")
                 .arg(fromIndex)
                 .arg(toIndex < 0 ? QStringLiteral("end") : QString::number(toIndex));
    if (from.isValid()) {
        parts << QStringLiteral("from %1").arg(from.toUTC().toString(Qt::ISODate));
    }
    if (to.isValid()) {
        parts << QStringLiteral("to %1").arg(to.toUTC().toString(Qt::ISODate));
    }
    if (!operatorId.isEmpty()) {
        parts << QStringLiteral("operator %1").arg(operatorId);
    }
    if (!action.isEmpty()) {
        parts << QStringLiteral("action %1").arg(action);
    }
    if (!subject.isEmpty()) {
        parts << QStringLiteral("subject %1*").arg(subject);
    }
    return parts.join(QStringLiteral(", "));
}

core::Result<std::vector<AuditRow>> AuditQuery::page(store::Database& db, const AuditFilter& filter, qint64 afterIndex,
                                                     int limit)
{
    // Every condition is present and disabled by its own parameter, so one SQL text serves all filters.
    auto select =
        db.prepare("SELECT idx, at_ms, operator, role, action, subject FROM audit_entry "
                   "WHERE idx > ?1 AND idx >= ?2 AND (?3 < 0 OR idx < ?3) AND (?4 IS NULL OR at_ms >= ?4) "
                   "AND (?5 IS NULL OR at_ms < ?5) AND (?6 IS NULL OR operator = ?6) AND (?7 IS NULL OR action = ?7) "
                   "AND (?8 IS NULL OR substr(subject, 1, length(?8)) = ?8) ORDER BY idx LIMIT ?9");
    if (!select) {
        return core::fail(select.error());
    }
    select->bind(1, afterIndex).bind(2, filter.fromIndex).bind(3, filter.toIndex);
    filter.from.isValid() ? select->bind(4, filter.from.toMSecsSinceEpoch()) : select->bindNull(4);
    filter.to.isValid() ? select->bind(5, filter.to.toMSecsSinceEpoch()) : select->bindNull(5);
    select->bindOptional(6, filter.operatorId.isEmpty() ? QString() : filter.operatorId);
    select->bindOptional(7, filter.action.isEmpty() ? QString() : filter.action);
    select->bindOptional(8, filter.subject.isEmpty() ? QString() : filter.subject);
    select->bind(9, limit);
    std::vector<AuditRow> rows;
    while (true) {
        auto row = select->step();
        if (!row) {
            return core::fail(row.error());
        }
        if (!*row) {
            return rows;
        }
        rows.push_back({select->columnInt64(0), select->columnInt64(1), select->columnText(2), select->columnText(3),
                        select->columnText(4), select->columnText(5)});
    }
}

} // namespace madoguchi::audit
