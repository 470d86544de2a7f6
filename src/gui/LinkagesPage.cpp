#include "gui/LinkagesPage.h"
#include "ui_LinkagesPage.h"

#include "gui/ImportDialog.h"
#include "gui/LinkageDetailDialog.h"
#include "gui/LinkageTableModel.h"
#include "gui/Messages.h"
#include "services/AccessPolicy.h"
#include "services/CardReaderService.h"
#include "services/LinkageService.h"

#include <QHeaderView>
#include <QInputDialog>
#include <QRegularExpression>

namespace madoguchi::gui {

namespace {

std::optional<QString> askText(QWidget* parent, const QString& title, const QString& label)
{
    bool ok = false;
    const QString text = QInputDialog::getText(parent, title, label, QLineEdit::Normal, QString(), &ok);
    return ok ? std::optional(text) : std::nullopt;
}

// "issuer key id hex:serial hex" (store::CardIdentity::toString) → the identity.
std::optional<store::CardIdentity> parseIdentity(const QString& text)
{
    const auto parts = text.trimmed().split(QLatin1Char(':'));
    if (parts.size() != 2) {
        return std::nullopt;
    }
    store::CardIdentity id{QByteArray::fromHex(parts.at(0).toLatin1()), QByteArray::fromHex(parts.at(1).toLatin1())};
    return id.isValid() ? std::optional(id) : std::nullopt;
}

} // namespace

LinkagesPage::LinkagesPage(services::LinkageService& linkages, services::CardReaderService& cards,
                           const services::Operator& op, const core::Clock& clock, ImportDialog::Setup importSetup,
                           QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::LinkagesPage>()), m_linkages(linkages), m_operator(op), m_clock(clock),
      m_importSetup(std::move(importSetup)), m_model(new LinkageTableModel(this)),
      m_prompt([this](const QString& title, const QString& label) { return askText(this, title, label); })
{
    m_ui->setupUi(this);
    m_ui->searchModeComboBox->addItem(tr("Card on the reader"), int(SearchMode::CardOnReader));
    m_ui->searchModeComboBox->addItem(tr("Platform ID"), int(SearchMode::PlatformId));
    m_ui->searchModeComboBox->addItem(tr("Insurance (insurer symbol number branch)"), int(SearchMode::Insurance));
    m_ui->searchModeComboBox->addItem(tr("Resident name"), int(SearchMode::Name));
    m_ui->resultsTableView->setModel(m_model);
    m_ui->resultsTableView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->emptyLabel->setText(tr("No linkages yet — enrol a resident on the Enrolment page, or search above."));
    connect(m_ui->searchButton, &QPushButton::clicked, this, &LinkagesPage::onSearchClicked);
    connect(m_ui->searchLineEdit, &QLineEdit::returnPressed, this, &LinkagesPage::onSearchClicked);
    connect(m_ui->resultsTableView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LinkagesPage::updateActions);
    connect(m_ui->resultsTableView, &QTableView::doubleClicked, this, &LinkagesPage::showDetailOfSelected);
    connect(m_ui->detailButton, &QPushButton::clicked, this, &LinkagesPage::showDetailOfSelected);
    connect(m_ui->suspendButton, &QPushButton::clicked, this, &LinkagesPage::suspendSelected);
    connect(m_ui->endButton, &QPushButton::clicked, this, &LinkagesPage::endSelected);
    connect(m_ui->migrateButton, &QPushButton::clicked, this, &LinkagesPage::migrateSelected);
    connect(m_ui->importButton, &QPushButton::clicked, this, [this]() {
        auto* dialog = new ImportDialog(m_importSetup, m_operator, m_clock, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(&cards, &services::CardReaderService::cardRead, this, &LinkagesPage::onCardRead);
    connect(&cards, &services::CardReaderService::cardRemoved, this, [this]() { m_card.reset(); });
    m_ui->importButton->setEnabled(services::AccessPolicy::mayChangeCard(m_operator).has_value() ||
                                   m_operator.role == services::Role::InsurerClerk);
    updateActions();
}

LinkagesPage::~LinkagesPage() = default;

void LinkagesPage::onCardRead(const services::CardSummary& summary)
{
    m_card = summary;
    if (m_ui->searchModeComboBox->currentData().toInt() == int(SearchMode::CardOnReader)) {
        search(SearchMode::CardOnReader, QString());
    }
}

void LinkagesPage::onSearchClicked()
{
    search(static_cast<SearchMode>(m_ui->searchModeComboBox->currentData().toInt()), m_ui->searchLineEdit->text());
}

void LinkagesPage::search(SearchMode mode, const QString& text)
{
    m_lastMode = mode;
    m_lastText = text;
    show(find(mode, text));
}

core::Result<QList<store::Linkage>> LinkagesPage::find(SearchMode mode, const QString& text)
{
    const QString t = text.trimmed();
    switch (mode) {
    case SearchMode::CardOnReader:
        if (!m_card) {
            return core::fail(core::Errc::NoCard, QStringLiteral("no card read"));
        }
        return m_linkages.findByCard(m_operator, {m_card->issuerKeyId, m_card->serial});
    case SearchMode::PlatformId:
        return m_linkages.findByPlatformId(m_operator, t);
    case SearchMode::Insurance: {
        const auto parts = t.split(QRegularExpression(QStringLiteral("[\\s/]+")), Qt::SkipEmptyParts);
        if (parts.size() != 4) {
            return core::fail(core::Errc::InvalidArgument, QStringLiteral("insurance search needs 4 parts"));
        }
        return m_linkages.findByInsurance(m_operator, parts.at(0), parts.at(1), parts.at(2), parts.at(3));
    }
    case SearchMode::Name:
        return m_linkages.findByName(m_operator, t);
    }
    return QList<store::Linkage>{};
}

void LinkagesPage::show(const core::Result<QList<store::Linkage>>& found)
{
    if (!found) {
        m_model->setLinkages({});
        m_ui->statusLabel->setText(found.error().code == core::Errc::InvalidArgument
                                       ? tr("✖ Enter the insurer number, symbol, number and branch, e.g. "
                                            "\"33120015 A 123 01\".")
                                       : QStringLiteral("✖ ") + Messages::describe(found.error()));
        m_ui->resultsStack->setCurrentWidget(m_ui->emptyPage);
        updateActions();
        Q_EMIT searched(0);
        return;
    }
    m_model->setLinkages(*found);
    m_ui->resultsStack->setCurrentWidget(found->isEmpty() ? m_ui->emptyPage : m_ui->resultsPage);
    m_ui->emptyLabel->setText(found->isEmpty() ? tr("No linkages found. Enrol the resident on the Enrolment page.")
                                               : QString());
    m_ui->statusLabel->setText(tr("%n linkage(s) found.", nullptr, static_cast<int>(found->size())));
    if (!found->isEmpty()) {
        selectRow(0);
    }
    updateActions();
    Q_EMIT searched(static_cast<int>(found->size()));
}

void LinkagesPage::selectRow(int row)
{
    m_ui->resultsTableView->selectRow(row);
}

void LinkagesPage::updateActions()
{
    const auto rows = m_ui->resultsTableView->selectionModel()->selectedRows();
    const store::Linkage* l = rows.isEmpty() ? nullptr : m_model->linkageAt(rows.first().row());
    const bool open =
        l != nullptr && (l->status == store::LinkageStatus::Active || l->status == store::LinkageStatus::Suspended);
    const bool mayChange = l != nullptr && services::AccessPolicy::mayChangeKind(m_operator, l->kind).has_value();
    m_ui->detailButton->setEnabled(l != nullptr);
    m_ui->suspendButton->setEnabled(mayChange && l->status == store::LinkageStatus::Active);
    m_ui->endButton->setEnabled(mayChange && open);
    m_ui->migrateButton->setEnabled(open && services::AccessPolicy::mayChangeCard(m_operator).has_value());
}

void LinkagesPage::suspendSelected()
{
    changeSelected(false);
}

void LinkagesPage::endSelected()
{
    changeSelected(true);
}

void LinkagesPage::changeSelected(bool end)
{
    const auto rows = m_ui->resultsTableView->selectionModel()->selectedRows();
    const store::Linkage* l = rows.isEmpty() ? nullptr : m_model->linkageAt(rows.first().row());
    if (l == nullptr) {
        return;
    }
    const auto reason =
        m_prompt(end ? tr("End linkage") : tr("Suspend linkage"), tr("Reason (recorded in the history):"));
    if (!reason || reason->trimmed().isEmpty()) {
        return;
    }
    const QUuid uuid = l->uuid;
    auto changed = end ? m_linkages.end(m_operator, uuid, reason->trimmed())
                       : m_linkages.suspend(m_operator, uuid, reason->trimmed());
    refresh();
    m_ui->statusLabel->setText(changed ? (end ? tr("✔ Linkage ended.") : tr("✔ Linkage suspended."))
                                       : QStringLiteral("✖ ") + Messages::describe(changed.error()));
}

void LinkagesPage::migrateSelected()
{
    const auto rows = m_ui->resultsTableView->selectionModel()->selectedRows();
    const store::Linkage* l = rows.isEmpty() ? nullptr : m_model->linkageAt(rows.first().row());
    if (l == nullptr) {
        return;
    }
    const store::CardIdentity from = l->card;
    const auto answer =
        m_prompt(tr("Migrate to the successor card"), tr("Successor card identity (issuer key id:serial, hex):"));
    if (!answer) {
        return;
    }
    const auto to = parseIdentity(*answer);
    if (!to) {
        m_ui->statusLabel->setText(tr("✖ That is not a card identity (issuer key id:serial in hex)."));
        return;
    }
    auto moved = m_linkages.migrate(m_operator, from, *to);
    refresh();
    m_ui->statusLabel->setText(moved ? tr("✔ %n linkage(s) migrated to the successor card.", nullptr, *moved)
                                     : QStringLiteral("✖ ") + Messages::describe(moved.error()));
}

void LinkagesPage::showDetailOfSelected()
{
    const auto rows = m_ui->resultsTableView->selectionModel()->selectedRows();
    const store::Linkage* l = rows.isEmpty() ? nullptr : m_model->linkageAt(rows.first().row());
    if (l == nullptr) {
        return;
    }
    auto* dialog = new LinkageDetailDialog(m_linkages, m_operator, *l, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void LinkagesPage::refresh()
{
    const QString status = m_ui->statusLabel->text();
    show(find(m_lastMode, m_lastText));
    m_ui->statusLabel->setText(status);
}

} // namespace madoguchi::gui
