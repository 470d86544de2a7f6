#include "store/KeychainKeyProvider.h"

#include <QTest>
#include <QUuid>

using namespace madoguchi;

// Runs against the real OS keychain. Machines without one (CI, headless servers: no Secret Service
// daemon on the session bus) skip with a message — there the passphrase key file is the route.
// MADOGUCHI_REQUIRE_KEYCHAIN=1 turns the skip into a failure on machines that should have one.
class TestKeychainKeyProvider final : public QObject
{
    Q_OBJECT

private:
    // A fresh entry per run so a leftover from an aborted run cannot make a test pass.
    const QString m_entry = QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);

    void skipWithoutKeychain(const core::Error& error)
    {
        // No daemon shows as NoBackendAvailable, or as OtherError from D-Bus ("cannot autolaunch",
        // "name not provided by any .service file"): both skip, unless a machine that HAS a keychain
        // says so with MADOGUCHI_REQUIRE_KEYCHAIN=1 — then they fail.
        const bool required = qEnvironmentVariableIntValue("MADOGUCHI_REQUIRE_KEYCHAIN") == 1;
        if (!required && (error.code == core::Errc::Unsupported || error.code == core::Errc::Io)) {
            QSKIP(qPrintable(QStringLiteral("no OS keychain daemon available here (%1); the passphrase key file "
                                            "is the headless route")
                                 .arg(error.toString())));
        }
    }

private slots:
    void storesReadsAndRemovesTheKey()
    {
        store::KeychainKeyProvider provider(m_entry, QStringLiteral("Madoguchi test"));
        core::SecureBytes key(32);
        for (std::size_t i = 0; i < key.size(); ++i) {
            key[i] = static_cast<std::uint8_t>(0xA0 + i);
        }
        auto stored = provider.storeDatabaseKey(key);
        if (!stored) {
            skipWithoutKeychain(stored.error());
            QFAIL(qPrintable(stored.error().toString()));
        }
        auto read = provider.databaseKey();
        QVERIFY2(read, read ? "" : qPrintable(read.error().toString()));
        QCOMPARE(read->size(), key.size());
        QVERIFY(std::equal(key.data(), key.data() + key.size(), read->data()));
        QVERIFY(provider.removeDatabaseKey());
        auto gone = provider.databaseKey();
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, core::Errc::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestKeychainKeyProvider)
#include "TestKeychainKeyProvider.moc"
