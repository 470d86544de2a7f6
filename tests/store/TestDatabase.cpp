#include "store/Database.h"
#include "store/KeyFile.h"
#include "store/Migrator.h"
#include "store/PassphraseKeyProvider.h"
#include "store/Transaction.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace madoguchi;
using store::Database;

namespace {

core::SecureBytes keyOf(char fill)
{
    core::SecureBytes key(32);
    for (std::size_t i = 0; i < key.size(); ++i) {
        key[i] = static_cast<std::uint8_t>(fill + i);
    }
    return key;
}

core::SecureBytes secret(const char* text)
{
    return core::SecureBytes(QByteArrayView(text));
}

} // namespace

class TestDatabase final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private Q_SLOTS:
    void libraryIsSqlCipher()
    {
        auto version = Database::cipherVersion();
        QVERIFY2(version.has_value(), qPrintable(version ? QString() : version.error().toString()));
        QVERIFY(version->startsWith(QLatin1Char('3')) || version->startsWith(QLatin1Char('4')));
    }

    void statementBindStepColumn()
    {
        auto db = Database::open(path("wrap.db"), keyOf('a'), Database::Mode::CreateIfMissing);
        QVERIFY(db);
        QVERIFY(db->exec("CREATE TABLE t(a INTEGER, b TEXT, c BLOB)"));
        auto insert = db->prepare("INSERT INTO t VALUES (?, ?, ?)");
        QVERIFY(insert);
        insert->bind(1, qint64(42)).bind(2, QStringLiteral("窓口")).bindBlob(3, QByteArray("\x00\x01", 2));
        QVERIFY(insert->run());
        auto select = db->prepare("SELECT a, b, c FROM t");
        QVERIFY(select);
        auto row = select->step();
        QVERIFY(row && *row);
        QCOMPARE(select->columnInt64(0), 42);
        QCOMPARE(select->columnText(1), QStringLiteral("窓口"));
        QCOMPARE(select->columnBlob(2), QByteArray("\x00\x01", 2));
        QVERIFY(!db->prepare("SELEC nonsense"));
        auto badBind = db->prepare("SELECT ?");
        badBind->bind(5, qint64(1)); // out of range: reported by step()
        auto failed = badBind->step();
        QVERIFY(!failed);
        QCOMPARE(failed.error().code, core::Errc::InvalidArgument);
    }

    // The pinned settings (CipherSettings.h, docs/storage.md) are what the file really uses.
    void pinnedSettingsApply()
    {
        auto db = Database::open(path("pin.db"), keyOf('p'), Database::Mode::CreateIfMissing);
        QVERIFY(db && db->exec("CREATE TABLE t(a)"));
        QCOMPARE(*db->queryInt("PRAGMA page_size"), 4096);
        QCOMPARE(*db->queryInt("PRAGMA cipher_page_size"), 4096);
        QCOMPARE(*db->queryInt("PRAGMA cache_size"), -65536);
        auto mode = db->prepare("PRAGMA journal_mode");
        QVERIFY(mode && *mode->step());
        QCOMPARE(mode->columnText(0), QStringLiteral("wal"));
    }

    void transactionRollsBackUnlessCommitted()
    {
        auto db = Database::open(path("tx.db"), keyOf('b'), Database::Mode::CreateIfMissing);
        QVERIFY(db);
        QVERIFY(db->exec("CREATE TABLE t(a)"));
        {
            auto tx = store::Transaction::begin(*db);
            QVERIFY(tx);
            QVERIFY(db->exec("INSERT INTO t VALUES (1)"));
        } // destroyed: rolled back
        QCOMPARE(*db->queryInt("SELECT count(*) FROM t"), 0);
        auto tx = store::Transaction::begin(*db);
        QVERIFY(db->exec("INSERT INTO t VALUES (1)"));
        QVERIFY(tx->commit());
        QCOMPARE(*db->queryInt("SELECT count(*) FROM t"), 1);
    }

    void wrongKeyIsWrongKey()
    {
        {
            auto db = Database::open(path("k.db"), keyOf('c'), Database::Mode::CreateIfMissing);
            QVERIFY(db && db->exec("CREATE TABLE t(a)"));
        }
        auto wrong = Database::open(path("k.db"), keyOf('d'), Database::Mode::OpenExisting);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, core::Errc::WrongKey);
        auto missing = Database::open(path("none.db"), keyOf('d'), Database::Mode::OpenExisting);
        QCOMPARE(missing.error().code, core::Errc::NotFound);
        QVERIFY(Database::open(path("k.db"), keyOf('c'), Database::Mode::OpenExisting));
    }

    void corruptedOrForeignFileIsWrongKey_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("text file") << QByteArray(8192, 'x');
        QTest::newRow("plain sqlite header") << (QByteArray("SQLite format 3", 16) + QByteArray(4080, '\0'));
    }

    void corruptedOrForeignFileIsWrongKey()
    {
        QFETCH(QByteArray, content);
        QFile f(path("foreign.db"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
        f.close();
        auto db = Database::open(f.fileName(), keyOf('e'), Database::Mode::OpenExisting);
        QVERIFY(!db);
        QCOMPARE(db.error().code, core::Errc::WrongKey);
    }

    void flippedByteIsDetected()
    {
        {
            auto db = Database::open(path("flip.db"), keyOf('f'), Database::Mode::CreateIfMissing);
            QVERIFY(db && db->exec("PRAGMA journal_mode=DELETE; CREATE TABLE t(a)"));
        }
        QFile f(path("flip.db"));
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(100);
        f.write("\xff\xfe");
        f.close();
        auto db = Database::open(f.fileName(), keyOf('f'), Database::Mode::OpenExisting);
        QVERIFY(!db);
        QCOMPARE(db.error().code, core::Errc::WrongKey);
    }

    void fileIsEncrypted()
    {
        {
            auto db = Database::open(path("enc.db"), keyOf('g'), Database::Mode::CreateIfMissing);
            QVERIFY(db && db->exec("CREATE TABLE secret(a); INSERT INTO secret VALUES ('hello')"));
        }
        // toolchain.md: a plain open must fail on a page read ("select 1" reads none).
        sqlite3* raw = nullptr;
        QCOMPARE(sqlite3_open_v2(path("enc.db").toUtf8().constData(), &raw, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
        const int rc = sqlite3_exec(raw, "select count(*) from sqlite_master", nullptr, nullptr, nullptr);
        sqlite3_close(raw);
        QCOMPARE(rc, SQLITE_NOTADB);
        QFile f(path("enc.db"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("secret"));
    }

    void keyFileWrapsAndRejectsWrongPassphrase()
    {
        auto key = store::KeyFile::randomKey();
        QVERIFY(key);
        const QString keyPath = path("a.key");
        QVERIFY(store::KeyFile::write(keyPath, *key, secret("correct horse"), {14, 8, 1}));
        auto back = store::KeyFile::unwrap(keyPath, secret("correct horse"));
        QVERIFY(back && back->equals(*key));
        auto wrong = store::KeyFile::unwrap(keyPath, secret("wrong"));
        QCOMPARE(wrong.error().code, core::Errc::WrongKey);
        QCOMPARE(store::KeyFile::unwrap(path("nokey"), secret("x")).error().code, core::Errc::NotFound);
        QFile f(keyPath);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(9); // log2 N is authenticated data
        f.write("\x0f");
        f.close();
        QCOMPARE(store::KeyFile::unwrap(keyPath, secret("correct horse")).error().code, core::Errc::WrongKey);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(9); // a hostile N = 2^30 is refused before scrypt allocates anything
        f.write("\x1e");
        f.close();
        QCOMPARE(store::KeyFile::unwrap(keyPath, secret("correct horse")).error().code, core::Errc::WrongKey);
    }

    // The wrapping byte (offset 12) is readable without the passphrase, so the app knows before
    // unlocking whether the keychain holds the key; it is authenticated, so changing it is noticed.
    void keyFileRecordsTheWrapping_data()
    {
        QTest::addColumn<int>("wrapping");
        QTest::newRow("passphrase only") << int(store::KeyWrapping::PassphraseOnly);
        QTest::newRow("keychain + recovery passphrase") << int(store::KeyWrapping::KeychainAndPassphrase);
    }

    void keyFileRecordsTheWrapping()
    {
        QFETCH(int, wrapping);
        auto key = store::KeyFile::randomKey();
        QVERIFY(key);
        const QString keyPath = m_dir.filePath(QStringLiteral("w%1.key").arg(wrapping));
        QVERIFY(store::KeyFile::write(keyPath, *key, secret("pw"), {10, 8, 1}, store::KeyWrapping(wrapping)));
        QCOMPARE(int(store::KeyFile::wrapping(keyPath).value()), wrapping);
        QFile f(keyPath);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(12);
        f.write(QByteArray(1, wrapping == 0 ? '\x01' : '\x00')); // a const char* "\x00" would write nothing
        f.close();
        QCOMPARE(int(store::KeyFile::wrapping(keyPath).value()), 1 - wrapping);
        QCOMPARE(store::KeyFile::unwrap(keyPath, secret("pw")).error().code, core::Errc::WrongKey);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(12);
        f.write(QByteArray(1, '\x07')); // a wrapping from a later version: said so, not guessed
        f.close();
        QCOMPARE(store::KeyFile::wrapping(keyPath).error().code, core::Errc::Unsupported);
        QCOMPARE(store::KeyFile::wrapping(path("nokey")).error().code, core::Errc::NotFound);
        QFile foreign(path("foreign.key"));
        QVERIFY(foreign.open(QIODevice::WriteOnly));
        foreign.write(QByteArray(96, 'x'));
        foreign.close();
        QCOMPARE(store::KeyFile::wrapping(path("foreign.key")).error().code, core::Errc::WrongKey);
    }

    void passphraseChangeAndRekey()
    {
        const QString dbPath = path("rekey.db");
        store::PassphraseKeyProvider provider(store::KeyFile::defaultPathFor(dbPath), secret("one"), {14, 8, 1});
        auto key = store::KeyFile::randomKey();
        QVERIFY(provider.storeDatabaseKey(*key));
        {
            auto db = Database::open(dbPath, *key, Database::Mode::CreateIfMissing);
            QVERIFY(db && db->exec("CREATE TABLE t(a); INSERT INTO t VALUES (7)"));
            auto fresh = store::KeyFile::randomKey();
            QVERIFY(provider.storeDatabaseKey(*fresh));
            auto rekeyed = db->rekey(*fresh);
            QVERIFY2(rekeyed, qPrintable(rekeyed ? QString() : rekeyed.error().toString()));
        }
        QVERIFY(provider.changePassphrase(secret("two")));
        store::PassphraseKeyProvider reopened(store::KeyFile::defaultPathFor(dbPath), secret("two"));
        auto current = reopened.databaseKey();
        QVERIFY(current && !current->equals(*key));
        auto db = Database::open(dbPath, *current, Database::Mode::OpenExisting);
        QVERIFY(db);
        QCOMPARE(*db->queryInt("SELECT a FROM t"), 7);
        QCOMPARE(Database::open(dbPath, *key, Database::Mode::OpenExisting).error().code, core::Errc::WrongKey);
    }

    void version1DatabaseUpgrades()
    {
        QVERIFY(store::Migrator::latestVersion() >= 2);
        {
            auto db = Database::open(path("mig.db"), keyOf('h'), Database::Mode::CreateIfMissing);
            QCOMPARE(*store::Migrator::migrate(*db, 1), 1);
            QCOMPARE(*db->queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'import_job'"), 0);
            QCOMPARE(*db->queryInt("SELECT count(*) FROM linkage_kind"), 4);
        }
        auto db = Database::open(path("mig.db"), keyOf('h'), Database::Mode::OpenExisting);
        QCOMPARE(*store::Migrator::currentVersion(*db), 1);
        QCOMPARE(*store::Migrator::migrate(*db), store::Migrator::latestVersion());
        QCOMPARE(*db->queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'import_job'"), 1);
        // Migration numbers may have gaps (0020_audit.sql): one row per migration file, the newest on top.
        QCOMPARE(*db->queryInt("SELECT count(*) FROM schema_version"), store::Migrator::migrations().size());
        QCOMPARE(*db->queryInt("SELECT max(version) FROM schema_version"), store::Migrator::latestVersion());
        QVERIFY(db->checkIntegrity());
        QVERIFY(db->exec("INSERT INTO schema_version VALUES (999, 'x')"));
        QCOMPARE(store::Migrator::migrate(*db).error().code, core::Errc::Unsupported);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
