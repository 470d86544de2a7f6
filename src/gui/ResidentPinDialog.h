#pragma once

#include "card/JpkiTypes.h"
#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QDialog>

#include <functional>
#include <memory>

class QScreen;

namespace Ui {
class ResidentPinDialog;
}

namespace madoguchi::services {
class EnrolmentService;
}

namespace madoguchi::gui {

// The resident-facing PIN entry (issue 6 item 3): large and simple, may sit on a second screen facing
// the resident. It reads the retry counter BEFORE entry (jpki-card.md §4), shows the tries left, and at
// one try left requires the staff's explicit confirmation before the resident may type. The PIN goes
// straight from the line edit into SecureBytes and the edit is cleared; nothing is ever re-submitted.
class ResidentPinDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResidentPinDialog)

public:
    enum class State
    {
        Checking,
        Ready,
        NeedsConfirmation,
        Blocked,
        NoPins, // face-authentication card (jpki-card.md §4)
        Failed,
    };

    // Reads the retry counter of the auth PIN on `reader` and answers on `context`'s thread.
    using StatusReader = std::function<void(const QString& reader, QObject* context,
                                            std::function<void(core::Result<card::PinStatus>)> done)>;

    ResidentPinDialog(services::EnrolmentService& service, QString reader, QWidget* parent = nullptr);
    ResidentPinDialog(StatusReader statusReader, QString reader, QWidget* parent = nullptr);
    // The operator's own card (card sign-in): the holder confirms the last try themselves.
    void setForOperator();
    // True when the reader asks for the PIN on its keypad (the status said so); takePin() is then empty.
    [[nodiscard]] bool usesPinPad() const { return m_pinPad; }
    ~ResidentPinDialog() override;

    // Screen `index` of QGuiApplication::screens() (a setting or --pin-screen); out of range: the
    // parent's screen.
    void placeOnScreen(int index);
    // Reads the retry counter (card thread); the dialog renders the answer.
    void start();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] int triesLeft() const { return m_triesLeft; }
    // After accept(): the PIN (moved out; the dialog keeps nothing) and the staff's confirmation.
    [[nodiscard]] core::SecureBytes takePin() { return std::move(m_pin); }
    [[nodiscard]] card::PinConfirmation confirmation() const;

    void accept() override;

Q_SIGNALS:
    void stateChanged(madoguchi::gui::ResidentPinDialog::State state);

private:
    void onStatus(const core::Result<card::PinStatus>& status);
    void setState(State state);
    void updateInputs();

    const std::unique_ptr<Ui::ResidentPinDialog> m_ui;
    StatusReader m_statusReader;
    QString m_reader;
    bool m_pinPad = false;
    State m_state = State::Checking;
    int m_triesLeft = -1;
    core::SecureBytes m_pin;
};

} // namespace madoguchi::gui
