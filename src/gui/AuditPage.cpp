#include "gui/AuditPage.h"

#include "ui_AuditPage.h"

#include "audit/AuditStore.h"
#include "core/Logging.h"
#include "gui/AuditLogModel.h"
#include "gui/Messages.h"
#include "report/AuditPdfReport.h"
#include "services/AuditSetup.h"
#include "services/AuditViewSource.h"

#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QJsonDocument>
#include <QPointer>
#include <QStyle>
#include <QThread>

#include <array>

namespace madoguchi::gui {

namespace {

constexpr std::array kRecordedActions{"operator.sign_in",
                                      "operator.sign_in_failed",
                                      "operator.sign_out",
                                      "card.read",
                                      "card.pin_verify",
                                      "linkage.enrol",
                                      "linkage.find",
                                      "linkage.import",
                                      "linkage.export",
                                      "crl.import",
                                      "revocation.check",
                                      "card.revocation_block",
                                      "card.revocation_migrate",
                                      "card.revocation_change_of_address",
                                      "card.revocation_end",
                                      "setting.install",
                                      "setting.change",
                                      "config.trust_store",
                                      "config.db_key",
                                      "sync.push",
                                      "sync.pull",
                                      "audit.export",
                                      "audit.archive"};

} // namespace

AuditPage::AuditPage(const services::AuditViewSource& source, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::AuditPage>()), m_source(&source)
{
    m_ui->setupUi(this);
    // The actions services record (issue 5 item 1); the box is editable for any other.
    m_ui->actionComboBox->addItem(QString());
    for (const char* action : kRecordedActions) {
        m_ui->actionComboBox->addItem(QString::fromLatin1(action));
    }
    const QDateTime now = QDateTime::currentDateTime();
    m_ui->sinceDateTimeEdit->setDateTime(now.addDays(-30));
    m_ui->untilDateTimeEdit->setDateTime(now);
    auto db = source.openConnection();
    if (!db) {
        m_ui->emptyStateLabel->setText(tr("The audit log cannot be opened.") + u'\n' + Messages::describe(db.error()));
        m_ui->emptyStateLabel->setVisible(true);
        m_ui->listSplitter->setVisible(false);
        setEnabled(true);
        m_ui->filterGroupBox->setEnabled(false);
        m_ui->verifyButton->setEnabled(false);
        m_ui->exportCsvButton->setEnabled(false);
        m_ui->exportPdfButton->setEnabled(false);
        return;
    }
    m_db = std::make_unique<store::Database>(std::move(*db));
    m_model = std::make_unique<AuditLogModel>(*m_db);
    m_ui->auditTableView->setModel(m_model.get());
    m_ui->auditTableView->verticalHeader()->hide(); // the No. column is the entry's own index
    m_ui->auditTableView->horizontalHeader()->setStretchLastSection(true);
    m_ui->listSplitter->setStretchFactor(0, 3);
    connect(m_ui->sinceCheckBox, &QCheckBox::toggled, m_ui->sinceDateTimeEdit, &QWidget::setEnabled);
    connect(m_ui->untilCheckBox, &QCheckBox::toggled, m_ui->untilDateTimeEdit, &QWidget::setEnabled);
    connect(m_ui->applyFilterButton, &QPushButton::clicked, this, &AuditPage::applyFilter);
    connect(m_ui->clearFilterButton, &QPushButton::clicked, this, &AuditPage::clearFilter);
    connect(m_ui->operatorLineEdit, &QLineEdit::returnPressed, this, &AuditPage::applyFilter);
    connect(m_ui->subjectLineEdit, &QLineEdit::returnPressed, this, &AuditPage::applyFilter);
    connect(m_ui->auditTableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AuditPage::showDetail);
    connect(m_ui->verifyButton, &QPushButton::clicked, this, &AuditPage::startVerify);
    connect(m_ui->cancelVerifyButton, &QPushButton::clicked, this, &AuditPage::cancelVerify);
    connect(m_ui->exportCsvButton, &QPushButton::clicked, this, &AuditPage::onExportCsv);
    connect(m_ui->exportPdfButton, &QPushButton::clicked, this, &AuditPage::onExportPdf);
    connect(m_model.get(), &QAbstractItemModel::modelReset, this, &AuditPage::updateEmptyState);
    connect(m_model.get(), &QAbstractItemModel::rowsInserted, this, &AuditPage::updateEmptyState);
    m_model->setFilter({});
    if (m_model->canFetchMore({})) {
        m_model->fetchMore({});
    }
    m_ui->auditTableView->resizeColumnsToContents();
}

AuditPage::~AuditPage()
{
    cancelVerify();
    if (m_worker != nullptr) {
        m_worker->wait();
    }
}

void AuditPage::applyFilter()
{
    audit::AuditFilter filter;
    if (m_ui->sinceCheckBox->isChecked()) {
        filter.from = m_ui->sinceDateTimeEdit->dateTime().toUTC();
    }
    if (m_ui->untilCheckBox->isChecked()) {
        filter.to = m_ui->untilDateTimeEdit->dateTime().toUTC();
    }
    filter.operatorId = m_ui->operatorLineEdit->text().trimmed();
    filter.action = m_ui->actionComboBox->currentText().trimmed();
    filter.subject = m_ui->subjectLineEdit->text().trimmed();
    m_model->setFilter(filter);
    if (m_model->canFetchMore({})) {
        m_model->fetchMore({});
    }
}

void AuditPage::clearFilter()
{
    m_ui->sinceCheckBox->setChecked(false);
    m_ui->untilCheckBox->setChecked(false);
    m_ui->operatorLineEdit->clear();
    m_ui->actionComboBox->setCurrentIndex(0);
    m_ui->subjectLineEdit->clear();
    applyFilter();
}

void AuditPage::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    const bool filtered = !m_model->filter().describe().startsWith(QStringLiteral("index 0..end")) ||
                          m_model->filter().describe().contains(u',');
    m_ui->emptyStateLabel->setText(filtered ? tr("No entries match this filter. Clear the filter to see the whole log.")
                                            : tr("The audit log has no entries yet. Sign-ins, card reads and every "
                                                 "change to the registry will appear here."));
    m_ui->emptyStateLabel->setVisible(empty);
}

void AuditPage::showDetail()
{
    const qint64 index = m_model->entryIndex(m_ui->auditTableView->currentIndex().row());
    if (index < 0) {
        m_ui->detailPlainTextEdit->clear();
        return;
    }
    // The detail comes from the canonical bytes the tree covers, not from the list's columns.
    auto entry = audit::AuditStore::entry(*m_db, index);
    m_ui->detailPlainTextEdit->setPlainText(
        entry ? QString::fromUtf8(QJsonDocument(entry->toJson()).toJson(QJsonDocument::Indented))
              : Messages::describe(entry.error()));
}

void AuditPage::startVerify()
{
    if (m_worker != nullptr || m_db == nullptr) {
        return;
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_ui->verifyButton->setEnabled(false);
    m_ui->cancelVerifyButton->setVisible(true);
    m_ui->verifyProgressBar->setVisible(true);
    m_ui->verifyProgressBar->setRange(0, 0);
    showStatus(true, tr("Verifying…"));
    m_ui->verifyIconLabel->clear();
    QPointer<AuditPage> self(this);
    const services::AuditViewSource* source = m_source;
    std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    m_worker = QThread::create([self, source, cancel] {
        auto report = source->verify([self, cancel](qint64 done, qint64 total) {
            QMetaObject::invokeMethod(
                self, [self, done, total] { self->onVerifyProgress(done, total); }, Qt::QueuedConnection);
            return !cancel->load();
        });
        QMetaObject::invokeMethod(
            self, [self, report] { self->onVerifyDone(report); }, Qt::QueuedConnection);
    });
    connect(m_worker, &QThread::finished, m_worker, &QObject::deleteLater);
    m_worker->start();
}

void AuditPage::cancelVerify()
{
    if (m_cancel) {
        m_cancel->store(true);
    }
}

void AuditPage::onVerifyProgress(qint64 done, qint64 total)
{
    m_ui->verifyProgressBar->setRange(0, 1000);
    m_ui->verifyProgressBar->setValue(total > 0 ? static_cast<int>(done * 1000 / total) : 0);
}

void AuditPage::onVerifyDone(const core::Result<audit::VerifyReport>& report)
{
    if (m_worker != nullptr) {
        m_worker->wait();
    }
    m_worker = nullptr;
    m_ui->verifyButton->setEnabled(true);
    m_ui->cancelVerifyButton->setVisible(false);
    m_ui->verifyProgressBar->setVisible(false);
    if (!report) {
        showStatus(false, Messages::describe(report.error()));
    } else if (report->ok()) {
        showStatus(true,
                   tr("Intact: %n entries, %1 signed tree heads checked.", nullptr, static_cast<int>(report->entries))
                       .arg(report->heads));
    } else if (report->problem == audit::VerifyReport::Problem::Cancelled) {
        showStatus(false, tr("Verification cancelled; nothing was concluded."));
    } else {
        QString text = tr("NOT intact: %1").arg(report->detail);
        if (report->firstBadIndex >= 0) {
            text += u' ' + tr("(first bad entry: No. %1)").arg(report->firstBadIndex);
        }
        showStatus(false, text);
    }
    emit verifyFinished(report && report->ok());
}

void AuditPage::showStatus(bool ok, const QString& text)
{
    // Text and icon, never colour alone (issue 6 GUI rules).
    const QIcon icon = style()->standardIcon(ok ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxWarning);
    m_ui->verifyIconLabel->setPixmap(icon.pixmap(16, 16));
    m_ui->verifyStatusLabel->setText(text);
}

bool AuditPage::exportCsvTo(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        showStatus(false, Messages::describe({core::Errc::Io, path}));
        return false;
    }
    auto rows = services::AuditSetup::writeCsv(*m_db, m_model->filter(), file);
    if (!rows) {
        showStatus(false, Messages::describe(rows.error()));
        return false;
    }
    recordExport(QStringLiteral("csv"), *rows);
    return true;
}

bool AuditPage::exportPdfTo(const QString& path)
{
    auto rows = report::AuditPdfReport::write(*m_db, m_model->filter(), tr("Audit log report"), path);
    if (!rows) {
        showStatus(false, Messages::describe(rows.error()));
        return false;
    }
    recordExport(QStringLiteral("pdf"), *rows);
    return true;
}

void AuditPage::recordExport(const QString& format, qint64 rows)
{
    auto recorded = m_source->recordExport(format, m_model->filter().describe(), rows);
    showStatus(recorded.has_value(),
               recorded ? tr("Exported %n entries; the export is recorded in the log.", nullptr, static_cast<int>(rows))
                        : Messages::describe(recorded.error()));
}

void AuditPage::onExportCsv()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export audit entries as CSV"), QString(), tr("CSV files (*.csv)"));
    if (!path.isEmpty()) {
        (void)exportCsvTo(path);
    }
}

void AuditPage::onExportPdf()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export audit report as PDF"), QString(), tr("PDF files (*.pdf)"));
    if (!path.isEmpty()) {
        (void)exportPdfTo(path);
    }
}

} // namespace madoguchi::gui
