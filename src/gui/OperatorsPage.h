#pragma once

#include "core/Result.h"

#include <QWidget>

#include <memory>

namespace Ui {
class OperatorsPage;
}

namespace madoguchi::services {
class OperatorService;
class CardSignInService;
class SessionService;
} // namespace madoguchi::services

namespace madoguchi::gui {

class OperatorListModel;

// Administrators manage the counter's operators here: list, add, disable/enable, reset a password,
// change a role — each through OperatorService as the signed-in operator (which checks the role and
// records the change).
class OperatorsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperatorsPage)

public:
    OperatorsPage(services::OperatorService& operators, services::SessionService& session, QWidget* parent = nullptr);
    ~OperatorsPage() override;

    void refresh();
    // Card sign-in: shows "Bind card on the reader" (nullptr: hidden).
    void setCardSignIn(services::CardSignInService* cardSignIn);
    [[nodiscard]] OperatorListModel* model() const { return m_model; }

protected:
    void changeEvent(QEvent* event) override;

private:
    [[nodiscard]] QString selectedLogin() const;
    void updateButtons();
    void onAddClicked();
    void onDisableClicked();
    void onResetPasswordClicked();
    void onChangeRoleClicked();
    void onBindCardClicked();
    void report(const core::Result<void>& result, const QString& success);

    const std::unique_ptr<Ui::OperatorsPage> m_ui;
    services::OperatorService& m_operators;
    services::SessionService& m_session;
    services::CardSignInService* m_cardSignIn = nullptr;
    OperatorListModel* m_model;
};

} // namespace madoguchi::gui
