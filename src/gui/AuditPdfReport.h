#pragma once

#include "audit/AuditQuery.h"
#include "core/Result.h"

#include <QString>

namespace madoguchi::store {
class Database;
}

namespace madoguchi::gui {

// A filtered range of the audit log as a PDF for people (issue 5 item 4): QTextDocument printed by
// QPdfWriter (Qt Gui, hence here in the gui layer, not in audit or services). Returns the row count.
class AuditPdfReport final
{
public:
    static constexpr qint64 kMaxRows = 20000; // a report for people, not an archive: bundles are for that
    [[nodiscard]] static core::Result<qint64> write(store::Database& db, const audit::AuditFilter& filter,
                                                    const QString& title, const QString& path);
};

} // namespace madoguchi::gui
