#include "CounterFixture.h"
#include "LatencyProbe.h"
#include "Screenshot.h"
#include "gui/ImportDialog.h"
#include "gui/ImportIssueModel.h"
#include "audit/AuditStore.h"
#include "audit/AuditVerifier.h"
#include "services/AuditSetup.h"
#include "store/Transaction.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace madoguchi;
using gui::ImportDialog;

namespace {

QByteArray row(int n, const char* insurer = "33120015")
{
    return "a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0," + QByteArray::number(n).rightJustified(8, '0').toHex() + "," +
           insurer + ",S1," + QByteArray::number(n) + ",01\r\n";
}

store::CardIdentity cardOf(int n)
{
    return {QByteArray::fromHex("a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0"),
            QByteArray::number(n).rightJustified(8, '0')};
}

} // namespace

// The import dialog: bad rows become report rows (savable as CSV), cancel stops the worker, and the
// worker on its own connection never stalls the UI thread (measured with the latency probe).
class TestImportDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_world.build()); }

    void init()
    {
        m_rig = std::make_unique<test::CounterRig>();
        QVERIFY(m_rig->build(m_world, false));
    }

    void cleanup() { m_rig.reset(); }

    void badRowsAreReported()
    {
        seedCards(1, 5);
        const QString csv = writeCsv("mixed.csv", header() + row(1) + row(2, "33120016") + row(3) +
                                                      QByteArray(row(4)).replace(",01\r\n", ",1\r\n") + row(5));
        auto dialog = makeDialog();
        QAbstractItemModelTester tester(dialog->issueModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog->setFile(csv);
        QSignalSpy finished(dialog.get(), &ImportDialog::finished);
        dialog->start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.takeFirst().at(0).toBool(), true);
        const auto& issues = dialog->issueModel()->issues();
        QCOMPARE(issues.size(), 2);
        QCOMPARE(issues.at(0).row, 2);
        QCOMPARE(issues.at(0).field, QStringLiteral("insurer_number"));
        QCOMPARE(issues.at(1).row, 4);
        QCOMPARE(dialog->issueModel()->index(1, gui::ImportIssueModel::FieldColumn).data().toString(),
                 QStringLiteral("branch"));
        QVERIFY(
            dialog->findChild<QLabel*>(QStringLiteral("summaryLabel"))->text().contains(QStringLiteral("3 imported")));
        QVERIFY(dialog->findChild<QPushButton*>(QStringLiteral("saveReportButton"))->isEnabled());
        QVERIFY(test::saveScreenshot(*dialog, QStringLiteral("import-report")));
        const QString report = m_rig->dir.filePath(QStringLiteral("report.csv"));
        QVERIFY(dialog->saveReport(report));
        QFile saved(report);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray content = saved.readAll();
        QVERIFY(content.contains("insurer_number"));
        QCOMPARE(content.count('\n'), 3); // header + 2 issues
    }

    void allOrNothingStoresNothing()
    {
        seedCards(1, 3);
        const QString csv = writeCsv("aon.csv", header() + row(1) + row(2, "33120016") + row(3));
        auto dialog = makeDialog();
        dialog->setFile(csv);
        dialog->setMode(services::ImportOptions::Mode::AllOrNothing);
        QSignalSpy finished(dialog.get(), &ImportDialog::finished);
        dialog->start();
        QVERIFY(finished.wait(30000));
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("summaryLabel"))->text().contains(QStringLiteral("Nothing")));
        QCOMPARE(*m_rig->db->queryInt("SELECT count(*) FROM linkage_version"), 0);
    }

    // In the app the worker's connection carries the audit log (issue 5 item 1): each committed chunk
    // of rows is recorded as one import.chunk entry in the chunk's own transaction (docs/storage.md),
    // and the file as a whole as linkage.import.
    void auditedImportRecordsRowsAndTheFile()
    {
        seedCards(1, 3);
        const QString csv = writeCsv("audited.csv", header() + row(1) + row(2, "33120016") + row(3));
        const QString path = m_rig->dir.filePath(QStringLiteral("registry.db"));
        auto dialog = makeDialog([path, clock = m_world.clock.get()](store::Database& db) {
            return services::WorkerAudit::open(db, path, *clock);
        });
        dialog->setFile(csv);
        QSignalSpy finished(dialog.get(), &ImportDialog::finished);
        dialog->start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(*m_rig->db->queryInt("SELECT count(*) FROM audit_entry WHERE action = 'linkage.enrol'"), 0);
        QCOMPARE(*m_rig->db->queryInt("SELECT count(*) FROM audit_entry WHERE action = 'import.chunk'"), 1);
        QCOMPARE(*m_rig->db->queryInt("SELECT count(*) FROM audit_entry WHERE action = 'linkage.import'"), 1);
        auto last = audit::AuditStore::entry(*m_rig->db, 1);
        QVERIFY(last);
        QCOMPARE(last->operatorId, QStringLiteral("clerk-1"));
        QCOMPARE(last->payload.value(QStringLiteral("rejected")).toInt(), 1);
        auto report = audit::AuditVerifier::verifyDatabase(*m_rig->db, services::AuditSetup::trustedKey(path));
        QVERIFY(report && report->ok());
    }

    void cancelStopsTheWorker()
    {
        constexpr int Rows = 30000;
        seedCards(1, Rows);
        QByteArray content = header();
        for (int n = 1; n <= Rows; ++n) {
            content += row(n);
        }
        auto dialog = makeDialog();
        dialog->setFile(writeCsv("big.csv", content));
        QSignalSpy finished(dialog.get(), &ImportDialog::finished);
        dialog->start();
        QVERIFY(dialog->isRunning());
        QVERIFY(dialog->findChild<QPushButton*>(QStringLiteral("cancelButton"))->isEnabled());
        dialog->findChild<QPushButton*>(QStringLiteral("cancelButton"))->click();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.takeFirst().at(0).toBool(), false);
        QVERIFY(
            dialog->findChild<QLabel*>(QStringLiteral("summaryLabel"))->text().contains(QStringLiteral("cancelled")));
        QVERIFY(!dialog->isRunning());
        QVERIFY(*m_rig->db->queryInt("SELECT count(*) FROM linkage_version") < Rows);
    }

    // Issue 6 "Measure": the longest UI-thread stall while 100 k rows are imported.
    void importOf100kRowsKeepsTheUiResponsive()
    {
        constexpr int Rows = 100000;
        seedCards(1, Rows);
        QByteArray content = header();
        content.reserve(Rows * 80);
        for (int n = 1; n <= Rows; ++n) {
            content += row(n);
        }
        auto dialog = makeDialog();
        dialog->show();
        dialog->setFile(writeCsv("100k.csv", content));
        QSignalSpy finished(dialog.get(), &ImportDialog::finished);
        test::LatencyProbe probe;
        QElapsedTimer wall;
        wall.start();
        probe.start();
        dialog->start();
        QVERIFY(finished.wait(600000));
        probe.stop();
        QVERIFY(finished.takeFirst().at(0).toBool());
        qInfo("100k-row import: %lld ms, longest UI-thread stall %.1f ms over %d probe ticks", wall.elapsed(),
              probe.worstMs(), probe.ticks());
        QCOMPARE(*m_rig->db->queryInt("SELECT count(*) FROM linkage_version"), qint64(Rows));
        // Reported, not asserted: speed is judged in benchmarks (target ≤ 50 ms), never in a test
        // that a loaded CI machine could fail.
        QVERIFY(probe.ticks() > 0);
    }

private:
    static QByteArray header() { return "issuer_key_id,serial,insurer_number,symbol,number,branch\r\n"; }

    void seedCards(int from, int to)
    {
        auto tx = store::Transaction::begin(*m_rig->db);
        QVERIFY(tx);
        for (int n = from; n <= to; ++n) {
            QVERIFY(m_rig->linkages->repository().ensureCard(cardOf(n), m_world.clock->now()));
        }
        QVERIFY(tx->commit());
    }

    QString writeCsv(const char* name, const QByteArray& content)
    {
        const QString path = m_rig->dir.filePath(QString::fromLatin1(name));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size()) {
            return {};
        }
        return path;
    }

    std::unique_ptr<ImportDialog> makeDialog(services::WorkerAuditOpener openAudit = {})
    {
        const QString path = m_rig->dir.filePath(QStringLiteral("registry.db"));
        ImportDialog::Setup setup{[path]() -> core::Result<store::Database> {
                                      return store::Database::open(path, test::registryTestKey(),
                                                                   store::Database::Mode::OpenExisting);
                                  },
                                  QStringLiteral("T1"), std::move(openAudit)};
        return std::make_unique<ImportDialog>(setup, m_clerk, *m_world.clock);
    }

    test::CounterWorld m_world;
    std::unique_ptr<test::CounterRig> m_rig;
    const services::Operator m_clerk{QStringLiteral("clerk-1"), services::Role::InsurerClerk};
};

QTEST_MAIN(TestImportDialog)
#include "TestImportDialog.moc"
