#include "ServiceFixture.h"

#include "services/AuditChangeRecorder.h"
#include "services/AuditSetup.h"
#include "services/ImportChunkAudit.h"
#include "services/ImportCsvJob.h"
#include "services/LinkageService.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace madoguchi;
using namespace madoguchi::services;

namespace {

const Operator Clerk{QStringLiteral("clerk-1"), Role::InsurerClerk};

QByteArray goodRow(int n)
{
    return "a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0," + QByteArray::number(n).rightJustified(8, '0').toHex() +
           ",33120015,S1," + QByteArray::number(n) + ",01\r\n";
}

QByteArray header()
{
    return "issuer_key_id,serial,insurer_number,symbol,number,branch\r\n";
}

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

} // namespace

class TestImportCsvJob final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    core::FixedClock m_clock{QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC)};

    QString file(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    // Rows 1–3 good; 4 bad check digit; 5 bad branch; 6 duplicate of 1; 7 unknown card (serial
    // 99999999); 8 broken quoting; 9 an individual number; 10 good.
    QByteArray mixedFile() const
    {
        QByteArray csv = header() + goodRow(1) + goodRow(2) + goodRow(3);
        csv += QByteArray(goodRow(4)).replace("33120015", "33120016");
        csv += QByteArray(goodRow(5)).replace(",01\r\n", ",1\r\n");
        csv += goodRow(1);
        csv += QByteArray(goodRow(99999999));
        csv += "a1b2,c3\"d,33120015,S1,8,01\r\n";
        csv += QByteArray(goodRow(9)).replace(",S1,9,", ",S1,123456789018,");
        csv += goodRow(10);
        return csv;
    }

    // Cards 1..10 exist; card 99999999 does not.
    void seedCards(LinkageService& service)
    {
        for (int n = 1; n <= 10; ++n) {
            QVERIFY(service.repository().ensureCard(test::card(n), m_clock.now()));
        }
    }

private Q_SLOTS:
    void validRowsOnlyReportsEachBadRow()
    {
        auto db = test::openMigrated(file("valid.db"));
        LinkageService service(*db, m_clock, QStringLiteral("T01"));
        seedCards(service);
        QVERIFY(writeFile(file("mixed.csv"), mixedFile()));
        ImportCsvJob job(service, Clerk, file("mixed.csv"));
        auto report = job.run();
        QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
        QCOMPARE(report->rows, 10);
        QCOMPARE(report->imported, 4);
        QCOMPARE(report->rejected, 6);
        QList<qint64> badRows;
        for (const ImportIssue& issue : report->issues) {
            badRows << issue.row;
        }
        QCOMPARE(badRows, (QList<qint64>{4, 5, 6, 7, 8, 9}));
        QCOMPARE(report->issues[0].field, QStringLiteral("insurer_number"));
        QCOMPARE(report->issues[1].field, QStringLiteral("branch"));
        QVERIFY(report->issues[2].reason.startsWith(QStringLiteral("duplicate")));
        QCOMPARE(report->issues[3].reason, QStringLiteral("unknown card"));
        QCOMPARE(report->issues[4].reason, QStringLiteral("broken quoting"));
        QVERIFY(report->issues[5].reason.contains(QStringLiteral("individual number")));
        QCOMPARE(*db->queryInt("SELECT count(*) FROM linkage_version"), 4);
        QCOMPARE(*db->queryInt("SELECT count(*) FROM outbox"), 4);
        // The same file again is refused: it was imported.
        QCOMPARE(ImportCsvJob(service, Clerk, file("mixed.csv")).run().error().code, core::Errc::InvalidArgument);
    }

    void allOrNothingStoresNothingOnAnyError()
    {
        auto db = test::openMigrated(file("aon.db"));
        LinkageService service(*db, m_clock, QStringLiteral("T01"));
        seedCards(service);
        QVERIFY(writeFile(file("mixed2.csv"), mixedFile() + "\r\n"));
        ImportOptions options;
        options.mode = ImportOptions::Mode::AllOrNothing;
        auto report = ImportCsvJob(service, Clerk, file("mixed2.csv"), options).run();
        QVERIFY(report);
        QVERIFY(!report->stored);
        QCOMPARE(report->rejected, 6);
        QCOMPARE(*db->queryInt("SELECT count(*) FROM linkage_version"), 0);
        QCOMPARE(*db->queryInt("SELECT count(*) FROM outbox"), 0);

        QVERIFY(writeFile(file("good.csv"), header() + goodRow(1) + goodRow(2) + goodRow(3)));
        auto good = ImportCsvJob(service, Clerk, file("good.csv"), options).run();
        QVERIFY(good && good->stored);
        QCOMPARE(good->imported, 3);
        QCOMPARE(*db->queryInt("SELECT count(*) FROM linkage_version"), 3);
    }

    void revokedCardRowsAreRejected()
    {
        auto db = test::openMigrated(file("rev.db"));
        LinkageService service(*db, m_clock, QStringLiteral("T01"));
        seedCards(service);
        QVERIFY(service.applyRevocation({QStringLiteral("s"), Role::MunicipalStaff}, {test::card(2), 1, {}}));
        QVERIFY(writeFile(file("rev.csv"), header() + goodRow(1) + goodRow(2)));
        auto report = ImportCsvJob(service, Clerk, file("rev.csv")).run();
        QCOMPARE(report->imported, 1);
        QCOMPARE(report->issues.size(), 1);
        QCOMPARE(report->issues[0].row, 2);
        QCOMPARE(report->issues[0].reason, QStringLiteral("card is revoked"));
    }

    void cp932FileWithJapaneseHeader()
    {
        auto db = test::openMigrated(file("sjis.db"));
        LinkageService service(*db, m_clock, QStringLiteral("T01"));
        seedCards(service);
        // 発行者鍵識別子,シリアル番号,保険者番号,記号,番号,枝番,氏名 and 山田太郎 / 記号 in CP932
        // (bytes from `iconv -f UTF-8 -t CP932`).
        const QByteArray sjisHeader =
            QStringLiteral("発行者鍵識別子,シリアル番号,保険者番号,記号,番号,枝番,氏名\r\n").toUtf8();
        QByteArray csv;
        QProcess iconv;
        iconv.start(QStringLiteral("iconv"),
                    {QStringLiteral("-f"), QStringLiteral("UTF-8"), QStringLiteral("-t"), QStringLiteral("CP932")});
        QVERIFY(iconv.waitForStarted());
        const QByteArray utf8 = sjisHeader +
                                goodRow(1).replace(",01\r\n", ",01,山田太郎\r\n").replace(",S1,", ",記号,") +
                                goodRow(2).replace(",01\r\n", ",01,髙橋①\r\n");
        iconv.write(utf8);
        iconv.closeWriteChannel();
        QVERIFY(iconv.waitForFinished());
        csv = iconv.readAllStandardOutput();
        QVERIFY(csv.contains("\x8e\x52\x93\x63\x91\xbe\x98\x59")); // 山田太郎 in CP932
        QVERIFY(writeFile(file("sjis.csv"),
                          csv + "a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0,00000003,33120015,\xef\xbc\xa1,3,01\r\n"));
        ImportOptions options;
        options.storeResidentNames = true;
        auto report = ImportCsvJob(service, Clerk, file("sjis.csv"), options).run();
        QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
        QCOMPARE(report->imported, 2);
        QCOMPARE(report->issues.size(), 1); // row 3 carries UTF-8 bytes in a CP932 file
        QCOMPARE(report->issues[0].row, 3);
        const Operator reader{QStringLiteral("a"), Role::Auditor};
        QCOMPARE(service.findByName(reader, QStringLiteral("山田太郎"))->size(), 1);
        QCOMPARE(service.findByName(reader, QStringLiteral("髙橋①"))->size(), 1);
        QCOMPARE(service.findByCard(reader, test::card(1))->first().fields.value(QStringLiteral("symbol")).toString(),
                 QStringLiteral("記号"));
    }

    void refusals()
    {
        auto db = test::openMigrated(file("ref.db"));
        LinkageService service(*db, m_clock, QStringLiteral("T01"));
        QVERIFY(writeFile(file("mn.csv"), "issuer_key_id,serial,個人番号\r\n"));
        QCOMPARE(ImportCsvJob(service, Clerk, file("mn.csv")).run().error().code, core::Errc::InvalidArgument);
        QVERIFY(writeFile(file("ok.csv"), header() + goodRow(1)));
        QCOMPARE(ImportCsvJob(service, {QStringLiteral("a"), Role::Auditor}, file("ok.csv")).run().error().code,
                 core::Errc::PermissionDenied);
    }

    void cancelThenResume()
    {
        auto db = test::openMigrated(file("cancel.db"));
        LinkageService service(*db, m_clock, QStringLiteral("T01"));
        QByteArray csv = header();
        for (int n = 1; n <= 250; ++n) {
            csv += goodRow(n);
        }
        QVERIFY(writeFile(file("cancel.csv"), csv));
        ImportOptions options;
        options.createUnknownCards = true;
        options.batchSize = 100;
        std::atomic_bool cancel{false};
        ImportCsvJob first(service, Clerk, file("cancel.csv"), options);
        first.setCancelFlag(&cancel);
        first.setProgress([&](qint64 rows, qint64, qint64) { cancel = rows >= 100; });
        QCOMPARE(first.run().error().code, core::Errc::Cancelled);
        QCOMPARE(*db->queryInt("SELECT count(*) FROM linkage_version"), 100);
        auto second = ImportCsvJob(service, Clerk, file("cancel.csv"), options).run();
        QVERIFY(second);
        QCOMPARE(second->resumedAfter, 100);
        QCOMPARE(second->imported, 250);
        QCOMPARE(*db->queryInt("SELECT count(*) FROM linkage_version"), 250);
    }

    // One audit entry per committed batch, naming the file, the rows, the outbox range and a digest
    // of the created linkages that an auditor can recompute (docs/storage.md).
    void auditEntryPerChunk()
    {
        auto db = test::openMigrated(file("chunks.db"));
        auto log = AuditSetup::openLog(*db, file("chunks.db"), m_clock, QStringLiteral("T-test"));
        QVERIFY2(log, log ? "" : qPrintable(log.error().toString()));
        AuditChangeRecorder recorder(*log);
        LinkageService service(*db, m_clock, QStringLiteral("T01"), nullptr, &recorder);
        QByteArray csv = header();
        for (int n = 1; n <= 250; ++n) {
            csv += n == 120 ? QByteArray(goodRow(n)).replace("33120015", "33120016") : goodRow(n); // one bad row
        }
        QVERIFY(writeFile(file("chunks.csv"), csv));
        ImportOptions options;
        options.createUnknownCards = true;
        options.batchSize = 100;
        auto report = ImportCsvJob(service, Clerk, file("chunks.csv"), options).run();
        QVERIFY(report);
        QCOMPARE(report->imported, 249);
        QCOMPARE(*db->queryInt("SELECT count(*) FROM audit_entry WHERE action = 'linkage.enrol'"), 0);
        auto entries = db->prepare("SELECT subject, body FROM audit_entry WHERE action = 'import.chunk' ORDER BY idx");
        QVERIFY(entries);
        const QRegularExpression summary(QStringLiteral(
            "rows (\\d+)-(\\d+): (\\d+) linkages, outbox ids (\\d+)-(\\d+), uuid sha256 ([0-9a-f]{64})"));
        QList<int> counts;
        while (*entries->step()) {
            QVERIFY(entries->columnText(0).startsWith(QStringLiteral("import:")));
            const auto match = summary.match(QString::fromUtf8(entries->columnBlob(1)));
            QVERIFY(match.hasMatch());
            counts << match.captured(3).toInt();
            auto ids = db->prepare("SELECT entity_id FROM outbox WHERE id BETWEEN ? AND ? ORDER BY id");
            QVERIFY(ids);
            ids->bind(1, match.captured(4).toLongLong()).bind(2, match.captured(5).toLongLong());
            QList<QByteArray> uuids;
            while (*ids->step()) {
                uuids << ids->columnBlob(0);
            }
            QCOMPARE(uuids.size(), counts.last());
            QCOMPARE(QString::fromLatin1(ImportChunkAudit::digestOf(uuids).toHex()), match.captured(6));
        }
        QCOMPARE(counts, (QList<int>{100, 99, 50})); // row 120 was rejected
    }

    // Kill (SIGKILL) a child process in the middle of an import; reopen: consistent, and the
    // import resumes to the right total.
    void crashMidImportResumes()
    {
        const int total = 20000;
        QByteArray csv = header();
        for (int n = 1; n <= total; ++n) {
            csv += goodRow(n);
        }
        QVERIFY(writeFile(file("crash.csv"), csv));
        QProcess child;
        child.start(QStringLiteral(IMPORT_HELPER_PATH), {file("crash.db"), file("crash.csv")});
        QVERIFY(child.waitForStarted());
        int batches = 0;
        while (batches < 3 && child.waitForReadyRead(30000)) {
            while (child.canReadLine()) {
                batches += child.readLine().startsWith("committed") ? 1 : 0;
            }
        }
        QCOMPARE(batches, 3);
        child.kill();
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        auto db = test::openMigrated(file("crash.db"));
        QVERIFY(db);
        QVERIFY(db->checkIntegrity());
        const qint64 stored = *db->queryInt("SELECT count(*) FROM linkage_version");
        QVERIFY(stored >= 600 && stored < total);
        QCOMPARE(*db->queryInt("SELECT imported_rows FROM import_job"), stored);
        QCOMPARE(*db->queryInt("SELECT last_row FROM import_job"), stored);
        QCOMPARE(*db->queryInt("SELECT count(*) FROM outbox"), stored);

        LinkageService service(*db, m_clock, QStringLiteral("T01"));
        ImportOptions options;
        options.createUnknownCards = true;
        auto resumed = ImportCsvJob(service, Clerk, file("crash.csv"), options).run();
        QVERIFY2(resumed, qPrintable(resumed ? QString() : resumed.error().toString()));
        QCOMPARE(resumed->resumedAfter, stored);
        QCOMPARE(resumed->imported, total);
        QCOMPARE(resumed->rejected, 0);
        QCOMPARE(*db->queryInt("SELECT count(*) FROM linkage_version"), total);
        QCOMPARE(*db->queryInt("SELECT count(*) FROM outbox"), total);
    }
};

QTEST_GUILESS_MAIN(TestImportCsvJob)
#include "TestImportCsvJob.moc"
