#include "card/SharedReaderBackend.h"
#include "core/Clock.h"
#include "gui/CardView.h"
#include "gui/MainWindow.h"
#include "gui/ReaderListModel.h"
#include "gui/ReaderPanel.h"
#include "pki/DemoSet.h"
#include "pki/TrustStore.h"
#include "services/CardReaderService.h"
#include "services/TrainingControl.h"
#include "sim/TrainingBackend.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>

using namespace madoguchi;

// The first window end to end on the training reader: a demo card goes on, the card view shows its
// identity and verdict; it comes off, the view returns to its empty state. Waits on signals only.
class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        auto demo = pki::makeDemoSet();
        QVERIFY2(demo, qPrintable(demo ? QString() : demo.error().toString()));
        m_demo = std::make_unique<pki::DemoSet>(std::move(*demo));
        auto trust = pki::TrustStore::load(pki::TrustMode::Training);
        QVERIFY(trust);
        m_trust = std::make_unique<pki::TrustStore>(std::move(*trust));
        QVERIFY(m_trust->addTestAnchor(m_demo->authCaCertDer));
        QVERIFY(m_trust->addTestAnchor(m_demo->signCaCertDer));
        m_clock = std::make_unique<core::FixedClock>(m_demo->now);
    }

    void init()
    {
        m_backend = std::make_shared<sim::TrainingBackend>();
        m_cards = std::make_unique<services::CardReaderService>(
            [backend = m_backend]() { return std::make_unique<card::SharedReaderBackend>(backend); }, *m_trust,
            *m_clock);
        m_window = std::make_unique<gui::MainWindow>(gui::MainWindow::Context{m_cards.get(), nullptr, true});
        QSignalSpy readers(m_cards.get(), &services::CardReaderService::readersChanged);
        m_cards->start();
        QVERIFY(readers.wait(5000));
    }

    void cleanup()
    {
        m_window.reset();
        m_cards.reset();
        m_backend.reset();
    }

    // --demo-card: the training panel's combo box names the card that was put on the reader.
    void demoCardComboFollowsTheInsertedCard()
    {
        struct Training final : services::TrainingControl
        {
            QList<DemoCard> demoCards() const override
            {
                return {{QStringLiteral("valid"), QStringLiteral("Valid card")},
                        {QStringLiteral("moved"), QStringLiteral("Moved")}};
            }
            void insertCard(const QString& id) override { inserted = id; }
            void removeCard() override {}
            QString inserted;
        } training;
        gui::MainWindow window(gui::MainWindow::Context{m_cards.get(), &training, true});
        auto* combo = window.readerPanel()->findChild<QComboBox*>(QStringLiteral("demoCardComboBox"));
        QCOMPARE(combo->currentData().toString(), QStringLiteral("valid"));
        QVERIFY(window.readerPanel()->insertDemoCard(QStringLiteral("moved")));
        QCOMPARE(combo->currentData().toString(), QStringLiteral("moved"));
        QCOMPARE(training.inserted, QStringLiteral("moved"));
        QVERIFY(!window.readerPanel()->insertDemoCard(QStringLiteral("no-such-card")));
        QCOMPARE(combo->currentData().toString(), QStringLiteral("moved"));
    }

    void showsTheInsertedCard_data()
    {
        QTest::addColumn<QString>("resident");
        QTest::addColumn<QString>("kindContains");
        QTest::addColumn<QString>("verdictContains");
        QTest::newRow("valid") << QStringLiteral("valid") << QStringLiteral("My Number Card")
                               << QStringLiteral("TEST root");
        QTest::newRow("face-auth") << QStringLiteral("face-auth") << QStringLiteral("face-authentication")
                                   << QStringLiteral("TEST root");
        QTest::newRow("expired") << QStringLiteral("expired") << QStringLiteral("My Number Card")
                                 << QStringLiteral("expired");
    }

    void showsTheInsertedCard()
    {
        QFETCH(QString, resident);
        QFETCH(QString, kindContains);
        QFETCH(QString, verdictContains);
        const auto* demo = m_demo->resident(resident);
        QVERIFY(demo);
        QSignalSpy read(m_cards.get(), &services::CardReaderService::cardRead);
        QVERIFY(m_backend->insert(*demo));
        QVERIFY(read.wait(5000));
        auto* view = m_window->cardView();
        const auto* serial = view->findChild<QLabel*>(QStringLiteral("serialValueLabel"));
        const auto summary = read.takeFirst().at(0).value<services::CardSummary>();
        QVERIFY(!summary.serial.isEmpty());
        QCOMPARE(serial->text(), QString::fromLatin1(summary.serial.toHex(':').toUpper()));
        QVERIFY2(view->findChild<QLabel*>(QStringLiteral("kindValueLabel"))->text().contains(kindContains),
                 qPrintable(view->findChild<QLabel*>(QStringLiteral("kindValueLabel"))->text()));
        const QString verdict = view->findChild<QLabel*>(QStringLiteral("verdictLabel"))->text();
        QVERIFY2(verdict.contains(verdictContains, Qt::CaseInsensitive), qPrintable(verdict));
        // The reader list shows the card in words.
        const auto* model = m_window->readerPanel()->model();
        QTRY_COMPARE(model->index(0).data(gui::ReaderListModel::CardPresentRole).toBool(), true);

        QSignalSpy removed(m_cards.get(), &services::CardReaderService::cardRemoved);
        m_backend->remove();
        QVERIFY(removed.wait(5000));
        const auto* stack = view->findChild<QStackedWidget*>(QStringLiteral("stateStack"));
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyPage"));
    }

    void bannerShowsWhenTestRootsAreTrusted()
    {
        const auto* banner = m_window->findChild<QLabel*>(QStringLiteral("testPkiBannerLabel"));
        QVERIFY(banner);
        QVERIFY(!banner->isHidden());
        gui::MainWindow production(gui::MainWindow::Context{nullptr, nullptr, false});
        QVERIFY(production.findChild<QLabel*>(QStringLiteral("testPkiBannerLabel"))->isHidden());
    }

private:
    std::unique_ptr<pki::DemoSet> m_demo;
    std::unique_ptr<pki::TrustStore> m_trust;
    std::unique_ptr<core::FixedClock> m_clock;
    std::shared_ptr<sim::TrainingBackend> m_backend;
    std::unique_ptr<services::CardReaderService> m_cards;
    std::unique_ptr<gui::MainWindow> m_window;
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
