// The auditors' page: lazy model (checked by QAbstractItemModelTester), filters, detail from the
// signed bytes, verification on a worker thread (own connection) with its result in text + icon,
// exports recorded in the log, and nothing editable.
#include "AuditFixture.h"

#include "audit/AuditStore.h"
#include "gui/AuditLogModel.h"
#include "gui/AuditPage.h"
#include "services/AuditSetup.h"
#include "services/AuditViewSource.h"
#include "services/StoreSession.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace madoguchi;

class TestAuditPage final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<services::AuditViewSource> m_source;

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("page.db"));
        auto db = test::openAuditDb(m_path);
        QVERIFY(db);
        auto log = services::AuditSetup::openLog(*db, m_path, test::fixtureClock(), QStringLiteral("T-GUI"));
        QVERIFY(log);
        QVERIFY(test::fill(*log, *db, 1000));
        m_source = std::make_unique<services::AuditViewSource>(
            m_path, test::auditKey(), services::Operator{QStringLiteral("auditor-1"), services::Role::Auditor});
    }

    void modelIsLazyAndSane()
    {
        auto db = m_source->openConnection();
        gui::AuditLogModel model(*db);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFilter({});
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        // Whole windows, never the whole log at once (the tester may fetch one more itself).
        QVERIFY(model.rowCount() > 0 && model.rowCount() % gui::AuditLogModel::kPage == 0 && model.rowCount() < 1000);
        while (model.canFetchMore({})) {
            model.fetchMore({});
        }
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(model.flags(model.index(3, 0)) & Qt::ItemIsEditable, Qt::ItemFlags());
        QVERIFY(!model.setData(model.index(3, 0), 5));
        audit::AuditFilter filter;
        filter.operatorId = QStringLiteral("op1");
        filter.action = QStringLiteral("card.read");
        model.setFilter(filter);
        while (model.canFetchMore({})) {
            model.fetchMore({});
        }
        QVERIFY(model.rowCount() > 0);
        for (int r = 0; r < model.rowCount(); ++r) {
            QCOMPARE(model.index(r, gui::AuditLogModel::OperatorColumn).data().toString(), QStringLiteral("op1"));
            QCOMPARE(model.index(r, gui::AuditLogModel::ActionColumn).data().toString(), QStringLiteral("card.read"));
        }
        filter = {};
        filter.subject = QStringLiteral("card-16");
        model.setFilter(filter);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 58); // i % 17 == 16 for i < 1000
    }

    void pageShowsDetailVerifiesAndExports()
    {
        gui::AuditPage page(*m_source);
        page.resize(1100, 600);
        auto* table = page.findChild<QTableView*>(QStringLiteral("auditTableView"));
        QVERIFY(table);
        QCOMPARE(table->editTriggers(), QAbstractItemView::NoEditTriggers);
        table->setCurrentIndex(page.model()->index(5, 0));
        const QString detail = page.findChild<QPlainTextEdit*>(QStringLiteral("detailPlainTextEdit"))->toPlainText();
        QVERIFY(detail.contains(QStringLiteral("\"index\": 5")));
        QVERIFY(detail.contains(QStringLiteral("T-GUI")));

        QSignalSpy finished(&page, &gui::AuditPage::verifyFinished);
        page.findChild<QPushButton*>(QStringLiteral("verifyButton"))->click();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.takeFirst().at(0).toBool(), true);
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("verifyStatusLabel"))->text().contains(QStringLiteral("1000")));
        QVERIFY(!page.findChild<QLabel*>(QStringLiteral("verifyIconLabel"))->pixmap().isNull());
        page.grab().save(m_dir.filePath(QStringLiteral("audit-page.png")));
        if (qEnvironmentVariableIsSet("AUDIT_PAGE_SCREENSHOT")) {
            page.grab().save(qEnvironmentVariable("AUDIT_PAGE_SCREENSHOT"));
        }

        auto first = m_source->openConnection();
        const qint64 before = *audit::AuditStore::size(*first);
        QVERIFY(page.exportCsvTo(m_dir.filePath(QStringLiteral("out.csv"))));
        QVERIFY(page.exportPdfTo(m_dir.filePath(QStringLiteral("out.pdf"))));
        QVERIFY(QFileInfo(m_dir.filePath(QStringLiteral("out.pdf"))).size() > 1000);
        auto db = m_source->openConnection();
        QCOMPARE(*audit::AuditStore::size(*db), before + 2);
        QCOMPARE(audit::AuditStore::entry(*db, before + 1)->action, QStringLiteral("audit.export"));
        QCOMPARE(audit::AuditStore::entry(*db, before + 1)->operatorId, QStringLiteral("auditor-1"));
    }

    // The app's wiring (AppContext): connections from StoreSession::workerConnectionOpener() (the key
    // never leaves the session), exports recorded in the name of whoever is signed in NOW.
    void appSourceOpensItsOwnConnectionsAndFollowsTheOperator()
    {
        const QString path = m_dir.filePath(QStringLiteral("app.db"));
        auto store = services::StoreSession::create(path, core::SecureBytes(QByteArrayView("pass")), {10, 8, 1});
        QVERIFY(store);
        auto log =
            services::AuditSetup::openLog(store->database(), path, test::fixtureClock(), QStringLiteral("T-APP"));
        QVERIFY(log && test::fill(*log, store->database(), 10));
        services::Operator current{QStringLiteral("auditor-1"), services::Role::Auditor};
        services::AuditViewSource source(path, store->workerConnectionOpener(), current);
        gui::AuditPage page(source);
        QCOMPARE(page.model()->rowCount(), 10);
        current = {QStringLiteral("admin-2"), services::Role::Admin}; // another sign-in meanwhile
        const QString pdf = m_dir.filePath(QStringLiteral("app.pdf"));
        QVERIFY(page.exportPdfTo(pdf));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(4), QByteArray("%PDF"));
        auto entry = audit::AuditStore::entry(store->database(), 10);
        QVERIFY(entry);
        QCOMPARE(entry->action, QStringLiteral("audit.export"));
        QCOMPARE(entry->operatorId, QStringLiteral("admin-2"));
        QCOMPARE(entry->subject, QStringLiteral("audit:pdf"));
    }

    void tamperedLogIsReportedWithItsIndex()
    {
        {
            auto db = m_source->openConnection();
            QVERIFY(db->exec("DROP TRIGGER audit_entry_no_update"));
            QVERIFY(db->exec("UPDATE audit_entry SET body = body || x'00' WHERE idx = 123"));
        }
        gui::AuditPage page(*m_source);
        QSignalSpy finished(&page, &gui::AuditPage::verifyFinished);
        page.startVerify();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.takeFirst().at(0).toBool(), false);
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("verifyStatusLabel"))->text().contains(QStringLiteral("123")));
    }

    void filterWithNoMatchShowsEmptyState()
    {
        gui::AuditPage page(*m_source);
        page.findChild<QLineEdit*>(QStringLiteral("operatorLineEdit"))->setText(QStringLiteral("nobody"));
        page.findChild<QPushButton*>(QStringLiteral("applyFilterButton"))->click();
        QCOMPARE(page.model()->rowCount(), 0);
        auto* empty = page.findChild<QLabel*>(QStringLiteral("emptyStateLabel"));
        QVERIFY(!empty->isHidden());
        QVERIFY(empty->text().contains(QStringLiteral("filter")));
    }
};

QTEST_MAIN(TestAuditPage)
#include "TestAuditPage.moc"
