// Issue 4 "Bad input: a full disk": enrolment and import into a store that cannot grow. SQLite's
// `PRAGMA max_page_count` makes the database full exactly as ENOSPC does: both surface as
// SQLITE_FULL (sqlite3.c unixWrite maps ENOSPC to SQLITE_FULL), which the store reports as
// Errc::DiskFull. Asserted: the clear code, nothing already stored lost or half-written (every
// linkage has its outbox entry, integrity_check passes), and the import resumes once space is freed.
#include "ServiceFixture.h"

#include "services/ImportCsvJob.h"
#include "services/LinkageService.h"

#include <QFile>
#include <QTest>

using namespace madoguchi;
using namespace madoguchi::services;

namespace {

const Operator Clerk{QStringLiteral("clerk-1"), Role::InsurerClerk};

EnrolRequest insurance(int n)
{
    EnrolRequest request;
    request.card = test::card(n);
    request.kind = QStringLiteral("health_insurance");
    request.fields = QJsonObject{{QStringLiteral("insurer_number"), QStringLiteral("33120015")},
                                 {QStringLiteral("symbol"), QStringLiteral("S1")},
                                 {QStringLiteral("number"), QString::number(n)},
                                 {QStringLiteral("branch"), QStringLiteral("01")}};
    return request;
}

QByteArray csvOf(int from, int to)
{
    QByteArray csv = "issuer_key_id,serial,insurer_number,symbol,number,branch\r\n";
    for (int n = from; n <= to; ++n) {
        csv += "a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0," + QByteArray::number(n).rightJustified(8, '0').toHex() +
               ",33120015,S1," + QByteArray::number(n) + ",01\r\n";
    }
    return csv;
}

} // namespace

class TestStoreDiskFull final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    core::FixedClock m_clock{QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC)};

    QString file(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    static void limitGrowth(store::Database& db, qint64 extraPages)
    {
        const qint64 pages = *db.queryInt("PRAGMA page_count");
        QVERIFY(db.exec("PRAGMA max_page_count = " + std::to_string(pages + extraPages)));
    }

    // Every linkage version has exactly its outbox entry, and the file is sound.
    static void verifyConsistent(store::Database& db, qint64 expectedLinkages)
    {
        QVERIFY(db.checkIntegrity());
        QCOMPARE(*db.queryInt("SELECT count(*) FROM linkage_version"), expectedLinkages);
        QCOMPARE(*db.queryInt("SELECT count(*) FROM outbox"), expectedLinkages);
        QCOMPARE(*db.queryInt("SELECT count(*) FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM linkage_version v"
                              " WHERE v.uuid = o.entity_id)"),
                 0);
    }

private Q_SLOTS:
    void enrolmentIntoFullDisk()
    {
        auto db = test::openMigrated(file("enrol.db"));
        QVERIFY(db);
        LinkageService service(*db, m_clock, QStringLiteral("T01"));
        for (int n = 1; n <= 20; ++n) {
            QVERIFY(service.enrol(Clerk, insurance(n)));
        }
        limitGrowth(*db, 2);
        int stored = 20;
        core::Result<store::Linkage> last = service.enrol(Clerk, insurance(stored + 1));
        while (last && stored < 5000) {
            ++stored;
            last = service.enrol(Clerk, insurance(stored + 1));
        }
        QVERIFY2(!last, "the store never filled up");
        QCOMPARE(last.error().code, core::Errc::DiskFull);
        verifyConsistent(*db, stored);
        auto first = service.findByCard({QStringLiteral("a"), Role::Auditor}, test::card(1));
        QVERIFY(first && first->size() == 1);

        QVERIFY(db->exec("PRAGMA max_page_count = 1073741823")); // space freed
        QVERIFY(service.enrol(Clerk, insurance(stored + 1)));
        verifyConsistent(*db, stored + 1);
    }

    void importIntoFullDiskResumes()
    {
        auto db = test::openMigrated(file("import.db"));
        QVERIFY(db);
        LinkageService service(*db, m_clock, QStringLiteral("T01"));
        QVERIFY(service.enrol(Clerk, insurance(100000)));
        const int total = 3000;
        QFile csv(file("members.csv"));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write(csvOf(1, total));
        csv.close();
        ImportOptions options;
        options.createUnknownCards = true;
        options.batchSize = 100;
        limitGrowth(*db, 60); // room for a few batches, not for the file
        auto full = ImportCsvJob(service, Clerk, csv.fileName(), options).run();
        QVERIFY(!full);
        QCOMPARE(full.error().code, core::Errc::DiskFull);
        const qint64 committed = *db->queryInt("SELECT last_row FROM import_job");
        QVERIFY2(committed > 0 && committed < total, qPrintable(QString::number(committed)));
        QCOMPARE(committed % options.batchSize, 0); // whole batches only
        QCOMPARE(*db->queryInt("SELECT imported_rows FROM import_job"), committed);
        verifyConsistent(*db, committed + 1);

        QVERIFY(db->exec("PRAGMA max_page_count = 1073741823"));
        auto resumed = ImportCsvJob(service, Clerk, csv.fileName(), options).run();
        QVERIFY2(resumed, qPrintable(resumed ? QString() : resumed.error().toString()));
        QCOMPARE(resumed->resumedAfter, committed);
        QCOMPARE(resumed->imported, total);
        QCOMPARE(resumed->rejected, 0);
        verifyConsistent(*db, total + 1);
    }
};

QTEST_GUILESS_MAIN(TestStoreDiskFull)
#include "TestStoreDiskFull.moc"
