#include "gui/RevocationsPage.h"
#include "ui_RevocationsPage.h"

#include "gui/Messages.h"
#include "gui/RevocationsCrlModel.h"
#include "gui/RevocationsWorkModel.h"
#include "services/AccessPolicy.h"
#include "services/CrlOverview.h"
#include "services/CrlSweep.h"
#include "services/RevocationQueue.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QRegularExpression>

namespace madoguchi::gui {

using Queue = services::RevocationWorkItem::Queue;

RevocationsPage::RevocationsPage(services::CrlOverview& crls, services::RevocationQueue& queue,
                                 const services::Operator& op, QString ocspResponderUrl, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::RevocationsPage>()), m_crls(crls), m_queue(queue), m_operator(op),
      m_crlModel(new RevocationsCrlModel(this)), m_migrations(new RevocationsWorkModel(this)),
      m_addresses(new RevocationsWorkModel(this))
{
    m_ui->setupUi(this);
    m_ui->crlTableView->setModel(m_crlModel);
    m_ui->migrationTableView->setModel(m_migrations);
    m_ui->addressTableView->setModel(m_addresses);
    for (auto* view : {m_ui->crlTableView, m_ui->migrationTableView, m_ui->addressTableView}) {
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    }
    m_ui->ocspLabel->setText(ocspResponderUrl.isEmpty()
                                 ? tr("OCSP: no responder configured (set it in Settings); CRLs only.")
                                 : tr("OCSP responder: %1").arg(ocspResponderUrl));
    connect(m_ui->importCrlButton, &QPushButton::clicked, this, &RevocationsPage::onImportClicked);
    connect(m_ui->lookupButton, &QPushButton::clicked, this, [this]() { lookUp(m_ui->serialLineEdit->text()); });
    connect(m_ui->serialLineEdit, &QLineEdit::returnPressed, this, [this]() { lookUp(m_ui->serialLineEdit->text()); });
    connect(m_ui->markDoneButton, &QPushButton::clicked, this, &RevocationsPage::markSelectedDone);
    connect(m_ui->showDoneCheckBox, &QCheckBox::toggled, this, &RevocationsPage::refresh);
    connect(m_ui->queueTabWidget, &QTabWidget::currentChanged, this, &RevocationsPage::updateActions);
    for (auto* view : {m_ui->migrationTableView, m_ui->addressTableView}) {
        connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RevocationsPage::updateActions);
    }
    m_ui->importCrlButton->setEnabled(services::AccessPolicy::mayChangeCard(m_operator).has_value());
    showCrls();
    refresh();
}

RevocationsPage::~RevocationsPage() = default;

void RevocationsPage::showCrls()
{
    m_crlModel->setCrls(m_crls.crls());
    m_ui->crlStack->setCurrentWidget(m_crls.crls().isEmpty() ? m_ui->crlEmptyPage : m_ui->crlListPage);
    QMap<int, qint64> totals;
    for (const auto& crl : m_crls.crls()) {
        for (auto it = crl.countsByReason.begin(); it != crl.countsByReason.end(); ++it) {
            totals[it.key()] += it.value();
        }
    }
    QStringList parts;
    for (auto it = totals.begin(); it != totals.end(); ++it) {
        parts.append(tr("%1: %2").arg(RevocationsCrlModel::reasonText(it.key())).arg(it.value()));
    }
    m_ui->reasonCountsLabel->setText(
        parts.isEmpty() ? QString() : tr("Entries by reason — %1").arg(parts.join(QStringLiteral("; "))));
}

void RevocationsPage::importCrl(const QString& crlPath, const QString& issuerPemPath)
{
    auto imported = m_crls.import(crlPath, issuerPemPath);
    m_ui->lookupResultLabel->setText(
        imported ? tr("✔ CRL imported: %n entries.", nullptr, static_cast<int>(imported->entries)) + sweepRegistry()
                 : QStringLiteral("✖ ") + Messages::describe(imported.error()));
    showCrls();
    refresh();
}

// The registry's consequences of the new CRL, in one sentence after the import's.
QString RevocationsPage::sweepRegistry()
{
    if (m_sweep == nullptr) {
        return {};
    }
    auto swept = m_sweep->run(m_operator);
    if (!swept) {
        return QStringLiteral(" ✖ ") + Messages::describe(swept.error());
    }
    if (swept->cardsRevoked == 0) {
        return tr(" None of the %n registered card(s) is revoked by it.", nullptr, swept->cardsChecked);
    }
    return tr(" ⚠ %n registered card(s) revoked: their linkages are suspended or ended, migrations queued below.",
              nullptr, swept->cardsRevoked);
}

void RevocationsPage::onImportClicked()
{
    const QString crl = QFileDialog::getOpenFileName(this, tr("Choose the CRL"), QString(),
                                                     tr("CRL files (*.crl *.der);;All files (*)"));
    if (crl.isEmpty()) {
        return;
    }
    const QString ca = QFileDialog::getOpenFileName(this, tr("Choose the CA certificate that signed it"), QString(),
                                                    tr("PEM certificates (*.pem *.crt);;All files (*)"));
    if (!ca.isEmpty()) {
        importCrl(crl, ca);
    }
}

void RevocationsPage::lookUp(const QString& serialHex)
{
    QString hex = serialHex;
    hex.remove(QRegularExpression(QStringLiteral("[\\s:]")));
    if (hex.isEmpty() || !QRegularExpression(QStringLiteral("^[0-9A-Fa-f]+$")).match(hex).hasMatch()) {
        m_ui->lookupResultLabel->setText(tr("✖ Type the serial in hexadecimal, e.g. 01:2A:FF."));
        return;
    }
    if (hex.size() % 2 != 0) {
        hex.prepend(QLatin1Char('0'));
    }
    const auto found = m_crls.lookup(QByteArray::fromHex(hex.toLatin1()));
    if (!found) {
        m_ui->lookupResultLabel->setText(tr("? Unknown: no CRL is loaded, so nothing can be said about this serial."));
        return;
    }
    const QString source = tr("from the CRL of %1 issued %2%3")
                               .arg(found->issuer, found->crlThisUpdate.toString(Qt::ISODate),
                                    found->crlStale ? tr(" — STALE, import a current one") : QString());
    m_ui->lookupResultLabel->setText(found->revoked
                                         ? tr("✖ Revoked on %1: %2 (%3).")
                                               .arg(found->revokedAt.toString(Qt::ISODate),
                                                    RevocationsCrlModel::reasonText(found->reasonCode), source)
                                         : tr("✔ Not listed (%1).").arg(source));
}

void RevocationsPage::refresh()
{
    const bool withDone = m_ui->showDoneCheckBox->isChecked();
    auto migrations = m_queue.items(m_operator, Queue::Migration, withDone);
    auto addresses = m_queue.items(m_operator, Queue::ChangeOfAddress, withDone);
    if (!migrations || !addresses) {
        m_ui->queueStatusLabel->setText(QStringLiteral("✖ ") +
                                        Messages::describe(migrations ? addresses.error() : migrations.error()));
        return;
    }
    m_migrations->setItems(*migrations);
    m_addresses->setItems(*addresses);
    m_ui->queueStatusLabel->setText(
        migrations->isEmpty() && addresses->isEmpty()
            ? tr("Nothing to work through: revocation events that need the counter appear here.")
            : tr("%1 migration(s), %2 change(s) of address listed.").arg(migrations->size()).arg(addresses->size()));
    updateActions();
}

QTableView* RevocationsPage::currentQueueView() const
{
    return m_ui->queueTabWidget->currentWidget() == m_ui->migrationTab ? m_ui->migrationTableView
                                                                       : m_ui->addressTableView;
}

void RevocationsPage::updateActions()
{
    auto* view = currentQueueView();
    const auto rows = view->selectionModel()->selectedRows();
    const auto* model = static_cast<RevocationsWorkModel*>(view->model());
    const auto* item = rows.isEmpty() ? nullptr : model->itemAt(rows.first().row());
    m_ui->markDoneButton->setEnabled(item != nullptr && !item->doneAt.isValid() &&
                                     services::AccessPolicy::mayChangeCard(m_operator).has_value());
}

void RevocationsPage::markSelectedDone()
{
    auto* view = currentQueueView();
    const auto rows = view->selectionModel()->selectedRows();
    const auto* item =
        rows.isEmpty() ? nullptr : static_cast<RevocationsWorkModel*>(view->model())->itemAt(rows.first().row());
    if (item == nullptr) {
        return;
    }
    auto done = m_queue.markDone(m_operator, item->id);
    refresh();
    m_ui->queueStatusLabel->setText(done ? tr("✔ Marked done.")
                                         : QStringLiteral("✖ ") + Messages::describe(done.error()));
}

} // namespace madoguchi::gui
