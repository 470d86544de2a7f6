#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class LockScreen;
}

#include "core/Result.h"
#include "services/CardSignInService.h"

#include <QPointer>

namespace madoguchi::services {
class SessionService;
}

namespace madoguchi::gui {

class ResidentPinDialog;

// What the window shows instead of its content while nobody is signed in (sign-in) or while the
// session is locked (the same operator's password again, or sign out). The TEST credentials of the
// training counter appear here in training mode only.
class LockScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LockScreen)

public:
    // With `cardSignIn`, "Sign in with card" reads the operator's own My Number Card (issue 6 item 1).
    explicit LockScreen(services::SessionService& session, services::CardSignInService* cardSignIn = nullptr,
                        QWidget* parent = nullptr);
    ~LockScreen() override;

    void showSignIn();
    void showLocked();
    // The PIN dialog of a card sign-in in progress, or null (tests drive it).
    [[nodiscard]] ResidentPinDialog* pinDialog() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void onSubmit();
    void onCardSignInClicked();
    void onCandidate(core::Result<services::CardSignInCandidate> candidate);
    void onProof(core::Result<services::CardSignInService::Verified> proof);
    void showError(const core::Error& error);
    void retranslate();

    const std::unique_ptr<Ui::LockScreen> m_ui;
    services::SessionService& m_session;
    services::CardSignInService* m_cardSignIn;
    QPointer<ResidentPinDialog> m_pinDialog;
};

} // namespace madoguchi::gui
