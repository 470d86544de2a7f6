#pragma once

#include "card/ReaderBackend.h"
#include "core/Error.h"
#include "services/AccessPolicy.h"
#include "services/CardSummary.h"
#include "services/WorkerAudit.h"
#include "store/Database.h"

#include <QLabel>
#include <QMainWindow>

#include <array>
#include <functional>
#include <memory>

namespace Ui {
class MainWindow;
}

namespace madoguchi::pki {
class TrustStore;
}
namespace madoguchi::core {
class Clock;
}
namespace madoguchi::services {
class AuditViewSource;
class CardReaderService;
class CardSignInService;
class OperatorService;
class SessionService;
class SettingsService;
class SyncService;
class CrlOverview;
class EnrolmentService;
class LinkageService;
class RevocationQueue;
class CrlSweep;
class TrainingControl;
struct Operator;
} // namespace madoguchi::services

namespace madoguchi::gui {

class CardView;
class LanguageSwitcher;
class LockScreen;
class ReaderPanel;

// The counter's main window: the reader panel always visible at the side, the pages beside it, and
// the TEST PKI banner on top whenever a test root is trusted. With a session, the content is shown
// only to a signed-in, unlocked operator, and only the pages the operator's role may use.
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
        services::SessionService* session = nullptr; // nullptr: no sign-in (page tests)
        services::OperatorService* operators = nullptr;
        services::SettingsService* settings = nullptr;
        pki::TrustStore* trust = nullptr;
        LanguageSwitcher* language = nullptr;
        // The counter pages (Enrolment, Linkages, Revocations) appear only when these are given.
        const services::Operator* currentOperator = nullptr;
        const core::Clock* clock = nullptr;
        services::EnrolmentService* enrolment = nullptr;
        services::LinkageService* linkages = nullptr;
        // Opens a NEW registry connection for a worker thread (the import); empty: no import.
        std::function<core::Result<store::Database>()> openWorkerDatabase{};
        services::WorkerAuditOpener openWorkerAudit{}; // the audit log on such a connection; empty: none
        QString terminalPrefix = QStringLiteral("T1");
        services::CrlOverview* crls = nullptr;
        services::RevocationQueue* revocationQueue = nullptr;
        services::CrlSweep* crlSweep = nullptr; // nullptr: CRL imports change no linkages
        QString ocspResponderUrl{};
        int pinScreen = -1; // QGuiApplication::screens() index for the resident's PIN dialog
        const services::AuditViewSource* audit = nullptr;  // nullptr: no audit page (no store open)
        services::SyncService* sync = nullptr;             // nullptr: the Sync page says "not configured"
        services::CardSignInService* cardSignIn = nullptr; // nullptr: no card sign-in, no card binding
    };
    static constexpr int PageCount = 8;

    explicit MainWindow(const Context& context, QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] CardView* cardView() const { return m_cardView; }
    [[nodiscard]] ReaderPanel* readerPanel() const { return m_readerPanel; }
    [[nodiscard]] LockScreen* lockScreen() const { return m_lockScreen; }
    [[nodiscard]] QWidget* page(services::Workspace workspace) const;
    [[nodiscard]] bool isPageShown(services::Workspace workspace) const;
    // Brings a page to the front if the operator may use it (Ctrl+1…8 do the same).
    bool showPage(services::Workspace workspace);
    // True while the lock or sign-in screen covers the content.
    [[nodiscard]] bool isContentHidden() const;

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void addPages();
    [[nodiscard]] static QWidget* orPlaceholder(QWidget* page, services::Workspace workspace);
    void addPage(services::Workspace workspace, QWidget* page);
    [[nodiscard]] QWidget* settingsPage();
    [[nodiscard]] QWidget* operatorsPage();
    [[nodiscard]] QWidget* syncPage();
    [[nodiscard]] static QString pageTitle(services::Workspace workspace);
    void addShortcuts();
    void connectSession();
    void applySessionState();
    void closeOpenDialogs();
    void retranslate();
    void connectCardService();
    void onCardRead(const services::CardSummary& summary);
    void onCardReadFailed(const QString& reader, const core::Error& error);
    void onReadersChanged(const QList<card::ReaderState>& readers);
    void onAboutTriggered();

    const std::unique_ptr<Ui::MainWindow> m_ui;
    Context m_context;
    ReaderPanel* m_readerPanel;
    CardView* m_cardView;
    LockScreen* m_lockScreen = nullptr;
    QLabel* m_operatorLabel;
    std::array<QWidget*, PageCount> m_pages{};
};

} // namespace madoguchi::gui
