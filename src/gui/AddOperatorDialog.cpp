#include "gui/AddOperatorDialog.h"
#include "ui_AddOperatorDialog.h"

#include "gui/RoleNames.h"
#include "services/OperatorService.h"

namespace madoguchi::gui {

AddOperatorDialog::AddOperatorDialog(QWidget* parent) : QDialog(parent), m_ui(std::make_unique<Ui::AddOperatorDialog>())
{
    m_ui->setupUi(this);
    for (auto role : RoleNames::all()) {
        m_ui->roleComboBox->addItem(RoleNames::display(role), static_cast<int>(role));
    }
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AddOperatorDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &AddOperatorDialog::reject);
}

AddOperatorDialog::~AddOperatorDialog() = default;

services::NewOperator AddOperatorDialog::account() const
{
    return {m_ui->loginLineEdit->text().trimmed(), m_ui->nameLineEdit->text().trimmed(),
            static_cast<services::Role>(m_ui->roleComboBox->currentData().toInt())};
}

core::SecureBytes AddOperatorDialog::takePassword()
{
    core::SecureBytes password(m_ui->passwordLineEdit->text().toUtf8());
    m_ui->passwordLineEdit->clear();
    m_ui->confirmLineEdit->clear();
    return password;
}

void AddOperatorDialog::accept()
{
    if (m_ui->passwordLineEdit->text() != m_ui->confirmLineEdit->text()) {
        m_ui->errorLabel->setText(tr("⚠ The two passwords differ."));
        return;
    }
    if (m_ui->passwordLineEdit->text().size() < services::OperatorService::MinPasswordLength) {
        m_ui->errorLabel->setText(
            tr("⚠ The password needs at least %1 characters.").arg(services::OperatorService::MinPasswordLength));
        return;
    }
    QDialog::accept();
}

} // namespace madoguchi::gui
