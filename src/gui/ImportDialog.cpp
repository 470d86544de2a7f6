#include "gui/ImportDialog.h"
#include "ui_ImportDialog.h"

#include "core/Clock.h"
#include "gui/ImportIssueModel.h"
#include "gui/Messages.h"
#include "services/LinkageService.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QPointer>
#include <QThread>

namespace madoguchi::gui {

namespace {

using Report = core::Result<services::ImportReport>;

QString fileSha256(const QString& path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    return file.open(QIODevice::ReadOnly) && hash.addData(&file) ? QString::fromLatin1(hash.result().toHex())
                                                                 : QString();
}

// The worker's whole life: own connection, own audit log on it (each stored row's entry commits with
// the row, issue 5 item 1), own LinkageService, the job; results go back queued.
Report runImport(const ImportDialog::Setup& setup, const services::Operator& op, const core::Clock& clock,
                 const QString& path, const services::ImportOptions& options, const std::atomic_bool* cancel,
                 const services::ImportCsvJob::Progress& progress)
{
    auto db = setup.openDatabase();
    if (!db) {
        return core::fail(db.error());
    }
    std::unique_ptr<services::WorkerAudit> audit;
    if (setup.openAudit) {
        auto opened = setup.openAudit(*db);
        if (!opened) {
            return core::fail(opened.error()); // never an unaudited import when the log exists
        }
        audit = std::move(*opened);
    }
    services::LinkageService linkages(*db, clock, setup.terminalPrefix, nullptr, audit.get());
    services::ImportCsvJob job(linkages, op, path, options);
    job.setCancelFlag(cancel);
    job.setProgress(progress);
    auto report = job.run();
    if (report && audit) {
        if (auto recorded = audit->trail().linkageImported(op, fileSha256(path), report->rows, report->rejected);
            !recorded) {
            return core::fail(recorded.error());
        }
    }
    return report;
}

} // namespace

ImportDialog::ImportDialog(Setup setup, const services::Operator& op, const core::Clock& clock, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ImportDialog>()), m_setup(std::move(setup)), m_operator(op),
      m_clock(clock), m_issues(new ImportIssueModel(this))
{
    m_ui->setupUi(this);
    m_ui->encodingComboBox->addItem(tr("Detect automatically"), int(services::CsvEncoding::Auto));
    m_ui->encodingComboBox->addItem(tr("UTF-8"), int(services::CsvEncoding::Utf8));
    m_ui->encodingComboBox->addItem(tr("Shift_JIS (Excel)"), int(services::CsvEncoding::Cp932));
    m_ui->modeComboBox->addItem(tr("Import the valid rows, report the others"),
                                int(services::ImportOptions::Mode::ValidRowsOnly));
    m_ui->modeComboBox->addItem(tr("All or nothing: any bad row stops the import"),
                                int(services::ImportOptions::Mode::AllOrNothing));
    m_ui->issuesTableView->setModel(m_issues);
    m_ui->issuesTableView->horizontalHeader()->setStretchLastSection(true);
    m_ui->summaryLabel->setText(tr("Choose a CSV file of linkages. Nothing is stored until you press Import."));
    connect(m_ui->browseButton, &QPushButton::clicked, this, &ImportDialog::onBrowseClicked);
    connect(m_ui->startButton, &QPushButton::clicked, this, &ImportDialog::start);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &ImportDialog::cancelImport);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &ImportDialog::reject);
    connect(m_ui->saveReportButton, &QPushButton::clicked, this, &ImportDialog::onSaveReportClicked);
    connect(m_ui->fileLineEdit, &QLineEdit::textChanged, this, &ImportDialog::updateButtons);
    updateButtons();
}

ImportDialog::~ImportDialog()
{
    stopWorker();
}

void ImportDialog::setFile(const QString& path)
{
    m_ui->fileLineEdit->setText(path);
}

void ImportDialog::setMode(services::ImportOptions::Mode mode)
{
    m_ui->modeComboBox->setCurrentIndex(m_ui->modeComboBox->findData(int(mode)));
}

void ImportDialog::setEncoding(services::CsvEncoding encoding)
{
    m_ui->encodingComboBox->setCurrentIndex(m_ui->encodingComboBox->findData(int(encoding)));
}

bool ImportDialog::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void ImportDialog::start()
{
    if (isRunning() || m_ui->fileLineEdit->text().isEmpty()) {
        return;
    }
    stopWorker();
    services::ImportOptions options;
    options.mode = static_cast<services::ImportOptions::Mode>(m_ui->modeComboBox->currentData().toInt());
    options.encoding = static_cast<services::CsvEncoding>(m_ui->encodingComboBox->currentData().toInt());
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_issues->setIssues({});
    m_ui->progressBar->setValue(0);
    m_ui->summaryLabel->setText(tr("Importing…"));
    const QPointer<ImportDialog> self(this);
    auto progress = [self](qint64 rows, qint64 bytesDone, qint64 bytesTotal) {
        const int percent = bytesTotal > 0 ? static_cast<int>(bytesDone * 100 / bytesTotal) : 0;
        QMetaObject::invokeMethod(
            self.data(),
            [self, rows, percent]() {
                if (self)
                    self->onProgress(rows, percent);
            },
            Qt::QueuedConnection);
    };
    m_thread.reset(QThread::create([self, setup = m_setup, op = m_operator, clock = &m_clock,
                                    path = m_ui->fileLineEdit->text(), options, cancel = m_cancel, progress]() {
        Report report = runImport(setup, op, *clock, path, options, cancel.get(), progress);
        QMetaObject::invokeMethod(
            self.data(),
            [self, report = std::move(report)]() {
                if (self)
                    self->onFinished(report);
            },
            Qt::QueuedConnection);
    }));
    m_thread->start();
    updateButtons();
}

void ImportDialog::cancelImport()
{
    if (m_cancel) {
        m_cancel->store(true);
        m_ui->summaryLabel->setText(tr("Cancelling…"));
    }
}

void ImportDialog::stopWorker()
{
    if (m_thread) {
        if (m_cancel) {
            m_cancel->store(true);
        }
        m_thread->wait();
        m_thread.reset();
    }
}

void ImportDialog::reject()
{
    if (isRunning()) {
        cancelImport(); // closing waits for the cancel, never leaves a worker behind
        stopWorker();
    }
    QDialog::reject();
}

void ImportDialog::onProgress(qint64 rows, int percent)
{
    m_ui->progressBar->setValue(percent);
    m_ui->summaryLabel->setText(tr("Importing… %n row(s) read.", nullptr, static_cast<int>(rows)));
    Q_EMIT progressed(percent);
}

void ImportDialog::onFinished(const Report& report)
{
    if (m_thread) {
        m_thread->wait(); // the worker's last statement was the queued call: it is ending
    }
    if (!report) {
        m_ui->summaryLabel->setText(report.error().code == core::Errc::Cancelled
                                        ? tr("✖ Import cancelled. Rows already committed are kept; importing the "
                                             "same file again resumes after them.")
                                        : QStringLiteral("✖ ") + Messages::describe(report.error()));
    } else {
        m_ui->progressBar->setValue(100);
        m_issues->setIssues(report->issues);
        m_ui->summaryLabel->setText(
            report->stored
                ? tr("✔ %1 row(s) read, %2 imported, %3 rejected.")
                      .arg(report->rows)
                      .arg(report->imported)
                      .arg(report->rejected)
                : tr("✖ Nothing was stored: %1 row(s) have problems (all-or-nothing).").arg(report->rejected));
    }
    updateButtons();
    Q_EMIT finished(report.has_value());
}

void ImportDialog::updateButtons()
{
    const bool running = isRunning();
    m_ui->startButton->setEnabled(!running && !m_ui->fileLineEdit->text().isEmpty());
    m_ui->cancelButton->setEnabled(running);
    m_ui->browseButton->setEnabled(!running);
    m_ui->saveReportButton->setEnabled(!running && m_issues->rowCount() > 0);
}

void ImportDialog::onBrowseClicked()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a linkage file"), QString(),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty()) {
        setFile(path);
    }
}

bool ImportDialog::saveReport(const QString& path) const
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && m_issues->saveCsv(file);
}

void ImportDialog::onSaveReportClicked()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save the import report"), QString(), tr("CSV files (*.csv)"));
    if (!path.isEmpty() && !saveReport(path)) {
        m_ui->summaryLabel->setText(tr("✖ The report could not be saved to %1.").arg(path));
    }
}

} // namespace madoguchi::gui
