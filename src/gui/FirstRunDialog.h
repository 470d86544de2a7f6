#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"
#include "services/OperatorAccount.h"
#include "store/KeyFile.h"

#include <QDialog>

#include <functional>
#include <memory>

namespace Ui {
class FirstRunDialog;
}

namespace madoguchi::gui {

// First run (issue 6 item 1, issue 4 item 2): how the database key is protected — in this computer's
// keychain (with a recovery passphrase) or by an administrator passphrase alone — the passphrase (with
// a strength hint and a confirmation) and the first administrator account. The keychain choice is
// offered only when `keychain` (the caller's probe of the OS keychain) succeeded; otherwise it is
// shown disabled with the reason. The dialog only collects and checks that the confirmations match;
// creating is the injected function's job (CounterSetup::createCounter).
class FirstRunDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstRunDialog)

public:
    // `wrapping` is the choice: KeychainAndPassphrase makes `passphrase` the recovery passphrase.
    using CreateCounter =
        std::function<core::Result<void>(core::SecureBytes passphrase, const services::NewOperator& admin,
                                         core::SecureBytes adminPassword, store::KeyWrapping wrapping)>;

    FirstRunDialog(const QString& dataDir, const core::Result<void>& keychain, CreateCounter create,
                   QWidget* parent = nullptr);
    ~FirstRunDialog() override;

    void accept() override;

private:
    void onPassphraseEdited();
    void onKeyChoiceChanged();
    [[nodiscard]] store::KeyWrapping chosenWrapping() const;

    const std::unique_ptr<Ui::FirstRunDialog> m_ui;
    CreateCounter m_create;
};

} // namespace madoguchi::gui
