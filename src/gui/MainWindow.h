#pragma once

#include "card/ReaderBackend.h"
#include "core/Error.h"
#include "services/CardSummary.h"

#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}

namespace madoguchi::services {
class AuditViewSource;
class CardReaderService;
class TrainingControl;
} // namespace madoguchi::services

namespace madoguchi::gui {

class CardView;
class ReaderPanel;

// The counter's main window: the reader panel always visible at the side, the pages beside it, and
// the TEST PKI banner on top whenever a test root is trusted.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    struct Context
    {
        services::CardReaderService* cards = nullptr;
        services::TrainingControl* training = nullptr; // nullptr without the training reader
        bool testPkiTrusted = false;
        const services::AuditViewSource* audit = nullptr; // nullptr: no audit page (no store open)
    };

    explicit MainWindow(const Context& context, QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] CardView* cardView() const { return m_cardView; }
    [[nodiscard]] ReaderPanel* readerPanel() const { return m_readerPanel; }

private:
    void addPages();
    void connectCardService();
    void onCardRead(const services::CardSummary& summary);
    void onCardReadFailed(const QString& reader, const core::Error& error);
    void onReadersChanged(const QList<card::ReaderState>& readers);
    void onAboutTriggered();

    const std::unique_ptr<Ui::MainWindow> m_ui;
    Context m_context;
    ReaderPanel* m_readerPanel;
    CardView* m_cardView;
};

} // namespace madoguchi::gui
