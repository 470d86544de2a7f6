// Store-backed desktop sync against a real platform (issue 7 "Tests"): two counters with two
// encrypted registries enrol, sync and see each other's linkages; a conflict reaches sync_conflict
// with both versions and is resolved by a person either way; an item the platform refuses does not
// block the outbox; the platform's revocation feed reaches the card events and the revocation queue.

#include "StoreTerminal.h"

#include "services/RevocationQueue.h"
#include "sync/InMemoryOutbox.h"
#include "sync/InMemorySyncSink.h"
#include "sync/SyncClient.h"
#include "services/SyncConflicts.h"
#include "store/LinkageRepository.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace madoguchi;
using test::StoreTerminal;

namespace {

QList<store::Linkage> current(StoreTerminal& t, int cardNo)
{
    store::LinkageRepository repo(*t.db);
    return repo.currentByIdentity(test::card(cardNo)).value_or(QList<store::Linkage>());
}

QString numberOf(const store::Linkage& l)
{
    return l.fields.value(QStringLiteral("number")).toString();
}

} // namespace

class TestStoreSync final : public QObject
{
    Q_OBJECT

    std::unique_ptr<tests::PlatformTestEnv> m_env;

private slots:
    void initTestCase()
    {
        auto env = tests::PlatformTestEnv::start();
        QVERIFY2(env, env ? "" : qPrintable(env.error().toString()));
        m_env = std::move(*env);
    }

    void twoTerminalsSeeEachOther()
    {
        auto a = StoreTerminal::enrol(*m_env, QStringLiteral("store-town-hall"));
        auto b = StoreTerminal::enrol(*m_env, QStringLiteral("store-clinic"));
        QVERIFY(a && b);
        for (int i = 1; i <= 3; ++i) {
            QVERIFY(a->linkages->enrol(test::SyncStaff, test::insurance(i, QStringLiteral("10%1").arg(i))));
        }
        QVERIFY(b->linkages->enrol(test::SyncStaff, test::catv(9, QStringLiteral("HH-9"))));
        QCOMPARE(*a->sync->status(test::SyncStaff).map([](const auto& s) { return s.pending; }), 3);
        QVERIFY(a->runSync());
        QCOMPARE(a->count("SELECT count(*) FROM outbox WHERE sent_at IS NULL"), 0);
        QCOMPARE(a->sync->status(test::SyncStaff)->state, services::SyncState::UpToDate);
        QVERIFY(b->runSync());
        for (int i = 1; i <= 3; ++i) {
            const auto seen = current(*b, i);
            QCOMPARE(seen.size(), 1);
            QCOMPARE(numberOf(seen.first()), QStringLiteral("10%1").arg(i));
            QVERIFY(seen.first().createdBy.endsWith(QStringLiteral("@store-town-hall")));
        }
        QVERIFY(a->runSync());
        QCOMPARE(current(*a, 9).size(), 1); // B's CATV linkage, kind mapped back from catv_household
        QCOMPARE(current(*a, 9).first().kind, QStringLiteral("catv"));
        // Our own changes come back in the feed and are not applied twice.
        QCOMPARE(a->count("SELECT count(*) FROM linkage_version"), 4);
        QVERIFY(a->runSync());
        QCOMPARE(a->count("SELECT count(*) FROM linkage_version"), 4);
        QVERIFY(a->sync->status(test::SyncStaff)->lastPull.isValid());
        // Every run is in the audit log: push and pull, with counts and cursors.
        QCOMPARE(a->count("SELECT count(*) FROM audit_entry WHERE action = 'sync.push'"), 3); // A ran three times
        QCOMPARE(a->count("SELECT count(*) FROM audit_entry WHERE action = 'sync.pull'"), 3);
        QCOMPARE(a->count("SELECT count(*) FROM audit_entry WHERE action = 'sync.pull' AND instr(body, 'upTo') > 0"),
                 3);
    }

    void offlineThenCancelled()
    {
        auto a = StoreTerminal::enrol(*m_env, QStringLiteral("store-offline"));
        QVERIFY(a);
        QVERIFY(a->linkages->enrol(test::SyncStaff, test::catv(50, QStringLiteral("HH-50"))));
        services::SyncService::Config offline = a->config;
        offline.platform = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(platformd::ThrowawayCluster::freePort()));
        offline.maxAttempts = 2;
        offline.initialBackoffMs = 10;
        services::SyncService unreachable(*a->db, a->clock, offline, nullptr, &*a->audit);
        QSignalSpy done(&unreachable, &services::SyncService::finished);
        QVERIFY(unreachable.start(test::SyncStaff));
        QVERIFY(done.wait(60000));
        QCOMPARE(done.at(0).at(0).toBool(), false);
        QCOMPARE(unreachable.status(test::SyncStaff)->state, services::SyncState::Offline);
        QCOMPARE(unreachable.status(test::SyncStaff)->pending, 1); // nothing lost
        // A long back-off is cut short by Cancel: the worker ends at once, the outbox stays.
        offline.maxAttempts = 50;
        offline.initialBackoffMs = 60000;
        services::SyncService patient(*a->db, a->clock, offline);
        QSignalSpy cancelled(&patient, &services::SyncService::finished);
        QVERIFY(patient.start(test::SyncStaff));
        QVERIFY(patient.isRunning());
        QCOMPARE(patient.start(test::SyncStaff).error().code, core::Errc::InvalidArgument); // one run at a time
        patient.cancel();
        QVERIFY(cancelled.wait(30000));
        QCOMPARE(patient.lastError()->code, core::Errc::Cancelled);
        QVERIFY(!patient.isRunning());
        QCOMPARE(*a->sync->status(test::SyncStaff).map([](const auto& s) { return s.pending; }), 1);
        QVERIFY(a->runSync()); // and the real platform gets it
        QCOMPARE(a->count("SELECT count(*) FROM outbox WHERE sent_at IS NULL"), 0);
    }

    void conflictKeptWithBothVersionsAndResolved_data()
    {
        QTest::addColumn<bool>("keepOurs");
        QTest::newRow("take theirs") << false;
        QTest::newRow("keep ours") << true;
    }

    void conflictKeptWithBothVersionsAndResolved()
    {
        QFETCH(bool, keepOurs);
        const int cardNo = keepOurs ? 21 : 20;
        auto a = StoreTerminal::enrol(*m_env, QStringLiteral("insurer-a-%1").arg(cardNo));
        auto b = StoreTerminal::enrol(*m_env, QStringLiteral("insurer-b-%1").arg(cardNo));
        QVERIFY(a && b);
        QVERIFY(a->linkages->enrol(test::SyncStaff, test::insurance(cardNo, QStringLiteral("A%1").arg(cardNo))));
        QVERIFY(b->linkages->enrol(test::SyncStaff, test::insurance(cardNo, QStringLiteral("B%1").arg(cardNo))));
        QVERIFY(a->runSync());
        QVERIFY(b->runSync());                                       // a conflict is not a failed run
        QCOMPARE(b->count("SELECT count(*) FROM sync_conflict"), 1); // push found it; the pull did not add one
        auto conflicts = b->sync->conflicts().list(test::SyncStaff);
        QVERIFY(conflicts && conflicts->size() == 1);
        const services::SyncConflict c = conflicts->first();
        QCOMPARE(c.reason, QStringLiteral("linked_differently"));
        QCOMPARE(c.ours.value(QStringLiteral("fields")).toObject().value(QStringLiteral("number")).toString(),
                 QStringLiteral("B%1").arg(cardNo));
        QCOMPARE(c.theirs.value(QStringLiteral("fields")).toObject().value(QStringLiteral("number")).toString(),
                 QStringLiteral("A%1").arg(cardNo));
        QCOMPARE(current(*b, cardNo).size(), 1); // ours, not overwritten, theirs not applied
        QCOMPARE(numberOf(current(*b, cardNo).first()), QStringLiteral("B%1").arg(cardNo));
        // Auditors may look, not resolve.
        const services::Operator auditor{QStringLiteral("audit-1"), services::Role::Auditor};
        QVERIFY(b->sync->conflicts().list(auditor));
        QCOMPARE(b->sync->conflicts().resolve(auditor, c.id, services::SyncConflicts::Choice::KeepOurs).error().code,
                 core::Errc::PermissionDenied);
        const auto choice =
            keepOurs ? services::SyncConflicts::Choice::KeepOurs : services::SyncConflicts::Choice::TakeTheirs;
        auto resolved = b->sync->conflicts().resolve(test::SyncStaff, c.id, choice);
        QVERIFY2(resolved, qPrintable(resolved ? QString() : resolved.error().toString()));
        QCOMPARE(b->sync->conflicts().list(test::SyncStaff)->size(), 0);
        QCOMPARE(b->count("SELECT count(*) FROM audit_entry WHERE action LIKE 'sync_conflict.%'"), 1);
        QVERIFY(!b->sync->conflicts().resolve(test::SyncStaff, c.id, choice)); // once
        const QString winner = keepOurs ? QStringLiteral("B%1").arg(cardNo) : QStringLiteral("A%1").arg(cardNo);
        auto active = [&](StoreTerminal& t) {
            QStringList numbers;
            for (const auto& l : current(t, cardNo)) {
                if (l.status == store::LinkageStatus::Active) {
                    numbers << numberOf(l);
                }
            }
            return numbers;
        };
        QCOMPARE(active(*b), QStringList{winner});
        QVERIFY(b->runSync());
        QCOMPARE(b->count("SELECT count(*) FROM sync_conflict"), 1); // the resolution pushed cleanly
        QVERIFY(a->runSync());
        QCOMPARE(a->count("SELECT count(*) FROM sync_conflict"), 0);
        QCOMPARE(active(*a), QStringList{winner}); // the other counter follows the person's choice
    }

    void refusedItemDoesNotBlockTheOutbox()
    {
        auto a = StoreTerminal::enrol(*m_env, QStringLiteral("refusing"), 10);
        auto b = StoreTerminal::enrol(*m_env, QStringLiteral("refusing-b"));
        QVERIFY(a && b);
        QVERIFY(a->linkages->enrol(test::SyncStaff, test::catv(30, QStringLiteral("HH-30"))));
        // A version the platform refuses (422: operator must be 1–64 characters), between two good ones.
        auto first = a->linkages->enrol(test::SyncStaff, test::catv(31, QStringLiteral("HH-31")));
        QVERIFY(first);
        store::Linkage bad = *first;
        bad.version = 2;
        bad.createdBy.clear();
        store::LinkageRepository repo(*a->db);
        QVERIFY(repo.insertVersion(bad));
        QVERIFY(repo.appendOutbox(QStringLiteral("linkage"), bad.uuid.toRfc4122(), 2, QStringLiteral("suspend")));
        QVERIFY(a->linkages->enrol(test::SyncStaff, test::catv(32, QStringLiteral("HH-32"))));
        QVERIFY(a->runSync());
        QCOMPARE(a->count("SELECT count(*) FROM outbox WHERE sent_at IS NULL"), 0);
        QCOMPARE(a->count("SELECT count(*) FROM sync_conflict WHERE reason = 'invalid_field'"), 1);
        QCOMPARE(a->sync->lastReport().conflicts, 1);
        QVERIFY(b->runSync());
        QCOMPARE(current(*b, 30).size(), 1);
        QCOMPARE(current(*b, 31).size(), 1);
        QCOMPARE(current(*b, 31).first().version, 1);
        QCOMPARE(current(*b, 32).size(), 1);
    }

    void revocationFeedReachesTheCounter()
    {
        auto a = StoreTerminal::enrol(*m_env, QStringLiteral("revocations-a"));
        QVERIFY(a);
        QVERIFY(a->linkages->enrol(test::SyncStaff, test::catv(40, QStringLiteral("HH-40"))));
        QVERIFY(a->linkages->enrol(test::SyncStaff, test::catv(41, QStringLiteral("HH-41"))));
        const QJsonArray events{QJsonObject{{QStringLiteral("cardId"), test::card(40).toString()},
                                            {QStringLiteral("event"), QStringLiteral("revoked")},
                                            {QStringLiteral("reason"), 1},
                                            {QStringLiteral("occurredAt"), QStringLiteral("2026-11-01T00:00:00Z")}},
                                QJsonObject{{QStringLiteral("cardId"), test::card(41).toString()},
                                            {QStringLiteral("event"), QStringLiteral("succession")},
                                            {QStringLiteral("occurredAt"), QStringLiteral("2026-11-02T00:00:00Z")},
                                            {QStringLiteral("successorCardId"), test::card(42).toString()}}};
        QCOMPARE(m_env
                     ->call(m_env->adminTls(), "POST", QStringLiteral("/v1/admin/revocations"),
                            QJsonDocument(QJsonObject{{QStringLiteral("events"), events}}).toJson())
                     .status,
                 201);
        QVERIFY(a->runSync());
        QVERIFY(a->sync->lastReport().pulledRevocations >= 2);
        QCOMPARE(a->count("SELECT count(*) FROM card_event WHERE event = 'revoked' AND reason_code = 1"), 1);
        QCOMPARE(a->count("SELECT count(*) FROM card_event WHERE event = 'migrated' AND successor_id IS NOT NULL"), 1);
        services::RevocationQueue queue(*a->db, a->clock);
        auto migrations = queue.items(test::SyncStaff, services::RevocationWorkItem::Queue::Migration);
        QVERIFY(migrations);
        QCOMPARE(migrations->size(), 1);
        QCOMPARE(migrations->first().successor, std::optional<store::CardIdentity>(test::card(42)));
        const qint64 stored = a->count("SELECT count(*) FROM platform_revocation");
        QVERIFY(a->runSync()); // the cursor moved: nothing twice
        QCOMPARE(a->count("SELECT count(*) FROM platform_revocation"), stored);
        QCOMPARE(a->count("SELECT count(*) FROM card_event"), 2);
    }

    void notConfiguredNeverTouchesTheNetwork()
    {
        QTemporaryDir dir;
        auto db = test::openMigrated(dir.filePath(QStringLiteral("t.db")));
        QVERIFY(db);
        core::SystemClock clock;
        services::SyncService sync(*db, clock, {});
        QVERIFY(!sync.isConfigured());
        QCOMPARE(sync.start(test::SyncStaff).error().code, core::Errc::Unsupported);
        QCOMPARE(sync.status(test::SyncStaff)->state, services::SyncState::NotConfigured);
    }

    // Issue 7 "Measure": 100 k linkage changes terminal → platform → second terminal through the
    // store-backed path. Only with MADOGUCHI_SYNC_BENCH=<changes> (minutes of both cores).
    void benchStoreBackedSync()
    {
        const int changes = qEnvironmentVariableIntValue("MADOGUCHI_SYNC_BENCH");
        if (changes <= 0) {
            QSKIP("set MADOGUCHI_SYNC_BENCH=100000 to measure");
        }
        auto a = StoreTerminal::enrol(*m_env, QStringLiteral("bench-a"), 1000);
        auto b = StoreTerminal::enrol(*m_env, QStringLiteral("bench-b"), 1000);
        QVERIFY(a && b);
        QVERIFY(a->db->exec("BEGIN"));
        for (int i = 0; i < changes; ++i) {
            QVERIFY(a->linkages->enrolInTransaction(
                test::SyncStaff,
                *std::make_unique<services::EnrolRequest>(test::catv(100000 + i, QStringLiteral("B-%1").arg(i))),
                nullptr));
        }
        QVERIFY(a->db->exec("COMMIT"));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(a->runSync(900000));
        const qint64 push = timer.restart();
        QVERIFY(b->runSync(900000));
        const qint64 pull = timer.elapsed();
        QCOMPARE(b->sync->lastReport().pulledLinkages >= changes, true);
        qInfo("store-backed sync of %d changes: push %.1f s + pull %.1f s = %.1f s", changes, push / 1000.0,
              pull / 1000.0, (push + pull) / 1000.0);
        // The in-memory path over the same platform, right after, for the ratio (same load, same run).
        auto c = m_env->enrol(QStringLiteral("bench-c"));
        auto d = m_env->enrol(QStringLiteral("bench-d"));
        QVERIFY(c && d);
        sync::InMemoryOutbox outbox;
        sync::InMemorySyncSink sinkC;
        sync::InMemorySyncSink sinkD;
        sync::InMemoryOutbox none;
        for (int i = 0; i < changes; ++i) {
            sync::LinkageRecord r;
            r.linkageId = QUuid::createUuid();
            r.cardId = test::card(300000 + i).toString();
            r.kind = QStringLiteral("catv_household");
            r.fields = {{QStringLiteral("household_id"), QStringLiteral("M-%1").arg(i)}};
            r.assurance = QStringLiteral("tap_only");
            r.operatorId = QStringLiteral("staff-1");
            outbox.add(r);
        }
        QVERIFY(sinkC.applyLinkages({}, 1LL << 40)); // C only pushes
        auto options = [this](const sync::TerminalCredentials& t) {
            sync::SyncClientOptions o;
            o.baseUrl = m_env->baseUrl();
            o.tls = *sync::SyncClient::tlsConfiguration(t.certificatePem, t.privateKeyPem, t.caPem);
            o.batchSize = 1000;
            return o;
        };
        sync::SyncClient pushC(options(*c), outbox, sinkC);
        sync::SyncClient pullD(options(*d), none, sinkD);
        QSignalSpy pushed(&pushC, &sync::SyncClient::finished);
        QSignalSpy pulled(&pullD, &sync::SyncClient::finished);
        timer.restart();
        pushC.start();
        QVERIFY(pushed.wait(900000));
        const qint64 memPush = timer.restart();
        pullD.start();
        QVERIFY(pulled.wait(900000));
        const qint64 memPull = timer.elapsed();
        qInfo("in-memory sync of %d changes: push %.1f s + pull %.1f s = %.1f s; store-backed / in-memory = %.2f",
              changes, memPush / 1000.0, memPull / 1000.0, (memPush + memPull) / 1000.0,
              double(push + pull) / double(memPush + memPull));
    }

    void cleanupTestCase() { m_env.reset(); }
};

QTEST_GUILESS_MAIN(TestStoreSync)
#include "TestStoreSync.moc"
