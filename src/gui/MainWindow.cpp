#include "gui/MainWindow.h"
#include "ui_MainWindow.h"

#include "gui/AuditPage.h"
#include "gui/CardView.h"
#include "gui/Messages.h"
#include "gui/ReaderPanel.h"
#include "services/CardReaderService.h"

#include <QMessageBox>

namespace madoguchi::gui {

MainWindow::MainWindow(const Context& context, QWidget* parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_context(context),
      m_readerPanel(new ReaderPanel(context.training)), m_cardView(new CardView)
{
    m_ui->setupUi(this);
    m_ui->readerPanelLayout->addWidget(m_readerPanel);
    addPages();
    m_ui->mainSplitter->setStretchFactor(1, 3);
    m_ui->testPkiBannerLabel->setVisible(context.testPkiTrusted);
    if (context.testPkiTrusted) {
        setWindowTitle(tr("Madoguchi — TEST PKI"));
    }
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::onAboutTriggered);
    connectCardService();
    statusBar()->showMessage(tr("Ready"));
}

MainWindow::~MainWindow() = default;

// One line per page, in the order the counter works (issue 6): Card, Enrolment, Linkages, Revocations,
// Audit, Sync, Settings, Operators. Each page is a self-contained widget given what it needs.
void MainWindow::addPages()
{
    m_ui->pagesTabWidget->addTab(m_cardView, tr("&Card"));
    if (m_context.audit != nullptr) {
        m_ui->pagesTabWidget->addTab(new AuditPage(*m_context.audit), tr("&Audit log"));
    }
}

void MainWindow::connectCardService()
{
    auto* cards = m_context.cards;
    if (cards == nullptr) {
        return;
    }
    connect(cards, &services::CardReaderService::readersChanged, this, &MainWindow::onReadersChanged);
    connect(cards, &services::CardReaderService::cardReadStarted, m_cardView, &CardView::showReading);
    connect(cards, &services::CardReaderService::cardRead, this, &MainWindow::onCardRead);
    connect(cards, &services::CardReaderService::cardReadFailed, this, &MainWindow::onCardReadFailed);
    connect(cards, &services::CardReaderService::cardRemoved, m_cardView, [this](const QString& reader) {
        m_cardView->showEmpty();
        statusBar()->showMessage(tr("Card removed from %1").arg(reader));
    });
    connect(cards, &services::CardReaderService::backendError, this, [this](const core::Error& error) {
        m_readerPanel->setBackendMessage(Messages::describe(error));
    });
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
