#include "gui/SyncPage.h"
#include "ui_SyncPage.h"

#include "gui/LinkageLabels.h"
#include "gui/Messages.h"
#include "gui/SyncConflictModel.h"
#include "services/SyncService.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QShortcut>
#include <QStyle>

namespace madoguchi::gui {

namespace {

QString timeText(const QDateTime& at)
{
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : SyncPage::tr("never");
}

} // namespace

SyncPage::SyncPage(services::SyncService* service, const services::Operator& op, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::SyncPage>()), m_service(service), m_operator(op),
      m_conflicts(new SyncConflictModel(this))
{
    m_ui->setupUi(this);
    m_ui->notConfiguredIconLabel->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(48, 48));
    m_ui->conflictsTableView->setModel(m_conflicts);
    QHeaderView* header = m_ui->conflictsTableView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SyncConflictModel::ReasonColumn, QHeaderView::Stretch);
    m_ui->conflictsTableView->setTextElideMode(Qt::ElideMiddle); // card ids are long; both ends tell them apart
    m_ui->conflictsTableView->setWordWrap(false);
    m_ui->progressBar->setRange(0, 0);
    m_ui->progressBar->hide();
    connect(m_ui->openSettingsButton, &QPushButton::clicked, this, &SyncPage::settingsRequested);
    connect(m_ui->syncNowButton, &QPushButton::clicked, this, &SyncPage::syncNow);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &SyncPage::cancelSync);
    connect(m_ui->keepOursButton, &QPushButton::clicked, this,
            [this]() { resolveSelected(services::SyncConflicts::Choice::KeepOurs); });
    connect(m_ui->takeTheirsButton, &QPushButton::clicked, this,
            [this]() { resolveSelected(services::SyncConflicts::Choice::TakeTheirs); });
    connect(m_ui->conflictsTableView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SyncPage::showSelectedConflict);
    connect(new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_R), this), &QShortcut::activated, this, &SyncPage::syncNow);
    if (m_service != nullptr) {
        connect(m_service, &services::SyncService::progressed, this, &SyncPage::onProgress);
        connect(m_service, &services::SyncService::finished, this, &SyncPage::onFinished);
    }
    refresh();
}

SyncPage::~SyncPage() = default;

void SyncPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refresh();
}

void SyncPage::refresh()
{
    if (m_service == nullptr || !m_service->isConfigured()) {
        m_ui->syncStack->setCurrentWidget(m_ui->notConfiguredPage);
        return; // training without a platform: no network, nothing to wait for
    }
    m_ui->syncStack->setCurrentWidget(m_ui->statusPage);
    auto status = m_service->status(m_operator);
    if (!status) {
        m_ui->stateLabel->setText(Messages::describe(status.error()));
        m_ui->stateIconLabel->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(16, 16));
        m_conflicts->setConflicts({});
        updateActions();
        return;
    }
    showStatus(*status);
    const int selected = selectedRow();
    m_conflicts->setConflicts(m_service->conflicts().list(m_operator).value_or(QList<services::SyncConflict>()));
    m_ui->conflictsStack->setCurrentWidget(m_conflicts->rowCount() > 0 ? m_ui->conflictsListPage
                                                                       : m_ui->conflictsEmptyPage);
    if (m_conflicts->rowCount() > 0) {
        m_ui->conflictsTableView->selectRow(std::clamp(selected, 0, m_conflicts->rowCount() - 1));
    }
    showSelectedConflict();
}

void SyncPage::showStatus(const services::SyncStatus& s)
{
    using services::SyncState;
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    QString text;
    switch (s.state) {
    case SyncState::NotConfigured:
        text = tr("Not configured");
        break;
    case SyncState::Waiting:
        text = tr("Changes wait to be sent");
        icon = QStyle::SP_ArrowUp;
        break;
    case SyncState::Syncing:
        text = tr("Syncing…");
        icon = QStyle::SP_BrowserReload;
        break;
    case SyncState::UpToDate:
        text = tr("Up to date");
        icon = QStyle::SP_DialogApplyButton;
        break;
    case SyncState::Offline:
        text = tr("Offline — work continues here and is sent at the next sync");
        icon = QStyle::SP_MessageBoxWarning;
        break;
    case SyncState::Error:
        text = tr("Error: %1").arg(s.lastError ? Messages::describe(*s.lastError) : QString());
        icon = QStyle::SP_MessageBoxCritical;
        break;
    }
    if (s.openConflicts > 0) {
        text += QLatin1Char(' ') + tr("(%n conflict(s) to decide)", nullptr, static_cast<int>(s.openConflicts));
    }
    m_ui->platformLabel->setText(s.platform.toDisplayString());
    m_ui->stateLabel->setText(text);
    m_ui->stateIconLabel->setPixmap(style()->standardIcon(icon).pixmap(16, 16));
    m_ui->stateIconLabel->setAccessibleName(text);
    m_ui->lastPushLabel->setText(timeText(s.lastPush));
    m_ui->lastPullLabel->setText(timeText(s.lastPull));
    m_ui->pendingLabel->setText(tr("%n change(s)", nullptr, static_cast<int>(s.pending)));
    if (s.lastError && s.state != SyncState::Syncing) {
        m_ui->progressLabel->setText(Messages::describe(*s.lastError));
        m_ui->progressLabel->setToolTip(Messages::technical(*s.lastError));
    }
    updateActions();
}

int SyncPage::selectedRow() const
{
    const QModelIndexList rows = m_ui->conflictsTableView->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

// A version as a person reads it: kind, state, the fields by their labels, where and by whom.
QString SyncPage::versionText(const QJsonObject& v)
{
    if (!v.contains(QStringLiteral("linkageId"))) { // a refusal, not a linkage
        return tr("The platform refused this change: %1")
            .arg(v.value(QStringLiteral("message")).toString(v.value(QStringLiteral("code")).toString()));
    }
    QStringList lines;
    const auto status = store::statusFromName(v.value(QStringLiteral("status")).toString());
    lines
        << tr("Status: %1").arg(status ? LinkageLabels::status(*status) : v.value(QStringLiteral("status")).toString());
    lines << tr("Version: %1").arg(v.value(QStringLiteral("version")).toInt());
    const QJsonObject fields = v.value(QStringLiteral("fields")).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        lines << QStringLiteral("%1: %2").arg(LinkageLabels::field(it.key()), it.value().toString());
    }
    if (const QString from = v.value(QStringLiteral("validFrom")).toString(); !from.isEmpty()) {
        lines << tr("Valid from: %1").arg(from);
    }
    const QString terminal = v.value(QStringLiteral("terminalId")).toString();
    lines << tr("By: %1").arg(terminal.isEmpty()
                                  ? v.value(QStringLiteral("operator")).toString()
                                  : tr("%1 at %2").arg(v.value(QStringLiteral("operator")).toString(), terminal));
    return lines.join(QLatin1Char('\n'));
}

void SyncPage::showSelectedConflict()
{
    const services::SyncConflict* c = m_conflicts->conflictAt(selectedRow());
    m_ui->oursTextBrowser->setPlainText(c != nullptr ? versionText(c->ours) : QString());
    m_ui->theirsTextBrowser->setPlainText(c != nullptr ? versionText(c->theirs) : QString());
    if (c == nullptr) {
        m_ui->resolveHintLabel->clear();
    } else if (!services::SyncConflicts::mayResolve(m_operator, c->kind)) {
        m_ui->resolveHintLabel->setText(tr("Your role may look at conflicts but not decide them."));
    } else {
        m_ui->resolveHintLabel->setText(
            tr("Compare both versions with the resident's documents, then choose one. The choice is recorded."));
    }
    updateActions();
}

void SyncPage::updateActions()
{
    const bool running = m_service != nullptr && m_service->isRunning();
    m_ui->syncNowButton->setEnabled(!running && m_service != nullptr && services::SyncService::mayStart(m_operator));
    m_ui->cancelButton->setEnabled(running);
    m_ui->progressBar->setVisible(running);
    const services::SyncConflict* c = m_conflicts->conflictAt(selectedRow());
    const bool mayResolve = !running && c != nullptr && services::SyncConflicts::mayResolve(m_operator, c->kind);
    m_ui->keepOursButton->setEnabled(mayResolve);
    m_ui->takeTheirsButton->setEnabled(mayResolve);
}

void SyncPage::syncNow()
{
    if (m_service == nullptr || m_service->isRunning()) {
        return;
    }
    if (auto started = m_service->start(m_operator); !started) {
        m_ui->progressLabel->setText(Messages::describe(started.error()));
        m_ui->progressLabel->setToolTip(Messages::technical(started.error()));
        return;
    }
    m_ui->progressLabel->setText(tr("Connecting to the platform…"));
    m_ui->progressLabel->setToolTip(QString());
    refresh();
}

void SyncPage::cancelSync()
{
    if (m_service != nullptr && m_service->isRunning()) {
        m_service->cancel();
        m_ui->progressLabel->setText(tr("Cancelling…"));
    }
}

void SyncPage::onProgress(int pushed, int pulled)
{
    m_ui->progressLabel->setText(tr("%1 sent, %2 received…").arg(pushed).arg(pulled));
}

void SyncPage::onFinished(bool ok)
{
    if (ok) {
        const auto& r = m_service->lastReport();
        m_ui->progressLabel->setText(tr("Done: %1 sent, %2 received, %3 new conflict(s).")
                                         .arg(r.pushed)
                                         .arg(r.pulledLinkages + r.pulledRevocations)
                                         .arg(r.conflicts));
    }
    refresh();
}

void SyncPage::resolveSelected(services::SyncConflicts::Choice choice)
{
    const services::SyncConflict* c = m_conflicts->conflictAt(selectedRow());
    if (m_service == nullptr || c == nullptr) {
        return;
    }
    if (auto resolved = m_service->conflicts().resolve(m_operator, c->id, choice); !resolved) {
        m_ui->resolveHintLabel->setText(Messages::describe(resolved.error()));
        m_ui->resolveHintLabel->setToolTip(Messages::technical(resolved.error()));
        return;
    }
    m_ui->progressLabel->setText(choice == services::SyncConflicts::Choice::KeepOurs
                                     ? tr("Kept this counter's version; it is sent at the next sync.")
                                     : tr("Took the platform's version; this counter's one is ended."));
    refresh();
}

} // namespace madoguchi::gui
