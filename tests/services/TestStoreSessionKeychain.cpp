#include "FakeKeychain.h"
#include "services/CounterSetup.h"
#include "services/StoreSession.h"
#include "store/KeyFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace madoguchi;
using services::CounterSetup;
using services::StoreSession;

// The OS keychain route of the database key (issue 4 item 2) with a fake keychain: the choice is
// recorded in the key file, the next start opens without a prompt, and every way the keychain can
// fail falls back to the recovery passphrase, which also repairs the entry.
class TestStoreSessionKeychain final : public QObject
{
    Q_OBJECT

private:
    static constexpr store::KdfParams FastKdf{10, 8, 1}; // the KDF's cost is not under test here
    QTemporaryDir m_dir;
    int m_n = 0;

    static core::SecureBytes secret(const char* text) { return core::SecureBytes(QByteArrayView(text)); }
    QString freshPath() { return m_dir.filePath(QStringLiteral("c%1.db").arg(++m_n)); }

    // A keychain counter: the key in `keychain` and a recovery passphrase "recovery words".
    StoreSession createWithKeychain(const QString& path, test::FakeKeychain& keychain)
    {
        auto session = StoreSession::create(path, secret("recovery words"), FastKdf, keychain.providerFor(path));
        if (!session) {
            qFatal("create failed: %s", qPrintable(session.error().toString()));
        }
        return std::move(*session);
    }

private Q_SLOTS:
    void createRecordsTheKeychainAndStoresTheKey()
    {
        test::FakeKeychain keychain;
        const QString path = freshPath();
        {
            StoreSession session = createWithKeychain(path, keychain);
            QCOMPARE(session.keyWrapping(), store::KeyWrapping::KeychainAndPassphrase);
        }
        QCOMPARE(store::KeyFile::wrapping(store::KeyFile::defaultPathFor(path)).value(),
                 store::KeyWrapping::KeychainAndPassphrase);
        QCOMPARE(keychain.entryFor(path).size(), 32);
        // Both routes open it: the keychain without a prompt, the recovery passphrase without the keychain.
        QVERIFY(StoreSession::openFromKeychain(path, keychain.providerFor(path)));
        auto recovered = StoreSession::open(path, secret("recovery words"));
        QVERIFY2(recovered, recovered ? "" : qPrintable(recovered.error().toString()));
        QVERIFY(!StoreSession::open(path, secret("wrong words")));
    }

    void passphraseCounterIsNotOpenedFromTheKeychain()
    {
        test::FakeKeychain keychain;
        const QString path = freshPath();
        QVERIFY(StoreSession::create(path, secret("only a passphrase"), FastKdf));
        QCOMPARE(store::KeyFile::wrapping(store::KeyFile::defaultPathFor(path)).value(),
                 store::KeyWrapping::PassphraseOnly);
        auto unlock = CounterSetup::unlockWithoutPrompt(path, keychain);
        QVERIFY(!unlock.session);
        QVERIFY(!unlock.keychainProblem); // no message: this counter always asks for its passphrase
        auto direct = StoreSession::openFromKeychain(path, keychain.providerFor(path));
        QVERIFY(!direct);
        QCOMPARE(direct.error().code, core::Errc::InvalidArgument);
        QVERIFY(keychain.state().entries.isEmpty());
    }

    void refusedKeychainCreatesNothing()
    {
        test::FakeKeychain keychain;
        keychain.state().writeFailure = core::Error{core::Errc::PermissionDenied, QStringLiteral("refused"), 4};
        const QString path = freshPath();
        auto session = StoreSession::create(path, secret("recovery words"), FastKdf, keychain.providerFor(path));
        QVERIFY(!session);
        QCOMPARE(session.error().code, core::Errc::PermissionDenied);
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(store::KeyFile::defaultPathFor(path)));
    }

    void unlockWithoutPrompt_data()
    {
        QTest::addColumn<QString>("failure");
        QTest::addColumn<int>("expected"); // -1: opened without a prompt
        QTest::newRow("keychain has the key") << QString() << -1;
        QTest::newRow("no keychain service") << QStringLiteral("probe") << int(core::Errc::Unsupported);
        QTest::newRow("keychain locked") << QStringLiteral("locked") << int(core::Errc::PermissionDenied);
        QTest::newRow("entry missing") << QStringLiteral("missing") << int(core::Errc::NotFound);
        QTest::newRow("entry holds another key") << QStringLiteral("stale") << int(core::Errc::WrongKey);
    }

    void unlockWithoutPrompt()
    {
        QFETCH(QString, failure);
        QFETCH(int, expected);
        test::FakeKeychain keychain;
        const QString path = freshPath();
        {
            StoreSession created = createWithKeychain(path, keychain);
        }
        if (failure == QStringLiteral("probe")) {
            keychain.state().probeFailure = core::Error{core::Errc::Unsupported, QStringLiteral("no bus"), 5};
        } else if (failure == QStringLiteral("locked")) {
            keychain.state().readFailure = core::Error{core::Errc::PermissionDenied, QStringLiteral("locked"), 4};
        } else if (failure == QStringLiteral("missing")) {
            keychain.removeEntry(path);
        } else if (failure == QStringLiteral("stale")) {
            keychain.setEntry(path, QByteArray(32, '\x5a'));
        }
        auto unlock = CounterSetup::unlockWithoutPrompt(path, keychain);
        if (expected < 0) {
            QVERIFY(unlock.session);
            QVERIFY(!unlock.keychainProblem);
            QCOMPARE(unlock.session->keyWrapping(), store::KeyWrapping::KeychainAndPassphrase);
            return;
        }
        QVERIFY(!unlock.session);
        QVERIFY(unlock.keychainProblem);
        QCOMPARE(int(unlock.keychainProblem->code), expected);
    }

    // After the fallback the recovery passphrase opens the counter and puts the key back, so the next
    // start is prompt-free again.
    void recoveryPassphraseRepairsTheEntry_data()
    {
        QTest::addColumn<bool>("stale");
        QTest::newRow("entry missing") << false;
        QTest::newRow("entry stale") << true;
    }

    void recoveryPassphraseRepairsTheEntry()
    {
        QFETCH(bool, stale);
        test::FakeKeychain keychain;
        const QString path = freshPath();
        {
            StoreSession created = createWithKeychain(path, keychain);
        }
        if (stale) {
            keychain.setEntry(path, QByteArray(32, '\x5a'));
        } else {
            keychain.removeEntry(path);
        }
        QVERIFY(CounterSetup::unlockWithoutPrompt(path, keychain).keychainProblem);
        auto opened = StoreSession::open(path, secret("recovery words"), StoreSession::Schema::Migrate,
                                         keychain.providerFor(path));
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().toString()));
        QVERIFY(CounterSetup::unlockWithoutPrompt(path, keychain).session);
    }

    void lockedKeychainIsLeftAloneByTheRecoveryRoute()
    {
        test::FakeKeychain keychain;
        const QString path = freshPath();
        {
            StoreSession created = createWithKeychain(path, keychain);
        }
        const int writes = keychain.state().writes;
        keychain.state().readFailure = core::Error{core::Errc::PermissionDenied, QStringLiteral("locked"), 4};
        QVERIFY(StoreSession::open(path, secret("recovery words"), StoreSession::Schema::Migrate,
                                   keychain.providerFor(path)));
        QCOMPARE(keychain.state().writes, writes); // a locked keychain is not "missing": nothing overwritten
    }

    void rotationUpdatesTheKeychain()
    {
        test::FakeKeychain keychain;
        const QString path = freshPath();
        StoreSession session = createWithKeychain(path, keychain);
        const QByteArray before = keychain.entryFor(path);
        QVERIFY(session.rotateDatabaseKey());
        QVERIFY(keychain.entryFor(path) != before);
        QCOMPARE(store::KeyFile::wrapping(store::KeyFile::defaultPathFor(path)).value(),
                 store::KeyWrapping::KeychainAndPassphrase);
        QVERIFY(CounterSetup::unlockWithoutPrompt(path, keychain).session);
        QVERIFY(StoreSession::open(path, secret("recovery words")));
    }

    void keychainSessionNeedsThePassphraseToRotate()
    {
        test::FakeKeychain keychain;
        const QString path = freshPath();
        {
            StoreSession created = createWithKeychain(path, keychain);
        }
        auto session = StoreSession::openFromKeychain(path, keychain.providerFor(path));
        QVERIFY(session);
        auto rotated = session->rotateDatabaseKey();
        QVERIFY(!rotated);
        QCOMPARE(rotated.error().code, core::Errc::InvalidArgument);
        // A new recovery passphrase needs no old one: the session holds the key that opened the database.
        QVERIFY(session->changePassphrase(secret("new recovery words")));
        QVERIFY(StoreSession::open(path, secret("new recovery words")));
        QCOMPARE(store::KeyFile::wrapping(store::KeyFile::defaultPathFor(path)).value(),
                 store::KeyWrapping::KeychainAndPassphrase);
    }

    void moveIntoAndOutOfTheKeychain()
    {
        test::FakeKeychain keychain;
        const QString path = freshPath();
        auto session = StoreSession::create(path, secret("admin words"), FastKdf);
        QVERIFY(session);
        QVERIFY(session->useKeychain(keychain.providerFor(path)));
        QCOMPARE(store::KeyFile::wrapping(store::KeyFile::defaultPathFor(path)).value(),
                 store::KeyWrapping::KeychainAndPassphrase);
        QVERIFY(CounterSetup::unlockWithoutPrompt(path, keychain).session);
        QVERIFY(session->stopUsingKeychain());
        QVERIFY(keychain.entryFor(path).isEmpty());
        QCOMPARE(store::KeyFile::wrapping(store::KeyFile::defaultPathFor(path)).value(),
                 store::KeyWrapping::PassphraseOnly);
        QVERIFY(StoreSession::open(path, secret("admin words")));
    }

    void firstAdminFailureTakesTheKeyOutOfTheKeychain()
    {
        test::FakeKeychain keychain;
        const QString path = freshPath();
        core::SystemClock clock;
        const services::NewOperator admin{QStringLiteral("admin"), QStringLiteral("A"), services::Role::Admin};
        // An unusable login fails in createFirstAdmin, after the store and the keychain entry exist.
        const services::NewOperator bad{QStringLiteral("no spaces allowed"), QStringLiteral("A"),
                                        services::Role::Admin};
        auto created = CounterSetup::createCounter(path, secret("recovery words 1"), bad, secret("first-admin"), clock,
                                                   nullptr, FastKdf, keychain.providerFor(path));
        QVERIFY(!created);
        QVERIFY(keychain.state().writes > 0);
        QVERIFY(keychain.state().entries.isEmpty());
        QVERIFY(!QFile::exists(path));
        created = CounterSetup::createCounter(path, secret("recovery words 1"), admin, secret("first-admin"), clock,
                                              nullptr, FastKdf, keychain.providerFor(path));
        QVERIFY2(created, created ? "" : qPrintable(created.error().toString()));
        QCOMPARE(created->keyWrapping(), store::KeyWrapping::KeychainAndPassphrase);
        QCOMPARE(keychain.entryFor(path).size(), 32);
    }
};

QTEST_GUILESS_MAIN(TestStoreSessionKeychain)
#include "TestStoreSessionKeychain.moc"
