#include "ShellFixture.h"
#include "gui/LockScreen.h"
#include "gui/MainWindow.h"

#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTest>

using namespace madoguchi;
using services::Role;
using services::Workspace;

// The window with a session: sign-in on the lock screen, the pages each role sees, the inactivity
// lock hiding the content and cancelling open dialogs (a PIN entry), unlock. Waits on signals.
class TestLockScreen final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fixture.setUp()); }

    void init()
    {
        m_fixture.session->signOut();
        m_fixture.session->setLockTimeout(0);
        m_window = std::make_unique<gui::MainWindow>(gui::MainWindow::Context{
            nullptr, nullptr, true, m_fixture.session.get(), m_fixture.operators.get(), m_fixture.settings.get()});
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void signIn_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("ok");
        QTest::newRow("right") << QStringLiteral("staff") << QStringLiteral("training") << true;
        QTest::newRow("wrong password") << QStringLiteral("staff") << QStringLiteral("Training") << false;
        QTest::newRow("unknown") << QStringLiteral("ghost") << QStringLiteral("training") << false;
    }

    void signIn()
    {
        QFETCH(QString, login);
        QFETCH(QString, password);
        QFETCH(bool, ok);
        QVERIFY(m_window->isContentHidden());
        auto* screen = m_window->lockScreen();
        auto* loginEdit = screen->findChild<QLineEdit*>(QStringLiteral("loginLineEdit"));
        loginEdit->setText(login);
        QTest::keyClicks(screen->findChild<QLineEdit*>(QStringLiteral("passwordLineEdit")), password);
        QTest::keyClick(screen->findChild<QLineEdit*>(QStringLiteral("passwordLineEdit")), Qt::Key_Return);
        QCOMPARE(m_window->isContentHidden(), !ok);
        QCOMPARE(screen->findChild<QLineEdit*>(QStringLiteral("passwordLineEdit"))->text(), QString());
        const QString error = screen->findChild<QLabel*>(QStringLiteral("errorLabel"))->text();
        QCOMPARE(error.isEmpty(), ok);
        if (ok) {
            QVERIFY(m_window->findChild<QLabel*>(QStringLiteral("operatorLabel"))
                        ->text()
                        .contains(QStringLiteral("TEST Municipal staff")));
            QVERIFY(m_window->windowTitle().contains(QStringLiteral("TEST Municipal staff")));
        }
    }

    void pagesFollowTheRole_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<QList<int>>("shown");
        QTest::newRow("admin") << int(Role::Admin) << QList<int>{0, 1, 2, 3, 4, 5, 6, 7};
        QTest::newRow("staff") << int(Role::MunicipalStaff) << QList<int>{0, 1, 2, 3, 5, 6};
        QTest::newRow("clerk") << int(Role::InsurerClerk) << QList<int>{0, 1, 2, 3, 5, 6};
        QTest::newRow("auditor") << int(Role::Auditor) << QList<int>{0, 2, 3, 4, 5, 6};
    }

    void pagesFollowTheRole()
    {
        QFETCH(int, role);
        QFETCH(QList<int>, shown);
        QVERIFY(m_fixture.signInAs(static_cast<Role>(role)));
        for (int i = 0; i < gui::MainWindow::PageCount; ++i) {
            QVERIFY2(m_window->isPageShown(static_cast<Workspace>(i)) == shown.contains(i),
                     qPrintable(QString::number(i)));
        }
        // Ctrl+N reaches a shown page and not a hidden one.
        auto* tabs = m_window->findChild<QTabWidget*>(QStringLiteral("pagesTabWidget"));
        QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(tabs->currentWidget(), m_window->page(Workspace::Linkages));
        QTest::keyClick(m_window.get(), Qt::Key_8, Qt::ControlModifier);
        QCOMPARE(tabs->currentWidget() == m_window->page(Workspace::Operators), shown.contains(7));
    }

    void locksAfterInactivityAndCancelsDialogs()
    {
        QVERIFY(m_fixture.signInAs(Role::MunicipalStaff));
        QVERIFY(!m_window->isContentHidden());
        // A dialog in progress (stands for the resident's PIN entry) must not survive a lock.
        QDialog pinDialog(m_window.get());
        pinDialog.show();
        QSignalSpy rejected(&pinDialog, &QDialog::rejected);
        QSignalSpy locked(m_fixture.session.get(), &services::SessionService::locked);
        m_fixture.session->setLockTimeout(100);
        QVERIFY(locked.wait(5000));
        QVERIFY(m_window->isContentHidden());
        QCOMPARE(rejected.count(), 1);
        QVERIFY(!pinDialog.isVisible());
        QVERIFY(m_window->findChild<QLabel*>(QStringLiteral("operatorLabel"))
                    ->text()
                    .contains(QStringLiteral("TEST Municipal staff")));
        // Unlock with the same operator's password.
        m_fixture.session->setLockTimeout(0);
        auto* password = m_window->lockScreen()->findChild<QLineEdit*>(QStringLiteral("passwordLineEdit"));
        QVERIFY(m_window->lockScreen()->findChild<QLineEdit*>(QStringLiteral("loginLineEdit"))->isReadOnly());
        QTest::keyClicks(password, QStringLiteral("training"));
        QTest::keyClick(password, Qt::Key_Return);
        QVERIFY(!m_window->isContentHidden());
    }

    void lockOnDemandAndSignOut()
    {
        QVERIFY(m_fixture.signInAs(Role::Admin));
        QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
        QVERIFY(m_fixture.session->isLocked());
        QVERIFY(m_window->isContentHidden());
        auto* signOut = m_window->lockScreen()->findChild<QPushButton*>(QStringLiteral("signOutButton"));
        QVERIFY(signOut->isVisible());
        QTest::mouseClick(signOut, Qt::LeftButton);
        QVERIFY(!m_fixture.session->isSignedIn());
        QVERIFY(m_window->isContentHidden());
        QVERIFY(!m_window->lockScreen()->findChild<QLineEdit*>(QStringLiteral("loginLineEdit"))->isReadOnly());
    }

    void trainingCredentialsShownInTrainingOnly()
    {
        auto* hint = m_window->lockScreen()->findChild<QLabel*>(QStringLiteral("trainingHintLabel"));
        QVERIFY(hint->isVisible());
        QVERIFY(hint->text().contains(QStringLiteral("TEST")));
        services::SessionService production(*m_fixture.operators, false);
        gui::LockScreen screen(production);
        QVERIFY(screen.findChild<QLabel*>(QStringLiteral("trainingHintLabel"))->isHidden());
    }

private:
    test::ShellFixture m_fixture;
    std::unique_ptr<gui::MainWindow> m_window;
};

QTEST_MAIN(TestLockScreen)
#include "TestLockScreen.moc"
