#include "SecretServiceSession.h"
#include "services/CounterSetup.h"
#include "services/StoreSession.h"
#include "store/KeyFile.h"
#include "store/OsKeychain.h"

#include <QTemporaryDir>
#include <QTest>

using namespace madoguchi;
using services::StoreSession;

// The real OS keychain end to end (issue 4 item 2): a private D-Bus session with GNOME Keyring's
// Secret Service (SecretServiceSession), qtkeychain, OsKeychain, and a counter that opens without a
// prompt. Skips, saying why, where the tools are missing or the daemon cannot start; nothing of a
// desktop session is used or changed. MADOGUCHI_REQUIRE_KEYCHAIN=1 turns the skip into a failure.
class TestOsKeychain final : public QObject
{
    Q_OBJECT

private:
    static constexpr store::KdfParams FastKdf{10, 8, 1};
    test::SecretServiceSession m_service;
    QTemporaryDir m_dir;

    static core::SecureBytes secret(const char* text) { return core::SecureBytes(QByteArrayView(text)); }

private Q_SLOTS:
    void initTestCase()
    {
        if (!store::OsKeychain::isBuiltIn()) {
            QSKIP("this build has no qtkeychain: the passphrase key file is the only route");
        }
        // Before any bus exists: the probe must say why the keychain is unusable, not hang or pass.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/madoguchi-test-bus");
        auto none = store::OsKeychain(QStringLiteral("Madoguchi test")).probe();
        QVERIFY(!none);
        QVERIFY2(none.error().code != core::Errc::Timeout, qPrintable(none.error().toString()));
        qInfo("without a session bus the probe says: %s", qPrintable(none.error().toString()));

        if (const QString why = m_service.start(); !why.isEmpty()) {
            if (qEnvironmentVariableIntValue("MADOGUCHI_REQUIRE_KEYCHAIN") == 1) {
                QFAIL(qPrintable(why));
            }
            QSKIP(qPrintable(QStringLiteral("no Secret Service can run here (%1)").arg(why)));
        }
    }

    void cleanupTestCase() { m_service.stop(); }

    void probeFindsTheKeychain()
    {
        auto probe = store::OsKeychain(QStringLiteral("Madoguchi test")).probe();
        QVERIFY2(probe, probe ? "" : qPrintable(probe.error().toString()));
    }

    void providerStoresReadsAndRemovesTheKey()
    {
        store::OsKeychain keychain(QStringLiteral("Madoguchi test"));
        auto provider = keychain.providerFor(m_dir.filePath(QStringLiteral("p.db")));
        auto key = store::KeyFile::randomKey();
        QVERIFY(key);
        QVERIFY(provider->storeDatabaseKey(*key));
        auto back = provider->databaseKey();
        QVERIFY2(back, back ? "" : qPrintable(back.error().toString()));
        QVERIFY(back->equals(*key));
        // Another database's entry is another entry.
        auto other = keychain.providerFor(m_dir.filePath(QStringLiteral("q.db")))->databaseKey();
        QVERIFY(!other);
        QCOMPARE(other.error().code, core::Errc::NotFound);
        QVERIFY(provider->removeDatabaseKey());
        QCOMPARE(provider->databaseKey().error().code, core::Errc::NotFound);
    }

    // First run with the keychain, then the next start without a prompt; a lost entry falls back to
    // the recovery passphrase, which puts the key back.
    void counterOpensWithoutAPrompt()
    {
        store::OsKeychain keychain(QStringLiteral("Madoguchi test"));
        const QString path = m_dir.filePath(QStringLiteral("counter.db"));
        {
            auto created = StoreSession::create(path, secret("recovery words"), FastKdf, keychain.providerFor(path));
            QVERIFY2(created, created ? "" : qPrintable(created.error().toString()));
        }
        auto unlock = services::CounterSetup::unlockWithoutPrompt(path, keychain);
        QVERIFY2(unlock.session, unlock.keychainProblem ? qPrintable(unlock.keychainProblem->toString()) : "");
        unlock.session.reset();

        QVERIFY(keychain.providerFor(path)->removeDatabaseKey());
        unlock = services::CounterSetup::unlockWithoutPrompt(path, keychain);
        QVERIFY(!unlock.session);
        QVERIFY(unlock.keychainProblem);
        QCOMPARE(unlock.keychainProblem->code, core::Errc::NotFound);
        QVERIFY(StoreSession::open(path, secret("recovery words"), StoreSession::Schema::Migrate,
                                   keychain.providerFor(path)));
        QVERIFY(services::CounterSetup::unlockWithoutPrompt(path, keychain).session);
        QVERIFY(keychain.providerFor(path)->removeDatabaseKey());
    }
};

QTEST_GUILESS_MAIN(TestOsKeychain)
#include "TestOsKeychain.moc"
