#include "CounterFixture.h"
#include "Screenshot.h"
#include "gui/LinkageDetailDialog.h"
#include "gui/LinkageTableModel.h"
#include "gui/LinkagesPage.h"
#include "pki/JpkiCertificate.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTest>

using namespace madoguchi;
using gui::LinkagesPage;
using Mode = gui::LinkagesPage::SearchMode;

// The Linkages page: search by each key, the empty state, details + history, suspend/end with a
// reason, role-aware buttons; the table model checked with QAbstractItemModelTester.
class TestLinkagesPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_world.build()); }

    void init()
    {
        m_rig = std::make_unique<test::CounterRig>();
        QVERIFY(m_rig->build(m_world));
        m_page = makePage(m_staff);
        m_tester = std::make_unique<QAbstractItemModelTester>(m_page->model(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_page.reset();
        m_rig.reset();
    }

    void emptyStateSaysWhatToDo()
    {
        m_page->search(Mode::PlatformId, QStringLiteral("NOPE-0000"));
        const auto* stack = m_page->findChild<QStackedWidget*>(QStringLiteral("resultsStack"));
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyPage"));
        QVERIFY(m_page->findChild<QLabel*>(QStringLiteral("emptyLabel"))->text().contains(QStringLiteral("Enrolment")));
        QVERIFY(test::saveScreenshot(*m_page, QStringLiteral("linkages-empty")));
    }

    void searchesByEachKey_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("found");
        QTest::newRow("platform id") << int(Mode::PlatformId) << QStringLiteral("PF-0001") << 1;
        QTest::newRow("insurance") << int(Mode::Insurance) << QStringLiteral("33120015 S1 7 01") << 1;
        QTest::newRow("insurance with slashes") << int(Mode::Insurance) << QStringLiteral("33120015/S1/7/01") << 1;
        QTest::newRow("insurance incomplete") << int(Mode::Insurance) << QStringLiteral("33120015") << 0;
        QTest::newRow("name") << int(Mode::Name) << QStringLiteral("窓口　花子") << 2;
    }

    void searchesByEachKey()
    {
        QFETCH(int, mode);
        QFETCH(QString, text);
        QFETCH(int, found);
        seed();
        QSignalSpy searched(m_page.get(), &LinkagesPage::searched);
        m_page->search(static_cast<Mode>(mode), text);
        QCOMPARE(searched.takeFirst().at(0).toInt(), found);
        QCOMPARE(m_page->model()->rowCount(), found);
    }

    void cardOnTheReaderIsSearchedWhenRead()
    {
        const auto* valid = m_world.demo->resident(QStringLiteral("valid"));
        auto cert = pki::JpkiCertificate::parse(valid->authCertDer);
        QVERIFY(cert);
        enrol({cert->identity().issuerKeyId, cert->identity().serial}, QStringLiteral("catv"),
              {{QStringLiteral("household_id"), QStringLiteral("HH-77")}});
        QSignalSpy searched(m_page.get(), &LinkagesPage::searched);
        QVERIFY(m_rig->backend->insert(*valid));
        QVERIFY(searched.wait(5000));
        QCOMPARE(m_page->model()->rowCount(), 1);
        QCOMPARE(m_page->model()->linkageAt(0)->kind, QStringLiteral("catv"));
    }

    void suspendThenEndWithReasonsAndHistory()
    {
        seed();
        m_page->setTextPrompt(
            [](const QString&, const QString&) { return std::optional(QStringLiteral("reported lost")); });
        m_page->search(Mode::PlatformId, QStringLiteral("PF-0001"));
        m_page->selectRow(0);
        auto* suspend = m_page->findChild<QPushButton*>(QStringLiteral("suspendButton"));
        QVERIFY(suspend->isEnabled());
        suspend->click();
        QCOMPARE(m_page->model()->linkageAt(0)->status, store::LinkageStatus::Suspended);
        QCOMPARE(m_page->model()->linkageAt(0)->reason, QStringLiteral("reported lost"));
        m_page->selectRow(0);
        QVERIFY(!suspend->isEnabled());
        m_page->findChild<QPushButton*>(QStringLiteral("endButton"))->click();
        QCOMPARE(m_page->model()->linkageAt(0)->status, store::LinkageStatus::Ended);
        m_page->selectRow(0);
        m_page->showDetailOfSelected();
        auto* dialog = m_page->findChild<gui::LinkageDetailDialog*>();
        QVERIFY(dialog);
        QAbstractItemModelTester history(dialog->historyModel(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(dialog->historyModel()->rowCount(), 3);
        QVERIFY(test::saveScreenshot(*dialog, QStringLiteral("linkage-history")));
        dialog->close();
    }

    void auditorSeesButCannotChange()
    {
        seed();
        const services::Operator auditor{QStringLiteral("auditor-1"), services::Role::Auditor};
        auto page = makePage(auditor);
        page->search(Mode::PlatformId, QStringLiteral("PF-0001"));
        page->selectRow(0);
        QCOMPARE(page->model()->rowCount(), 1);
        QVERIFY(page->findChild<QPushButton*>(QStringLiteral("detailButton"))->isEnabled());
        for (const char* name : {"suspendButton", "endButton", "migrateButton", "importButton"}) {
            QVERIFY2(!page->findChild<QPushButton*>(QLatin1String(name))->isEnabled(), name);
        }
        // And the service refuses regardless of the buttons.
        const auto refused = m_rig->linkages->end(auditor, page->model()->linkageAt(0)->uuid, QStringLiteral("x"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, core::Errc::PermissionDenied);
    }

    void insurerClerkMayChangeOnlyInsurance()
    {
        seed();
        const services::Operator clerk{QStringLiteral("clerk-1"), services::Role::InsurerClerk};
        auto page = makePage(clerk);
        page->search(Mode::Name, QStringLiteral("窓口　花子"));
        QCOMPARE(page->model()->rowCount(), 2);
        QVERIFY(test::saveScreenshot(*page, QStringLiteral("linkages-results")));
        for (int row = 0; row < 2; ++row) {
            page->selectRow(row);
            const bool insurance = page->model()->linkageAt(row)->kind == QStringLiteral("health_insurance");
            QCOMPARE(page->findChild<QPushButton*>(QStringLiteral("endButton"))->isEnabled(), insurance);
        }
    }

private:
    std::unique_ptr<LinkagesPage> makePage(const services::Operator& op)
    {
        return std::make_unique<LinkagesPage>(*m_rig->linkages, *m_rig->cards, op, *m_world.clock,
                                              gui::ImportDialog::Setup{});
    }

    void enrol(const store::CardIdentity& card, const QString& kind, const QJsonObject& fields)
    {
        services::EnrolRequest request;
        request.card = card;
        request.kind = kind;
        request.fields = fields;
        request.assurance = store::Assurance::PinSignature;
        auto done = m_rig->linkages->enrol(m_staff, std::move(request));
        QVERIFY2(done, qPrintable(done ? QString() : done.error().toString()));
    }

    // Card 1: platform ID + insurance, resident 窓口　花子; card 2: CATV.
    void seed()
    {
        const store::CardIdentity one{QByteArray::fromHex("a1a1"), QByteArray::fromHex("01")};
        const store::CardIdentity two{QByteArray::fromHex("a1a1"), QByteArray::fromHex("02")};
        enrol(one, QStringLiteral("platform_id"), {{QStringLiteral("platform_id"), QStringLiteral("PF-0001")}});
        enrol(one, QStringLiteral("health_insurance"),
              {{QStringLiteral("insurer_number"), QStringLiteral("33120015")},
               {QStringLiteral("symbol"), QStringLiteral("S1")},
               {QStringLiteral("number"), QStringLiteral("7")},
               {QStringLiteral("branch"), QStringLiteral("01")}});
        enrol(two, QStringLiteral("catv"), {{QStringLiteral("household_id"), QStringLiteral("HH-1")}});
        QVERIFY(
            m_rig->linkages->recordResident(m_staff, one, QStringLiteral("窓口　花子"), QStringLiteral("19800401")));
    }

    test::CounterWorld m_world;
    std::unique_ptr<test::CounterRig> m_rig;
    std::unique_ptr<LinkagesPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    const services::Operator m_staff{QStringLiteral("staff-1"), services::Role::MunicipalStaff};
};

QTEST_MAIN(TestLinkagesPage)
#include "TestLinkagesPage.moc"
