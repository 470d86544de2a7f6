#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"
#include "services/OperatorAccount.h"

#include <QDialog>

#include <functional>
#include <memory>

namespace Ui {
class FirstRunDialog;
}

namespace madoguchi::gui {

// First run (issue 6 item 1): the administrator passphrase for the database key (with a strength
// hint and a confirmation) and the first administrator account. The dialog only collects and checks
// that the confirmations match; creating is the injected function's job (CounterSetup::createCounter).
class FirstRunDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstRunDialog)

public:
    using CreateCounter = std::function<core::Result<void>(
        core::SecureBytes passphrase, const services::NewOperator& admin, core::SecureBytes adminPassword)>;

    FirstRunDialog(const QString& dataDir, CreateCounter create, QWidget* parent = nullptr);
    ~FirstRunDialog() override;

    void accept() override;

private:
    void onPassphraseEdited();

    const std::unique_ptr<Ui::FirstRunDialog> m_ui;
    CreateCounter m_create;
};

} // namespace madoguchi::gui
