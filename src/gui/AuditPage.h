#pragma once

#include "audit/VerifyReport.h"
#include "core/Result.h"

#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>

namespace Ui {
class AuditPage;
}

namespace madoguchi::services {
class AuditViewSource;
}
namespace madoguchi::store {
class Database;
}

namespace madoguchi::gui {

class AuditLogModel;

// The auditors' page (issue 5 item 6): a lazily filled list of the audit log with filters (time,
// operator, action, card/subject), the selected entry in full, "Verify log" on a worker thread with
// its own connection (progress + cancel), and CSV/PDF export (each export recorded in the log).
// Read-only for everyone: nothing here can change an entry.
class AuditPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditPage)

public:
    explicit AuditPage(const services::AuditViewSource& source, QWidget* parent = nullptr);
    ~AuditPage() override;

    [[nodiscard]] AuditLogModel* model() const { return m_model.get(); }
    void startVerify();
    void cancelVerify();
    // The exports without their file dialogs (the buttons ask for a path first).
    [[nodiscard]] bool exportCsvTo(const QString& path);
    [[nodiscard]] bool exportPdfTo(const QString& path);

signals:
    void verifyFinished(bool ok);

private:
    void applyFilter();
    void clearFilter();
    void showDetail();
    void updateEmptyState();
    void onVerifyProgress(qint64 done, qint64 total);
    void onVerifyDone(const core::Result<audit::VerifyReport>& report);
    void showStatus(bool ok, const QString& text);
    void onExportCsv();
    void onExportPdf();
    void recordExport(const QString& format, qint64 rows);

    const std::unique_ptr<Ui::AuditPage> m_ui;
    const services::AuditViewSource* m_source;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<AuditLogModel> m_model;
    QThread* m_worker = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace madoguchi::gui
