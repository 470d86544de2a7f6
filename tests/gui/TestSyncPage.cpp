// The Sync page (issue 6 item 6, issue 7 item 3) under the offscreen platform: the empty state that
// points to Settings, a conflict shown with both versions and resolved by a person (recorded), an
// auditor who may look but not resolve, and the conflict model checked by QAbstractItemModelTester.

#include "../services/ServiceFixture.h"
#include "Screenshot.h"

#include "gui/SyncConflictModel.h"
#include "gui/SyncPage.h"
#include "services/LinkageService.h"
#include "services/StoreSyncSink.h"
#include "services/SyncService.h"
#include "store/LinkageRepository.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

using namespace madoguchi;
using gui::SyncPage;

namespace {

const services::Operator Staff{QStringLiteral("staff-1"), services::Role::MunicipalStaff};
const services::Operator Auditor{QStringLiteral("audit-1"), services::Role::Auditor};

services::EnrolRequest insurance(int cardNo, const QString& number)
{
    services::EnrolRequest r;
    r.card = test::card(cardNo);
    r.kind = QStringLiteral("health_insurance");
    r.fields = {{QStringLiteral("insurer_number"), QStringLiteral("33120015")},
                {QStringLiteral("symbol"), QStringLiteral("記号")},
                {QStringLiteral("number"), number},
                {QStringLiteral("branch"), QStringLiteral("01")}};
    return r;
}

} // namespace

class TestSyncPage final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    core::SystemClock m_clock;
    std::optional<store::Database> m_db;
    std::unique_ptr<services::SyncService> m_sync;

private Q_SLOTS:
    void init()
    {
        m_db =
            test::openMigrated(m_dir.filePath(QStringLiteral("sync-%1.db").arg(QDateTime::currentMSecsSinceEpoch())));
        QVERIFY(m_db);
        services::SyncService::Config config;
        // Configured, but never started here: the page must not touch the network on its own.
        config.platform = QUrl(QStringLiteral("https://platform.example:8443"));
        config.terminalCertificate = m_dir.filePath(QStringLiteral("terminal.pem"));
        m_sync = std::make_unique<services::SyncService>(*m_db, m_clock, config);
    }

    void cleanup()
    {
        m_sync.reset();
        m_db.reset();
    }

    void emptyStatePointsToSettings_data()
    {
        QTest::addColumn<bool>("withService");
        QTest::newRow("no store") << false;
        QTest::newRow("no platform") << true;
    }

    void emptyStatePointsToSettings()
    {
        QFETCH(bool, withService);
        services::SyncService unconfigured(*m_db, m_clock, {});
        SyncPage page(withService ? &unconfigured : nullptr, Staff);
        page.show();
        auto* stack = page.findChild<QStackedWidget*>(QStringLiteral("syncStack"));
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("notConfiguredPage"));
        QVERIFY(
            page.findChild<QLabel*>(QStringLiteral("notConfiguredLabel"))->text().contains(QStringLiteral("Settings")));
        QSignalSpy settings(&page, &SyncPage::settingsRequested);
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("openSettingsButton")), Qt::LeftButton);
        QCOMPARE(settings.size(), 1);
        QVERIFY(test::saveScreenshot(page, QStringLiteral("sync-not-configured")));
    }

    // Settings apply without a restart: the service takes the new platform, the page follows on show.
    void platformSetLaterIsUsed()
    {
        services::SyncService later(*m_db, m_clock, {});
        SyncPage page(&later, Staff);
        page.show();
        auto* stack = page.findChild<QStackedWidget*>(QStringLiteral("syncStack"));
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("notConfiguredPage"));
        later.setPlatform(QUrl(QStringLiteral("https://platform.example:8443")),
                          m_dir.filePath(QStringLiteral("terminal.pem")));
        QVERIFY(later.isConfigured());
        page.hide();
        page.show();
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("statusPage"));
    }

    void statusWithoutConflicts()
    {
        services::LinkageService linkages(*m_db, m_clock, QStringLiteral("T1"));
        QVERIFY(linkages.enrol(Staff, insurance(1, QStringLiteral("1001"))));
        SyncPage page(m_sync.get(), Staff);
        page.show();
        QCOMPARE(page.findChild<QStackedWidget*>(QStringLiteral("syncStack"))->currentWidget()->objectName(),
                 QStringLiteral("statusPage"));
        QCOMPARE(page.findChild<QStackedWidget*>(QStringLiteral("conflictsStack"))->currentWidget()->objectName(),
                 QStringLiteral("conflictsEmptyPage"));
        QCOMPARE(page.findChild<QLabel*>(QStringLiteral("pendingLabel"))->text(), QStringLiteral("1 change(s)"));
        QCOMPARE(page.findChild<QLabel*>(QStringLiteral("lastPushLabel"))->text(), QStringLiteral("never"));
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("stateLabel"))->text().contains(QStringLiteral("wait")));
        QVERIFY(!page.findChild<QLabel*>(QStringLiteral("stateIconLabel"))->pixmap().isNull()); // text + icon
        QVERIFY(page.findChild<QPushButton*>(QStringLiteral("syncNowButton"))->isEnabled());
        QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("cancelButton"))->isEnabled());
        SyncPage auditorPage(m_sync.get(), Auditor);
        QVERIFY(!auditorPage.findChild<QPushButton*>(QStringLiteral("syncNowButton"))->isEnabled());
    }

    void conflictShownAndResolved_data()
    {
        QTest::addColumn<bool>("keepOurs");
        QTest::newRow("take theirs") << false;
        QTest::newRow("keep ours") << true;
    }

    void conflictShownAndResolved()
    {
        QFETCH(bool, keepOurs);
        services::LinkageService linkages(*m_db, m_clock, QStringLiteral("T1"));
        auto ours = linkages.enrol(Staff, insurance(2, QStringLiteral("OURS-2")));
        QVERIFY(ours);
        auto records = services::SyncRecords::load(*m_db);
        QVERIFY(records);
        services::StoreSyncSink sink(*m_db, m_clock, *records);
        sync::LinkageRecord theirs = records->toWire(*ours);
        theirs.linkageId = QUuid::createUuid();
        theirs.fields.insert(QStringLiteral("number"), QStringLiteral("THEIRS-2"));
        theirs.terminalId = QStringLiteral("clinic-b");
        QVERIFY(sink.recordConflict(sync::ConflictRecord{QStringLiteral("c-1"), QStringLiteral("linked_differently"),
                                                         records->toWire(*ours), theirs.toJson()}));

        SyncPage auditorPage(m_sync.get(), Auditor);
        QCOMPARE(auditorPage.conflictModel()->rowCount(), 1);
        QVERIFY(!auditorPage.findChild<QPushButton*>(QStringLiteral("keepOursButton"))->isEnabled());
        QVERIFY(!auditorPage.findChild<QPushButton*>(QStringLiteral("takeTheirsButton"))->isEnabled());

        SyncPage page(m_sync.get(), Staff);
        page.show();
        QAbstractItemModelTester tester(page.conflictModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(page.findChild<QStackedWidget*>(QStringLiteral("conflictsStack"))->currentWidget()->objectName(),
                 QStringLiteral("conflictsListPage"));
        QCOMPARE(page.conflictModel()->rowCount(), 1);
        QVERIFY(page.findChild<QTextBrowser*>(QStringLiteral("oursTextBrowser"))
                    ->toPlainText()
                    .contains(QStringLiteral("OURS-2")));
        const QString theirsText = page.findChild<QTextBrowser*>(QStringLiteral("theirsTextBrowser"))->toPlainText();
        QVERIFY(theirsText.contains(QStringLiteral("THEIRS-2")));
        QVERIFY(theirsText.contains(QStringLiteral("clinic-b")));
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("stateLabel"))->text().contains(QStringLiteral("conflict")));
        QVERIFY(test::saveScreenshot(page, QStringLiteral("sync-conflict")));

        auto* button = page.findChild<QPushButton*>(keepOurs ? QStringLiteral("keepOursButton")
                                                             : QStringLiteral("takeTheirsButton"));
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(page.conflictModel()->rowCount(), 0);
        QCOMPARE(page.findChild<QStackedWidget*>(QStringLiteral("conflictsStack"))->currentWidget()->objectName(),
                 QStringLiteral("conflictsEmptyPage"));
        QCOMPARE(*m_db->queryInt("SELECT count(*) FROM sync_resolution"), 1);
        store::LinkageRepository repo(*m_db);
        QStringList active;
        const auto current = repo.currentByIdentity(test::card(2));
        QVERIFY(current);
        for (const auto& l : *current) {
            if (l.status == store::LinkageStatus::Active) {
                active << l.fields.value(QStringLiteral("number")).toString();
            }
        }
        QCOMPARE(active, QStringList{keepOurs ? QStringLiteral("OURS-2") : QStringLiteral("THEIRS-2")});
        // Keep ours: their linkage ended and ours again, both to send; take theirs: ours ended, to send.
        QCOMPARE(*m_db->queryInt("SELECT count(*) FROM outbox WHERE sent_at IS NULL"), keepOurs ? 3 : 2);
    }
};

QTEST_MAIN(TestSyncPage)
#include "TestSyncPage.moc"
