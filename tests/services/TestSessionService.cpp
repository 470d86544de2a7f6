#include "ServiceFixture.h"
#include "services/OperatorService.h"
#include "services/SessionService.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace madoguchi;
using services::Role;

// The signed-in operator, the inactivity lock and unlocking (issue 6 item 1). Waits on signals.
class TestSessionService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_db = test::openMigrated(m_dir.filePath(QStringLiteral("s%1.db").arg(++m_n)));
        QVERIFY(m_db);
        services::OperatorService::Options cheap;
        cheap.kdf = {10, 8, 1};
        m_ops = std::make_unique<services::OperatorService>(*m_db, m_clock, nullptr, cheap);
        QVERIFY(m_ops->createFirstAdmin({QStringLiteral("root"), QStringLiteral("Root"), Role::Admin},
                                        core::SecureBytes(QByteArrayView("correct horse"))));
    }

    void cleanup()
    {
        m_ops.reset();
        m_db.reset();
    }

    void locksAfterInactivityAndUnlocks()
    {
        services::SessionService session(*m_ops);
        QCOMPARE(session.actor().id, QString());
        QSignalSpy signedIn(&session, &services::SessionService::signedIn);
        QVERIFY(session.signIn(QStringLiteral("root"), core::SecureBytes(QByteArrayView("correct horse"))));
        QCOMPARE(signedIn.count(), 1);
        QCOMPARE(session.actor().id, QStringLiteral("root"));
        QSignalSpy locked(&session, &services::SessionService::locked);
        session.setLockTimeout(50);
        QVERIFY(locked.wait(5000));
        QVERIFY(session.isLocked());
        QCOMPARE(session.actor().id, QString()); // services refuse a locked session
        QCOMPARE(session.unlock(core::SecureBytes(QByteArrayView("wrong one"))).error().code,
                 core::Errc::AuthenticationFailed);
        QVERIFY(session.isLocked());
        QSignalSpy unlocked(&session, &services::SessionService::unlocked);
        session.setLockTimeout(0);
        QVERIFY(session.unlock(core::SecureBytes(QByteArrayView("correct horse"))));
        QCOMPARE(unlocked.count(), 1);
        QCOMPARE(session.actor().role, Role::Admin);
    }

    void activityPostponesTheLock()
    {
        services::SessionService session(*m_ops);
        QVERIFY(session.signIn(QStringLiteral("root"), core::SecureBytes(QByteArrayView("correct horse"))));
        session.setLockTimeout(200);
        QSignalSpy locked(&session, &services::SessionService::locked);
        QElapsedTimer timer;
        timer.start();
        QTimer keepAlive;
        connect(&keepAlive, &QTimer::timeout, &session, &services::SessionService::noteActivity);
        keepAlive.start(20);
        QTimer::singleShot(400, &keepAlive, &QTimer::stop);
        QVERIFY(locked.wait(5000));
        QVERIFY2(timer.elapsed() >= 550, qPrintable(QString::number(timer.elapsed())));
    }

    void lockOnDemandAndSignOut()
    {
        services::SessionService session(*m_ops);
        session.lock(); // nobody signed in: nothing to lock
        QVERIFY(!session.isLocked());
        QVERIFY(session.signIn(QStringLiteral("root"), core::SecureBytes(QByteArrayView("correct horse"))));
        session.lock();
        QVERIFY(session.isLocked());
        QSignalSpy out(&session, &services::SessionService::signedOut);
        session.signOut();
        QCOMPARE(out.count(), 1);
        QVERIFY(!session.isSignedIn());
        QVERIFY(!session.isLocked());
    }

    void demoOperatorsOnlyInTraining()
    {
        services::SessionService production(*m_ops, false);
        QCOMPARE(production.signInTrainingOperator(QStringLiteral("root")).error().code, core::Errc::PermissionDenied);
        services::SessionService training(*m_ops, true);
        QVERIFY(training.signInTrainingOperator(QStringLiteral("root")));
        QCOMPARE(training.actor().id, QStringLiteral("root"));
    }

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    core::SystemClock m_clock;
    std::optional<store::Database> m_db;
    std::unique_ptr<services::OperatorService> m_ops;
};

QTEST_GUILESS_MAIN(TestSessionService)
#include "TestSessionService.moc"
