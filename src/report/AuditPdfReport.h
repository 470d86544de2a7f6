#pragma once

#include "audit/AuditQuery.h"
#include "core/Result.h"

#include <QString>

namespace madoguchi::store {
class Database;
}

namespace madoguchi::report {

// A filtered range of the audit log as a PDF for people (issue 5 item 4): QTextDocument printed by
// QPdfWriter. Those are Qt Gui (not Widgets), so the report lives in its own layer that both the app's
// audit page and `madoguchi-cli audit export --pdf` link. Text layout needs the font database, i.e. a
// QGuiApplication (the CLI starts one on the offscreen platform); without one: Errc::Unsupported.
// Returns the row count.
class AuditPdfReport final
{
public:
    static constexpr qint64 kMaxRows = 20000; // a report for people, not an archive: bundles are for that
    [[nodiscard]] static core::Result<qint64> write(store::Database& db, const audit::AuditFilter& filter,
                                                    const QString& title, const QString& path);
};

} // namespace madoguchi::report
