#pragma once

#include "audit/VerifyReport.h"
#include "core/Result.h"
#include "core/SecureBytes.h"
#include "services/Operator.h"
#include "store/Database.h"

#include <QString>

#include <functional>

namespace madoguchi::services {

// What the auditor's page needs to read and verify the log: a way to open its OWN connections to the
// database (WAL lets a verification run beside the app's writer) without holding the key itself, the
// database path (the terminal key trusted for verification lies beside it), and who is looking
// (exports are recorded in their name).
class AuditViewSource final
{
public:
    using ConnectionOpener = std::function<core::Result<store::Database>()>;

    // Tools and tests: the raw key is kept here, in SecureBytes.
    AuditViewSource(QString databasePath, core::SecureBytes databaseKey, Operator viewer);
    // The app: connections from StoreSession::workerConnectionOpener() (the key stays in the session);
    // `viewer` is the session's current operator and must outlive this source.
    AuditViewSource(QString databasePath, ConnectionOpener open, const Operator& viewer);
    AuditViewSource(const AuditViewSource&) = delete;
    AuditViewSource& operator=(const AuditViewSource&) = delete;

    // Callable from any thread.
    [[nodiscard]] core::Result<store::Database> openConnection() const;
    [[nodiscard]] const QString& databasePath() const { return m_path; }
    [[nodiscard]] const Operator& viewer() const { return *m_viewer; }

    // The whole verification on a fresh connection; meant for a worker thread. `cancel` is polled.
    [[nodiscard]] core::Result<audit::VerifyReport> verify(const audit::VerifyProgress& progress) const;
    // Records an export by the viewer (CSV, PDF) in the log itself (issue 5 item 4).
    [[nodiscard]] core::Result<void> recordExport(const QString& format, const QString& filter, qint64 rows) const;

private:
    QString m_path;
    ConnectionOpener m_open;
    Operator m_ownViewer;
    const Operator* m_viewer;
};

} // namespace madoguchi::services
