#pragma once

#include "core/Result.h"
#include "services/ImportCsvJob.h"
#include "services/Operator.h"
#include "services/WorkerAudit.h"
#include "store/Database.h"

#include <QDialog>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace Ui {
class ImportDialog;
}

namespace madoguchi::core {
class Clock;
}

namespace madoguchi::gui {

class ImportIssueModel;

// The bulk import dialog (issue 4 item 8, issue 6 item 4): file, encoding, mode, progress, cancel and a
// row-level report. The ImportCsvJob runs on a worker thread with its OWN database connection (WAL lets
// it write beside the GUI's reads), so the GUI thread never waits for it.
class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    struct Setup
    {
        std::function<core::Result<store::Database>()> openDatabase; // a NEW connection, called on the worker
        QString terminalPrefix = QStringLiteral("T1");
        // The audit log on that connection (called on the worker); empty: the import is not audited.
        services::WorkerAuditOpener openAudit{};
    };

    ImportDialog(Setup setup, const services::Operator& op, const core::Clock& clock, QWidget* parent = nullptr);
    ~ImportDialog() override;

    void setFile(const QString& path);
    void setMode(services::ImportOptions::Mode mode);
    void setEncoding(services::CsvEncoding encoding);
    void start();
    void cancelImport();
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] ImportIssueModel* issueModel() const { return m_issues; }
    [[nodiscard]] bool saveReport(const QString& path) const;

    void reject() override;

Q_SIGNALS:
    void progressed(int percent);
    void finished(bool ok);

private:
    void onBrowseClicked();
    void onSaveReportClicked();
    void onProgress(qint64 rows, int percent);
    void onFinished(const core::Result<services::ImportReport>& report);
    void stopWorker();
    void updateButtons();

    const std::unique_ptr<Ui::ImportDialog> m_ui;
    Setup m_setup;
    const services::Operator m_operator;
    const core::Clock& m_clock;
    ImportIssueModel* m_issues;
    std::unique_ptr<QThread> m_thread;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace madoguchi::gui
