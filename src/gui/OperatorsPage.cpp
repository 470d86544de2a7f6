#include "gui/OperatorsPage.h"
#include "ui_OperatorsPage.h"

#include "gui/AddOperatorDialog.h"
#include "gui/Messages.h"
#include "gui/OperatorListModel.h"
#include "gui/RoleNames.h"
#include "services/CardSignInService.h"
#include "services/OperatorService.h"
#include "services/SessionService.h"

#include <QEvent>
#include <QHeaderView>
#include <QInputDialog>

namespace madoguchi::gui {

OperatorsPage::OperatorsPage(services::OperatorService& operators, services::SessionService& session, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::OperatorsPage>()), m_operators(operators), m_session(session),
      m_model(new OperatorListModel(this))
{
    m_ui->setupUi(this);
    m_ui->operatorsTableView->setModel(m_model);
    m_ui->operatorsTableView->verticalHeader()->hide();
    m_ui->operatorsTableView->horizontalHeader()->setStretchLastSection(true);
    connect(m_ui->operatorsTableView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &OperatorsPage::updateButtons);
    connect(m_ui->addButton, &QPushButton::clicked, this, &OperatorsPage::onAddClicked);
    connect(m_ui->disableButton, &QPushButton::clicked, this, &OperatorsPage::onDisableClicked);
    connect(m_ui->resetPasswordButton, &QPushButton::clicked, this, &OperatorsPage::onResetPasswordClicked);
    connect(m_ui->changeRoleButton, &QPushButton::clicked, this, &OperatorsPage::onChangeRoleClicked);
    connect(m_ui->bindCardButton, &QPushButton::clicked, this, &OperatorsPage::onBindCardClicked);
    m_ui->bindCardButton->hide();
    refresh();
}

OperatorsPage::~OperatorsPage() = default;

void OperatorsPage::setCardSignIn(services::CardSignInService* cardSignIn)
{
    m_cardSignIn = cardSignIn;
    m_ui->bindCardButton->setVisible(cardSignIn != nullptr);
    updateButtons();
}

void OperatorsPage::refresh()
{
    const QString selected = selectedLogin();
    auto accounts = m_operators.list(m_session.actor());
    m_model->setAccounts(accounts ? *accounts : QList<services::OperatorAccount>{});
    if (!accounts) {
        m_ui->statusLabel->setText(QStringLiteral("⚠ ") + Messages::describe(accounts.error()));
    }
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->accountAt(row)->login == selected) {
            m_ui->operatorsTableView->selectRow(row);
        }
    }
    m_ui->operatorsTableView->resizeColumnsToContents();
    updateButtons();
}

QString OperatorsPage::selectedLogin() const
{
    const auto rows = m_ui->operatorsTableView->selectionModel()->selectedRows();
    const auto* account = rows.isEmpty() ? nullptr : m_model->accountAt(rows.first().row());
    return account != nullptr ? account->login : QString();
}

void OperatorsPage::updateButtons()
{
    const auto rows = m_ui->operatorsTableView->selectionModel()->selectedRows();
    const auto* account = rows.isEmpty() ? nullptr : m_model->accountAt(rows.first().row());
    m_ui->disableButton->setEnabled(account != nullptr);
    m_ui->resetPasswordButton->setEnabled(account != nullptr);
    m_ui->changeRoleButton->setEnabled(account != nullptr);
    m_ui->bindCardButton->setEnabled(account != nullptr && m_cardSignIn != nullptr);
    m_ui->disableButton->setText(account != nullptr && account->disabled ? tr("&Enable") : tr("&Disable"));
}

void OperatorsPage::onAddClicked()
{
    AddOperatorDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const auto account = dialog.account();
    report(m_operators.add(m_session.actor(), account, dialog.takePassword()),
           tr("✔ Operator %1 added.").arg(account.login));
}

void OperatorsPage::onDisableClicked()
{
    const QString login = selectedLogin();
    const auto rows = m_ui->operatorsTableView->selectionModel()->selectedRows();
    const auto* account = rows.isEmpty() ? nullptr : m_model->accountAt(rows.first().row());
    if (account == nullptr) {
        return;
    }
    const bool disable = !account->disabled;
    report(m_operators.setDisabled(m_session.actor(), login, disable),
           disable ? tr("✔ Operator %1 disabled.").arg(login) : tr("✔ Operator %1 enabled.").arg(login));
}

void OperatorsPage::onResetPasswordClicked()
{
    const QString login = selectedLogin();
    bool ok = false;
    const QString first = QInputDialog::getText(this, tr("Reset password"), tr("New password for %1:").arg(login),
                                                QLineEdit::Password, QString(), &ok);
    if (!ok) {
        return;
    }
    const QString second = QInputDialog::getText(this, tr("Reset password"), tr("The same password again:"),
                                                 QLineEdit::Password, QString(), &ok);
    if (!ok) {
        return;
    }
    if (first != second) {
        m_ui->statusLabel->setText(tr("⚠ The two passwords differ. Nothing was changed."));
        return;
    }
    report(m_operators.resetPassword(m_session.actor(), login, core::SecureBytes(first.toUtf8())),
           tr("✔ Password of %1 reset.").arg(login));
}

void OperatorsPage::onChangeRoleClicked()
{
    const QString login = selectedLogin();
    QStringList names;
    for (auto role : RoleNames::all()) {
        names << RoleNames::display(role);
    }
    bool ok = false;
    const QString chosen =
        QInputDialog::getItem(this, tr("Change role"), tr("New role for %1:").arg(login), names, 0, false, &ok);
    if (!ok) {
        return;
    }
    const auto role = RoleNames::all().at(names.indexOf(chosen));
    report(m_operators.changeRole(m_session.actor(), login, role),
           tr("✔ %1 is now: %2.").arg(login, RoleNames::display(role)));
}

// The card is read and checked by the service (chain, validity, revocation); the binding is the
// admin's change, refused for other roles and recorded (OperatorService::bindCard).
void OperatorsPage::onBindCardClicked()
{
    const QString login = selectedLogin();
    const QString reader = m_cardSignIn != nullptr ? m_cardSignIn->readerWithCard() : QString();
    if (login.isEmpty() || reader.isEmpty()) {
        m_ui->statusLabel->setText(tr("⚠ Put the operator's My Number Card on the reader first."));
        return;
    }
    m_ui->bindCardButton->setEnabled(false);
    m_ui->statusLabel->setText(tr("Reading the card…"));
    m_cardSignIn->readCardIdentity(reader, this, [this, login](core::Result<store::CardIdentity> card) {
        if (!card) {
            report(core::fail(card.error()), QString());
            return;
        }
        report(m_operators.bindCard(m_session.actor(), login, *card),
               tr("✔ The card on the reader is now bound to %1. %1 can sign in with it.").arg(login));
    });
}

void OperatorsPage::report(const core::Result<void>& result, const QString& success)
{
    m_ui->statusLabel->setText(result ? success : QStringLiteral("⚠ ") + Messages::describe(result.error()));
    refresh();
}

void OperatorsPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        updateButtons();
    }
    QWidget::changeEvent(event);
}

} // namespace madoguchi::gui
