#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class LockScreen;
}

namespace madoguchi::services {
class SessionService;
}

namespace madoguchi::gui {

// What the window shows instead of its content while nobody is signed in (sign-in) or while the
// session is locked (the same operator's password again, or sign out). The TEST credentials of the
// training counter appear here in training mode only.
class LockScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LockScreen)

public:
    explicit LockScreen(services::SessionService& session, QWidget* parent = nullptr);
    ~LockScreen() override;

    void showSignIn();
    void showLocked();

protected:
    void changeEvent(QEvent* event) override;

private:
    void onSubmit();
    void retranslate();

    const std::unique_ptr<Ui::LockScreen> m_ui;
    services::SessionService& m_session;
};

} // namespace madoguchi::gui
