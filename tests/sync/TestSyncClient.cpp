// Desktop sync against a real platform (issue 7 "Tests"): two terminals enrol, sync and see each
// other's linkages; a conflict reaches the conflict list; offline work resumes; the server killed
// in the middle of a push and restarted loses nothing and applies nothing twice.

#include "../platformd/PlatformTestEnv.h"

#include "sync/InMemoryOutbox.h"
#include "sync/InMemorySyncSink.h"
#include "sync/SyncClient.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace madoguchi;

namespace {

sync::LinkageRecord record(const QString& cardId, const QString& kind, const QJsonObject& fields)
{
    sync::LinkageRecord r;
    r.linkageId = QUuid::createUuid();
    r.cardId = cardId;
    r.kind = kind;
    r.fields = fields;
    r.validFrom = QDate(2025, 4, 1);
    r.operatorId = QStringLiteral("staff-1");
    return r;
}

// An outbox that lets a test act when the platform acknowledged a batch.
class HookedOutbox final : public sync::InMemoryOutbox
{
public:
    std::function<void(int batch)> onAcknowledged;
    core::Result<void> acknowledge(const QList<sync::PushResult>& results) override
    {
        auto done = InMemoryOutbox::acknowledge(results);
        if (onAcknowledged) {
            onAcknowledged(++m_batches);
        }
        return done;
    }

private:
    int m_batches = 0;
};

struct Terminal
{
    sync::TerminalCredentials credentials;
    HookedOutbox outbox;
    sync::InMemorySyncSink sink;
    std::unique_ptr<sync::SyncClient> client;
};

} // namespace

class TestSyncClient final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Terminal> enrol(tests::PlatformTestEnv& env, const QString& id, int batchSize = 500)
    {
        auto terminal = std::make_unique<Terminal>();
        auto credentials = env.enrol(id);
        if (!credentials) {
            qWarning() << credentials.error().toString();
            return nullptr;
        }
        terminal->credentials = *credentials;
        sync::SyncClientOptions options;
        options.baseUrl = env.baseUrl();
        options.tls = *sync::SyncClient::tlsConfiguration(credentials->certificatePem, credentials->privateKeyPem,
                                                          credentials->caPem);
        options.batchSize = batchSize;
        options.initialBackoffMs = 50;
        options.maxBackoffMs = 500;
        options.maxAttempts = 40;
        terminal->client = std::make_unique<sync::SyncClient>(options, terminal->outbox, terminal->sink);
        return terminal;
    }

    static bool runSync(Terminal& terminal, int timeoutMs = 60000)
    {
        QSignalSpy done(terminal.client.get(), &sync::SyncClient::finished);
        terminal.client->start();
        return done.wait(timeoutMs) && done.at(0).at(0).toBool();
    }

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
        auto a = enrol(*m_env, QStringLiteral("town-hall-a"));
        auto b = enrol(*m_env, QStringLiteral("clinic-b"));
        QVERIFY(a && b);
        for (int i = 0; i < 3; ++i) {
            a->outbox.add(record(QStringLiteral("cc:0%1").arg(i), QStringLiteral("platform_id"),
                                 {{QStringLiteral("platformId"), QStringLiteral("P-%1").arg(i)}}));
        }
        QVERIFY(runSync(*a));
        QCOMPARE(a->outbox.size(), 0);
        QCOMPARE(a->client->report().pushed, 3);
        const auto fromB = record(QStringLiteral("cc:10"), QStringLiteral("catv_household"),
                                  {{QStringLiteral("household"), QStringLiteral("H-9")}});
        b->outbox.add(fromB);
        QVERIFY(runSync(*b));
        QCOMPARE(b->sink.linkages().size(), 4); // A's three and its own
        QCOMPARE(b->sink.linkages().values().first().terminalId.isEmpty(), false);
        QVERIFY(runSync(*a));
        QVERIFY(a->sink.linkages().contains(fromB.linkageId));
        QCOMPARE(a->sink.linkages().value(fromB.linkageId).terminalId, QStringLiteral("clinic-b"));
    }

    void conflictReachesTheList()
    {
        auto a = enrol(*m_env, QStringLiteral("insurer-a"));
        auto b = enrol(*m_env, QStringLiteral("insurer-b"));
        QVERIFY(a && b);
        const auto mine = record(QStringLiteral("cc:20"), QStringLiteral("health_insurance"),
                                 {{QStringLiteral("insurer"), QStringLiteral("06130012")}});
        const auto theirs = record(QStringLiteral("cc:20"), QStringLiteral("health_insurance"),
                                   {{QStringLiteral("insurer"), QStringLiteral("39131015")}});
        a->outbox.add(mine);
        b->outbox.add(theirs); // made offline at the same time, elsewhere
        QVERIFY(runSync(*a));
        QVERIFY(runSync(*b));
        QCOMPARE(b->sink.conflicts().size(), 1);
        const sync::ConflictRecord& conflict = b->sink.conflicts().first();
        QCOMPARE(conflict.reason, QStringLiteral("linked_differently"));
        QCOMPARE(conflict.local.fields, theirs.fields);
        QCOMPARE(conflict.remote.value(QStringLiteral("fields")).toObject(), mine.fields);
        QCOMPARE(b->outbox.size(), 0);                        // handed to a person, not retried forever
        QVERIFY(b->sink.linkages().contains(mine.linkageId)); // the platform's version, not overwritten
        QVERIFY(!b->sink.linkages().contains(theirs.linkageId));
    }

    void offlineWorkIsKeptAndSentLater()
    {
        auto a = enrol(*m_env, QStringLiteral("mobile-counter"));
        QVERIFY(a);
        a->outbox.add(record(QStringLiteral("cc:30"), QStringLiteral("platform_id"),
                             {{QStringLiteral("platformId"), QStringLiteral("P-30")}}));
        sync::SyncClientOptions offline;
        offline.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(platformd::ThrowawayCluster::freePort()));
        offline.tls = *sync::SyncClient::tlsConfiguration(a->credentials.certificatePem, a->credentials.privateKeyPem,
                                                          a->credentials.caPem);
        offline.initialBackoffMs = 10;
        offline.maxAttempts = 3;
        sync::SyncClient unreachable(offline, a->outbox, a->sink);
        QSignalSpy done(&unreachable, &sync::SyncClient::finished);
        unreachable.start();
        QVERIFY(done.wait(30000));
        QCOMPARE(done.at(0).at(0).toBool(), false);
        QCOMPARE(unreachable.report().retries, 2);
        QCOMPARE(a->outbox.size(), 1); // nothing lost
        QVERIFY(runSync(*a));
        QCOMPARE(a->outbox.size(), 0);
    }

    void serverKilledMidPush()
    {
        auto env = tests::PlatformTestEnv::start(false); // the server as a child process
        QVERIFY2(env, env ? "" : qPrintable(env.error().toString()));
        auto a = enrol(**env, QStringLiteral("busy-counter"), 100);
        auto b = enrol(**env, QStringLiteral("quiet-counter"));
        QVERIFY(a && b);
        constexpr int Changes = 1000;
        for (int i = 0; i < Changes; ++i) {
            a->outbox.add(record(QStringLiteral("dd:%1").arg(i, 4, 16, QLatin1Char('0')), QStringLiteral("platform_id"),
                                 {{QStringLiteral("platformId"), QStringLiteral("P-%1").arg(i)}}));
        }
        int kills = 0;
        a->outbox.onAcknowledged = [&](int batch) {
            if (batch == 2 || batch == 5) {
                // Batch 2: killed between batches. Batch 5: killed as the next batch goes out (in flight).
                QTimer::singleShot(0, [&env, &kills] {
                    (*env)->killServer();
                    ++kills;
                    QTimer::singleShot(300, [&env] { QVERIFY((*env)->startServer()); });
                });
            }
        };
        QVERIFY(runSync(*a, 120000));
        QCOMPARE(kills, 2);
        QVERIFY(a->client->report().retries > 0);
        QCOMPARE(a->outbox.size(), 0);
        QCOMPARE((*env)->sqlValue(QStringLiteral("SELECT count(*) FROM linkage_versions")), QString::number(Changes));
        QCOMPARE(
            (*env)->sqlValue(QStringLiteral("SELECT count(*) FROM idempotency WHERE terminal_id = 'busy-counter'")),
            QString::number(Changes));
        QVERIFY(runSync(*b));
        QCOMPARE(b->sink.linkages().size(), Changes);
        QCOMPARE(b->sink.appliedChanges(), Changes);
        QCOMPARE((*env)->terminateServer(), 0); // SIGTERM: graceful stop, exit code 0
    }

    void cleanupTestCase() { m_env.reset(); }
};

QTEST_GUILESS_MAIN(TestSyncClient)
#include "TestSyncClient.moc"
