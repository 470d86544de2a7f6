#include "ShellFixture.h"
#include "gui/OperatorListModel.h"
#include "gui/OperatorsPage.h"
#include "gui/TrustAnchorModel.h"
#include "pki/TrustStore.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace madoguchi;
using services::Role;

// The Operators page and its model (checked with QAbstractItemModelTester), plus the trust-anchor
// model of the Settings page.
class TestOperatorsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fixture.setUp()); }

    void listsTheTrainingOperators()
    {
        QVERIFY(m_fixture.signInAs(Role::Admin));
        gui::OperatorsPage page(*m_fixture.operators, *m_fixture.session);
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(page.model()->rowCount(), 4);
        QCOMPARE(page.model()->index(0, gui::OperatorListModel::LoginColumn).data().toString(),
                 QStringLiteral("admin"));
        // Disable "clerk" through the page; the model shows it in words.
        auto* view = page.findChild<QTableView*>(QStringLiteral("operatorsTableView"));
        view->selectRow(2);
        QCOMPARE(page.model()->index(2, 0).data().toString(), QStringLiteral("clerk"));
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("disableButton")), Qt::LeftButton);
        QVERIFY(page.model()
                    ->index(2, gui::OperatorListModel::StateColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("Disabled")));
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("statusLabel"))->text().contains(QStringLiteral("clerk")));
        QCOMPARE(m_fixture.session->signInTrainingOperator(QStringLiteral("clerk")).error().code,
                 core::Errc::AuthenticationFailed);
        QVERIFY(m_fixture.signInAs(Role::Admin));
        QVERIFY(m_fixture.operators->setDisabled(m_fixture.session->actor(), QStringLiteral("clerk"), false));
    }

    void nonAdminsSeeNothing()
    {
        QVERIFY(m_fixture.signInAs(Role::MunicipalStaff));
        gui::OperatorsPage page(*m_fixture.operators, *m_fixture.session);
        QCOMPARE(page.model()->rowCount(), 0);
        QVERIFY(!page.findChild<QLabel*>(QStringLiteral("statusLabel"))->text().isEmpty());
    }

    void trustAnchorModel()
    {
        auto trust = pki::TrustStore::load(pki::TrustMode::Training);
        QVERIFY(trust);
        gui::TrustAnchorModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAnchors(trust->anchors());
        QCOMPARE(model.rowCount(), static_cast<int>(trust->anchors().size()));
        QVERIFY(model.rowCount() > 0);
        QVERIFY(!model.index(0, gui::TrustAnchorModel::SubjectColumn).data().toString().isEmpty());
        model.setAnchors({});
        QCOMPARE(model.rowCount(), 0);
    }

private:
    test::ShellFixture m_fixture;
};

QTEST_MAIN(TestOperatorsPage)
#include "TestOperatorsPage.moc"
