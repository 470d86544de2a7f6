#pragma once

#include "audit/VerifyReport.h"
#include "core/Result.h"
#include "core/SecureBytes.h"
#include "services/Operator.h"
#include "store/Database.h"

#include <QString>

#include <atomic>

namespace madoguchi::services {

// What the auditor's page needs to read and verify the log: the database path and its raw key (each
// reader opens its OWN connection — WAL lets a verification run beside the app's writer), the
// terminal key trusted for verification, and who is looking (exports are recorded in their name).
class AuditViewSource final
{
public:
    AuditViewSource(QString databasePath, core::SecureBytes databaseKey, Operator viewer);

    [[nodiscard]] core::Result<store::Database> openConnection() const;
    [[nodiscard]] const QString& databasePath() const { return m_path; }
    [[nodiscard]] const Operator& viewer() const { return m_viewer; }

    // The whole verification on a fresh connection; meant for a worker thread. `cancel` is polled.
    [[nodiscard]] core::Result<audit::VerifyReport> verify(const audit::VerifyProgress& progress) const;
    // Records an export by the viewer (CSV, PDF) in the log itself (issue 5 item 4).
    [[nodiscard]] core::Result<void> recordExport(const QString& format, const QString& filter, qint64 rows) const;

private:
    QString m_path;
    core::SecureBytes m_key;
    Operator m_viewer;
};

} // namespace madoguchi::services
