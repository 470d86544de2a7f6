#include "ServiceFixture.h"
#include "pki/TrustStore.h"
#include "services/AccessPolicy.h"
#include "services/ChangeRecorder.h"
#include "services/CounterSetup.h"
#include "services/OperatorService.h"
#include "services/PasswordHasher.h"
#include "services/SettingsService.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace madoguchi;
using services::Role;

namespace {

class ListRecorder final : public services::ChangeRecorder
{
public:
    core::Result<void> record(store::Database&, const services::ChangeRecord& change) override
    {
        ops.append(change.entity + QLatin1Char('/') + change.op);
        return {};
    }
    QStringList ops;
};

core::SecureBytes secret(const char* text)
{
    return core::SecureBytes(QByteArrayView(text));
}

services::Operator as(Role role)
{
    return {QStringLiteral("actor"), role};
}

} // namespace

// Operators, sign-in, back-off and role enforcement, called directly as each role (issue 6 item 1).
class TestOperatorService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = test::openMigrated(m_dir.filePath(QStringLiteral("t%1.db").arg(++m_n)));
        QVERIFY(m_db);
        m_clock = std::make_unique<core::FixedClock>(QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC));
        services::OperatorService::Options cheap;
        cheap.kdf = {10, 8, 1}; // tests only: the real cost is 2^15
        m_recorder.ops.clear();
        m_ops = std::make_unique<services::OperatorService>(*m_db, *m_clock, &m_recorder, cheap);
        QVERIFY(m_ops->createFirstAdmin({QStringLiteral("root"), QStringLiteral("Root"), Role::Admin},
                                        secret("correct horse")));
    }

    void cleanup()
    {
        m_ops.reset();
        m_db.reset();
    }

    void firstRunCreatesDatabaseAndAdmin()
    {
        const QString path = m_dir.filePath(QStringLiteral("counter/madoguchi.db"));
        QVERIFY(!services::CounterSetup::exists(path));
        auto session = services::CounterSetup::createCounter(
            path, secret("a long admin passphrase"), {QStringLiteral("boss"), QStringLiteral("Boss"), Role::Auditor},
            secret("boss-password"), *m_clock);
        QVERIFY2(session, qPrintable(session ? QString() : session.error().toString()));
        QVERIFY(services::CounterSetup::exists(path));
        services::OperatorService ops(session->database(), *m_clock);
        auto op = ops.authenticate(QStringLiteral("boss"), secret("boss-password"));
        QVERIFY(op);
        QCOMPARE(op->role, Role::Admin); // the first account is always an admin
        // A second first-run is refused, and the database opens again with the passphrase only.
        QCOMPARE(ops.createFirstAdmin({QStringLiteral("x"), {}, Role::Admin}, secret("whatever1")).error().code,
                 core::Errc::PermissionDenied);
        QVERIFY(!services::CounterSetup::createCounter(path, secret("a long admin passphrase"), {}, secret("12345678"),
                                                       *m_clock));
    }

    void trainingCounterOpensAgainWithItsDemoOperators()
    {
        QTemporaryDir data;
        {
            auto created = services::CounterSetup::openOrCreateTraining(data.path(), *m_clock);
            QVERIFY2(created, qPrintable(created ? QString() : created.error().toString()));
        }
        auto reopened = services::CounterSetup::openOrCreateTraining(data.path(), *m_clock);
        QVERIFY(reopened);
        services::OperatorService ops(reopened->database(), *m_clock);
        for (Role role : {Role::Admin, Role::MunicipalStaff, Role::InsurerClerk, Role::Auditor}) {
            auto op = ops.authenticate(services::CounterSetup::trainingLoginFor(role),
                                       secret(services::CounterSetup::TrainingPassword));
            QVERIFY(op);
            QCOMPARE(op->role, role);
        }
    }

    // Not a timing assertion (performance.md: tests never assert timings): the production cost, reported.
    void productionHashCost()
    {
        QElapsedTimer timer;
        timer.start();
        QVERIFY(services::PasswordHasher::hash(secret("correct horse"), store::KdfParams{}));
        qInfo("scrypt N=2^15 r=8 p=1: %lld ms per password check", static_cast<long long>(timer.elapsed()));
    }

    void firstRunRefusesWeakInput()
    {
        const QString path = m_dir.filePath(QStringLiteral("weak/madoguchi.db"));
        auto shortPass = services::CounterSetup::createCounter(
            path, secret("short"), {QStringLiteral("a"), {}, Role::Admin}, secret("password1"), *m_clock);
        QCOMPARE(shortPass.error().code, core::Errc::InvalidArgument);
        auto badLogin = services::CounterSetup::createCounter(path, secret("a long admin passphrase"),
                                                              {QStringLiteral("Bad Name"), {}, Role::Admin},
                                                              secret("password1"), *m_clock);
        QCOMPARE(badLogin.error().code, core::Errc::InvalidArgument);
        QVERIFY(!services::CounterSetup::exists(path)); // nothing half-made is left behind
    }

    void signIn_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("ok");
        QTest::newRow("right") << QStringLiteral("root") << QStringLiteral("correct horse") << true;
        QTest::newRow("wrong password") << QStringLiteral("root") << QStringLiteral("correct horsE") << false;
        QTest::newRow("unknown name") << QStringLiteral("nobody") << QStringLiteral("correct horse") << false;
        QTest::newRow("empty") << QStringLiteral("root") << QString() << false;
    }

    void signIn()
    {
        QFETCH(QString, login);
        QFETCH(QString, password);
        QFETCH(bool, ok);
        auto op = m_ops->authenticate(login, core::SecureBytes(password.toUtf8()));
        QCOMPARE(op.has_value(), ok);
        if (ok) {
            QCOMPARE(op->id, QStringLiteral("root"));
            QCOMPARE(op->role, Role::Admin);
        } else {
            QCOMPARE(op.error().code, core::Errc::AuthenticationFailed);
        }
    }

    void lockoutBacksOffAndResets()
    {
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(m_ops->authenticate(QStringLiteral("root"), secret("guess")).error().code,
                     core::Errc::AuthenticationFailed);
        }
        // Locked now: even the right password is refused until the back-off has passed.
        QCOMPARE(m_ops->authenticate(QStringLiteral("root"), secret("correct horse")).error().code,
                 core::Errc::AccountLocked);
        m_clock->advanceSeconds(31);
        QCOMPARE(m_ops->authenticate(QStringLiteral("root"), secret("guess")).error().code,
                 core::Errc::AuthenticationFailed);
        m_clock->advanceSeconds(31); // the sixth failure doubled the wait to 60 s
        QCOMPARE(m_ops->authenticate(QStringLiteral("root"), secret("correct horse")).error().code,
                 core::Errc::AccountLocked);
        m_clock->advanceSeconds(30);
        QVERIFY(m_ops->authenticate(QStringLiteral("root"), secret("correct horse")));
        QVERIFY(m_recorder.ops.contains(QStringLiteral("operator/sign_in_failed")));
        QCOMPARE(m_recorder.ops.last(), QStringLiteral("operator/sign_in"));
        auto accounts = m_ops->list(as(Role::Admin));
        QVERIFY(accounts);
        QCOMPARE(accounts->first().failedAttempts, 0);
    }

    void disabledAccountCannotSignIn()
    {
        const auto admin = as(Role::Admin);
        QVERIFY(m_ops->add(admin, {QStringLiteral("kato"), QStringLiteral("Kato"), Role::InsurerClerk},
                           secret("kato-pass")));
        QVERIFY(m_ops->authenticate(QStringLiteral("kato"), secret("kato-pass")));
        QVERIFY(m_ops->setDisabled(admin, QStringLiteral("kato"), true));
        QCOMPARE(m_ops->authenticate(QStringLiteral("kato"), secret("kato-pass")).error().code,
                 core::Errc::AuthenticationFailed);
        QVERIFY(m_ops->resetPassword(admin, QStringLiteral("kato"), secret("new-pass-1")));
        QVERIFY(m_ops->setDisabled(admin, QStringLiteral("kato"), false));
        QVERIFY(!m_ops->authenticate(QStringLiteral("kato"), secret("kato-pass")));
        QVERIFY(m_ops->authenticate(QStringLiteral("kato"), secret("new-pass-1")));
        QVERIFY(m_ops->changeRole(admin, QStringLiteral("kato"), Role::Auditor));
        QCOMPARE(m_ops->authenticate(QStringLiteral("kato"), secret("new-pass-1"))->role, Role::Auditor);
        for (const char* op : {"operator/add", "operator/disable", "operator/reset_password", "operator/enable",
                               "operator/change_role"}) {
            QVERIFY2(m_recorder.ops.contains(QLatin1String(op)), op);
        }
    }

    void lastAdminStays()
    {
        const auto admin = as(Role::Admin);
        QCOMPARE(m_ops->setDisabled(admin, QStringLiteral("root"), true).error().code, core::Errc::InvalidArgument);
        QCOMPARE(m_ops->changeRole(admin, QStringLiteral("root"), Role::Auditor).error().code,
                 core::Errc::InvalidArgument);
        QVERIFY(m_ops->add(admin, {QStringLiteral("second"), {}, Role::Admin}, secret("second-pass")));
        QVERIFY(m_ops->changeRole(admin, QStringLiteral("root"), Role::Auditor));
    }

    // Roles × actions, straight at the services (issue 6 tests): the GUI hiding a button is not the check.
    void rolesAreEnforced_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<QString>("action");
        QTest::addColumn<bool>("allowed");
        const QStringList actions{QStringLiteral("list"),     QStringLiteral("add"),
                                  QStringLiteral("disable"),  QStringLiteral("reset"),
                                  QStringLiteral("role"),     QStringLiteral("officeSetting"),
                                  QStringLiteral("language"), QStringLiteral("trustAnchor")};
        const QList<QPair<Role, QStringList>> allowedBy{
            {Role::Admin, actions},
            {Role::Auditor, {QStringLiteral("list"), QStringLiteral("language")}},
            {Role::MunicipalStaff, {QStringLiteral("language")}},
            {Role::InsurerClerk, {QStringLiteral("language")}},
        };
        for (const auto& [role, allowed] : allowedBy) {
            for (const QString& action : actions) {
                QTest::addRow("%s × %s", qPrintable(services::roleName(role)), qPrintable(action))
                    << static_cast<int>(role) << action << allowed.contains(action);
            }
        }
    }

    void rolesAreEnforced()
    {
        QFETCH(int, role);
        QFETCH(QString, action);
        QFETCH(bool, allowed);
        QVERIFY(
            m_ops->add(as(Role::Admin), {QStringLiteral("target"), {}, Role::MunicipalStaff}, secret("target-pass")));
        services::SettingsService settings(m_dir.filePath(QStringLiteral("settings%1.ini").arg(m_n)));
        settings.attachAudit(&*m_db, &m_recorder);
        auto trust =
            pki::TrustStore::load(pki::TrustMode::Production, m_dir.filePath(QStringLiteral("anchors%1.pem").arg(m_n)));
        QVERIFY(trust);
        const auto actor = as(static_cast<Role>(role));
        const QString target = QStringLiteral("target");
        core::Result<void> result;
        if (action == QStringLiteral("list")) {
            auto listed = m_ops->list(actor);
            result = listed ? core::Result<void>{} : core::fail(listed.error());
        } else if (action == QStringLiteral("add")) {
            result = m_ops->add(actor, {QStringLiteral("new"), {}, Role::Auditor}, secret("new-password"));
        } else if (action == QStringLiteral("disable")) {
            result = m_ops->setDisabled(actor, target, true);
        } else if (action == QStringLiteral("reset")) {
            result = m_ops->resetPassword(actor, target, secret("another-pass"));
        } else if (action == QStringLiteral("role")) {
            result = m_ops->changeRole(actor, target, Role::Admin);
        } else if (action == QStringLiteral("officeSetting")) {
            result = settings.set(actor, services::SettingsService::Key::PhotoCheckApproved, true);
        } else if (action == QStringLiteral("language")) {
            result = settings.set(actor, services::SettingsService::Key::Language, QStringLiteral("en"));
        } else if (action == QStringLiteral("trustAnchor")) {
            const QString pem = m_dir.filePath(QStringLiteral("root.pem"));
            QFile file(pem);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(pki::TrustStore::builtInRootsPem().front());
            file.close();
            auto installed = settings.installTrustAnchors(actor, *trust, pem);
            // The built-in root is already trusted: an admin gets past the role check to that answer.
            result = installed || installed.error().code != core::Errc::PermissionDenied
                         ? core::Result<void>{}
                         : core::fail(installed.error());
        }
        QCOMPARE(result.has_value(), allowed);
        if (!allowed) {
            QCOMPARE(result.error().code, core::Errc::PermissionDenied);
        }
    }

    void settingsValidateAndRecord()
    {
        services::SettingsService settings(m_dir.filePath(QStringLiteral("v%1.ini").arg(m_n)));
        settings.attachAudit(&*m_db, &m_recorder);
        const auto admin = as(Role::Admin);
        QCOMPARE(settings.lockMinutes(), 5);
        QVERIFY(settings.set(admin, services::SettingsService::Key::LockMinutes, 10));
        QCOMPARE(settings.lockMinutes(), 10);
        QCOMPARE(settings.set(admin, services::SettingsService::Key::LockMinutes, 500).error().code,
                 core::Errc::InvalidArgument);
        QCOMPARE(settings.set(admin, services::SettingsService::Key::PlatformAddress, QStringLiteral("http://x"))
                     .error()
                     .code,
                 core::Errc::InvalidArgument);
        QVERIFY(settings.set(admin, services::SettingsService::Key::PlatformAddress,
                             QStringLiteral("https://platform.example.jp:8443")));
        QCOMPARE(m_recorder.ops.count(QStringLiteral("setting/change")), 2);
        // Persisted: a second instance on the same file sees the values.
        services::SettingsService again(settings.filePath());
        QCOMPARE(again.lockMinutes(), 10);
    }

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    std::optional<store::Database> m_db;
    std::unique_ptr<core::FixedClock> m_clock;
    ListRecorder m_recorder;
    std::unique_ptr<services::OperatorService> m_ops;
};

QTEST_GUILESS_MAIN(TestOperatorService)
#include "TestOperatorService.moc"
