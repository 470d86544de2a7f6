#include "gui/MainWindow.h"
#include "ui_MainWindow.h"

#include "gui/AuditPage.h"
#include "gui/CardView.h"
#include "gui/CounterPages.h"
#include "gui/LockScreen.h"
#include "gui/Messages.h"
#include "gui/OperatorsPage.h"
#include "gui/PlaceholderPage.h"
#include "gui/ReaderPanel.h"
#include "gui/RoleNames.h"
#include "gui/SettingsPage.h"
#include "gui/SyncPage.h"
#include "services/CardReaderService.h"
#include "services/SessionService.h"

#include <QApplication>
#include <QDialog>
#include <QEvent>
#include <QLabel>
#include <QMessageBox>
#include <QShortcut>

namespace madoguchi::gui {

using services::Workspace;

MainWindow::MainWindow(const Context& context, QWidget* parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_context(context),
      m_readerPanel(new ReaderPanel(context.training)), m_cardView(new CardView), m_operatorLabel(new QLabel)
{
    m_ui->setupUi(this);
    m_ui->readerPanelLayout->addWidget(m_readerPanel);
    addPages();
    addShortcuts();
    m_ui->mainSplitter->setStretchFactor(1, 3);
    m_ui->testPkiBannerLabel->setVisible(context.testPkiTrusted);
    m_operatorLabel->setObjectName(QStringLiteral("operatorLabel"));
    statusBar()->addPermanentWidget(m_operatorLabel);
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::onAboutTriggered);
    connectSession();
    connectCardService();
    retranslate();
    statusBar()->showMessage(tr("Ready"));
}

MainWindow::~MainWindow()
{
    if (m_context.session != nullptr) {
        qApp->removeEventFilter(this);
    }
}

// One line per page, in the order the counter works (issue 6): Card, Enrolment, Linkages, Revocations,
// Audit, Sync, Settings, Operators. Each page is a self-contained widget given what it needs; a
// placeholder with a helpful empty state holds the place of a page not built yet.
void MainWindow::addPages()
{
    addPage(Workspace::Card, m_cardView);
    addPage(Workspace::Enrolment, orPlaceholder(CounterPages::enrolment(m_context), Workspace::Enrolment));
    addPage(Workspace::Linkages, orPlaceholder(CounterPages::linkages(m_context), Workspace::Linkages));
    addPage(Workspace::Revocations, orPlaceholder(CounterPages::revocations(m_context), Workspace::Revocations));
    addPage(Workspace::Audit,
            orPlaceholder(m_context.audit != nullptr ? new AuditPage(*m_context.audit) : nullptr, Workspace::Audit));
    addPage(Workspace::Sync, syncPage());
    addPage(Workspace::Settings, settingsPage());
    addPage(Workspace::Operators, operatorsPage());
}

QWidget* MainWindow::orPlaceholder(QWidget* page, Workspace workspace)
{
    return page != nullptr ? page : new PlaceholderPage(workspace);
}

void MainWindow::addPage(Workspace workspace, QWidget* page)
{
    m_pages.at(static_cast<std::size_t>(workspace)) = page;
    m_ui->pagesTabWidget->addTab(page, pageTitle(workspace));
}

QWidget* MainWindow::settingsPage()
{
    if (m_context.settings == nullptr || m_context.session == nullptr) {
        return new PlaceholderPage(Workspace::Settings);
    }
    return new SettingsPage(*m_context.settings, *m_context.session, m_context.trust, m_context.language);
}

QWidget* MainWindow::syncPage()
{
    if (m_context.currentOperator == nullptr) {
        return new PlaceholderPage(Workspace::Sync);
    }
    auto* page = new SyncPage(m_context.sync, *m_context.currentOperator);
    connect(page, &SyncPage::settingsRequested, this, [this]() { showPage(Workspace::Settings); });
    return page;
}

QWidget* MainWindow::operatorsPage()
{
    if (m_context.operators == nullptr || m_context.session == nullptr) {
        return new PlaceholderPage(Workspace::Operators);
    }
    auto* page = new OperatorsPage(*m_context.operators, *m_context.session);
    page->setCardSignIn(m_context.cardSignIn);
    return page;
}

QString MainWindow::pageTitle(Workspace workspace)
{
    switch (workspace) {
    case Workspace::Card:
        return tr("&Card");
    case Workspace::Enrolment:
        return tr("&Enrolment");
    case Workspace::Linkages:
        return tr("&Linkages");
    case Workspace::Revocations:
        return tr("&Revocations");
    case Workspace::Audit:
        return tr("&Audit");
    case Workspace::Sync:
        return tr("S&ync");
    case Workspace::Settings:
        return tr("Se&ttings");
    case Workspace::Operators:
        return tr("&Operators");
    }
    return {};
}

QWidget* MainWindow::page(Workspace workspace) const
{
    return m_pages.at(static_cast<std::size_t>(workspace));
}

bool MainWindow::isPageShown(Workspace workspace) const
{
    const int index = m_ui->pagesTabWidget->indexOf(page(workspace));
    return index >= 0 && m_ui->pagesTabWidget->isTabVisible(index) && !isContentHidden();
}

bool MainWindow::showPage(Workspace workspace)
{
    const int index = m_ui->pagesTabWidget->indexOf(page(workspace));
    if (index < 0 || !m_ui->pagesTabWidget->isTabVisible(index)) {
        return false;
    }
    m_ui->pagesTabWidget->setCurrentIndex(index);
    return true;
}

bool MainWindow::isContentHidden() const
{
    return m_lockScreen != nullptr && m_ui->contentStack->currentWidget() == m_lockScreen;
}

void MainWindow::addShortcuts()
{
    for (int i = 0; i < PageCount; ++i) {
        auto* shortcut =
            new QShortcut(QKeySequence(QKeyCombination(Qt::ControlModifier, Qt::Key(Qt::Key_1 + i))), this);
        connect(shortcut, &QShortcut::activated, this, [this, i]() {
            if (!isContentHidden()) {
                showPage(static_cast<Workspace>(i));
            }
        });
    }
}

void MainWindow::connectSession()
{
    auto* session = m_context.session;
    m_ui->lockAction->setVisible(session != nullptr);
    m_ui->signOutAction->setVisible(session != nullptr);
    if (session == nullptr) {
        return;
    }
    m_lockScreen = new LockScreen(*session, m_context.cardSignIn);
    m_lockScreen->setObjectName(QStringLiteral("lockScreen"));
    m_ui->contentStack->addWidget(m_lockScreen);
    connect(m_ui->lockAction, &QAction::triggered, session, &services::SessionService::lock);
    connect(m_ui->signOutAction, &QAction::triggered, session, &services::SessionService::signOut);
    connect(session, &services::SessionService::signedIn, this, &MainWindow::applySessionState);
    connect(session, &services::SessionService::unlocked, this, &MainWindow::applySessionState);
    connect(session, &services::SessionService::signedOut, this, &MainWindow::applySessionState);
    connect(session, &services::SessionService::locked, this, &MainWindow::applySessionState);
    // Any input to the application counts as activity and postpones the inactivity lock.
    qApp->installEventFilter(this);
    applySessionState();
}

// Shows the content to a signed-in, unlocked operator with the pages of their role; otherwise the
// lock or sign-in screen, with every open dialog (a PIN entry, a form) cancelled.
void MainWindow::applySessionState()
{
    auto* session = m_context.session;
    const bool open = session->isSignedIn() && !session->isLocked();
    if (!open) {
        closeOpenDialogs();
        session->isLocked() ? m_lockScreen->showLocked() : m_lockScreen->showSignIn();
        m_ui->contentStack->setCurrentWidget(m_lockScreen);
    } else {
        const auto actor = session->actor();
        for (int i = 0; i < PageCount; ++i) {
            const int index = m_ui->pagesTabWidget->indexOf(m_pages.at(static_cast<std::size_t>(i)));
            m_ui->pagesTabWidget->setTabVisible(index,
                                                services::AccessPolicy::mayUse(actor, static_cast<Workspace>(i)));
        }
        if (auto* settings = qobject_cast<SettingsPage*>(page(Workspace::Settings))) {
            settings->refresh();
        }
        if (auto* operators = qobject_cast<OperatorsPage*>(page(Workspace::Operators));
            operators != nullptr && services::AccessPolicy::mayUse(actor, Workspace::Operators)) {
            operators->refresh();
        }
        m_ui->contentStack->setCurrentWidget(m_ui->workPage);
    }
    m_ui->lockAction->setEnabled(open);
    m_ui->signOutAction->setEnabled(session->isSignedIn());
    retranslate();
}

void MainWindow::closeOpenDialogs()
{
    for (QWidget* widget : QApplication::topLevelWidgets()) {
        if (auto* dialog = qobject_cast<QDialog*>(widget); dialog != nullptr && dialog->isVisible()) {
            dialog->reject();
        }
    }
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        m_context.session->noteActivity();
        break;
    default:
        break;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::retranslate()
{
    for (int i = 0; i < PageCount; ++i) {
        const int index = m_ui->pagesTabWidget->indexOf(m_pages.at(static_cast<std::size_t>(i)));
        m_ui->pagesTabWidget->setTabText(index, pageTitle(static_cast<Workspace>(i)));
    }
    QString title = tr("Madoguchi");
    const auto* session = m_context.session;
    if (session != nullptr && session->signedInOperator()) {
        const auto& op = *session->signedInOperator();
        const QString who = tr("%1 (%2)").arg(session->signedInName(), RoleNames::display(op.role));
        m_operatorLabel->setText((session->isLocked() ? tr("Locked: %1") : tr("Signed in: %1")).arg(who));
        title += QStringLiteral(" — ") + who;
    } else {
        m_operatorLabel->setText(session != nullptr ? tr("Nobody signed in") : QString());
    }
    if (m_context.testPkiTrusted) {
        title += QStringLiteral(" — ") + tr("TEST PKI");
    }
    setWindowTitle(title);
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::connectCardService()
{
    auto* cards = m_context.cards;
    if (cards == nullptr) {
        return;
    }
    connect(cards, &services::CardReaderService::readersChanged, this, &MainWindow::onReadersChanged);
    connect(cards, &services::CardReaderService::cardReadStarted, m_cardView, &CardView::showReading);
    connect(cards, &services::CardReaderService::revocationCheckStarted, m_cardView, &CardView::showCheckingRevocation);
    connect(cards, &services::CardReaderService::cardRead, this, &MainWindow::onCardRead);
    connect(cards, &services::CardReaderService::cardReadFailed, this, &MainWindow::onCardReadFailed);
    connect(cards, &services::CardReaderService::cardRemoved, m_cardView, [this](const QString& reader) {
        m_cardView->showEmpty();
        statusBar()->showMessage(tr("Card removed from %1").arg(reader));
    });
    connect(cards, &services::CardReaderService::backendError, this,
            [this](const core::Error& error) { m_readerPanel->setBackendMessage(Messages::describe(error)); });
    onReadersChanged(cards->readers());
}

void MainWindow::onReadersChanged(const QList<card::ReaderState>& readers)
{
    m_readerPanel->setReaders(readers);
}

void MainWindow::onCardRead(const services::CardSummary& summary)
{
    m_cardView->showCard(summary);
    statusBar()->showMessage(tr("Card read from %1").arg(summary.readerName));
}

void MainWindow::onCardReadFailed(const QString& reader, const core::Error& error)
{
    m_cardView->showError(reader, error);
    statusBar()->showMessage(Messages::describe(error));
}

void MainWindow::onAboutTriggered()
{
    QMessageBox::about(this, tr("About Madoguchi"),
                       tr("<p><b>Madoguchi</b> %1</p><p>The counter tool of the JPKI common platform: read My "
                          "Number Cards, prove the holder, register linkages.</p><p>Madoguchi never reads, "
                          "stores or logs the individual number (My Number).</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

} // namespace madoguchi::gui
