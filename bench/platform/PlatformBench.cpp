// Platform benchmark (performance.md §4, issue 7 "Measure"): the verification and qualification
// endpoints over mutual TLS with keep-alive at fixed concurrency, beside the same SQL through
// pgbench at the same concurrency; /v1/health with wrk (no client certificate) beside our load
// generator; and N linkage changes terminal A → platform → terminal B beside a raw COPY.
// Everything on 127.0.0.1, a throw-away cluster (fsync off for both sides), one process.

#include "LoadGenerator.h"
#include "CardLogins.h"
#include "PgbenchRunner.h"
#include "WrkRunner.h"

#include "card/HolderChallenge.h"
#include "pki/DemoSet.h"
#include "pki/JpkiCertificate.h"
#include "pki/OpenSsl.h"
#include "platformd/PgConnection.h"
#include "platformd/PlatformServer.h"
#include "platformd/TerminalCa.h"
#include "platformd/ThrowawayCluster.h"
#include "sync/InMemoryOutbox.h"
#include "sync/InMemorySyncSink.h"
#include "sync/SyncClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtEndian>

#include <libpq-fe.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <cstdio>
#include <thread>

using namespace madoguchi;

namespace {

struct Env
{
    std::unique_ptr<platformd::ThrowawayCluster> cluster;
    QTemporaryDir files;
    std::unique_ptr<platformd::PlatformServer> server;
    int connections = 16;
    // wrk's threads carrying the connections: 2, the shape of pgbench's client (PgbenchRunner: -j 2),
    // so that both load generators cost the shared cores alike (`--wrk-threads`).
    int clientThreads = 2;
    double seconds = 8;
    int cards = 100000;
    QByteArray file(const char* name) const
    {
        QFile f(platformd::PlatformFiles{files.path()}.path(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
};

void die(const QString& what)
{
    std::fprintf(stderr, "platform-bench: %s\n", qUtf8Printable(what));
    std::exit(1);
}

void sql(const Env& env, const char* statement)
{
    auto db = platformd::PgConnection::open(env.cluster->conninfo());
    if (!db || !(*db)->execScript(statement)) {
        die(QStringLiteral("SQL failed: %1").arg(QLatin1String(statement).left(80)));
    }
}

// A terminal certificate straight from the CA files, registered by SQL (bench set-up only).
std::pair<QByteArray, QByteArray> terminal(const Env& env, const QString& id)
{
    auto ca = platformd::TerminalCa::load(env.file("ca.pem"), env.file("ca.key"));
    auto csr = platformd::TerminalCa::makeCsr(id);
    const core::SystemClock clock;
    auto cert = ca->issue(csr->first, id, QStringLiteral("terminal"), 30, clock);
    auto parsed = pki::ossl::certFromDerOrPem(*cert);
    const QString serial = QString::fromLatin1(pki::ossl::serialBytes(parsed->get()).toHex());
    const QByteArray der = pki::ossl::toDer(parsed->get()).toHex();
    sql(env, QStringLiteral("INSERT INTO terminals VALUES ('%1', 'terminal', 'active', '%2', decode('%3', 'hex'))")
                 .arg(id, serial, QString::fromLatin1(der))
                 .toUtf8()
                 .constData());
    return {*cert, csr->second};
}

bench::LoadOptions loadOptions(const Env& env, const std::pair<QByteArray, QByteArray>& creds)
{
    bench::LoadOptions o;
    o.port = env.server->port();
    o.certPem = creds.first;
    o.keyPem = creds.second;
    o.caPem = env.file("ca.pem");
    o.connections = env.connections;
    o.seconds = env.seconds;
    return o;
}

bench::WrkOptions wrkOptions(const Env& env, const std::pair<QByteArray, QByteArray>& creds)
{
    bench::WrkOptions o;
    o.port = env.server->port();
    o.certPem = creds.first;
    o.keyPem = creds.second;
    o.workDirectory = env.files.path();
    o.connections = env.connections;
    o.threads = env.clientThreads;
    o.seconds = env.seconds;
    return o;
}

void row(const char* what, const bench::LoadResult& api, const bench::WrkResult& wrk, const bench::PgbenchResult& pg)
{
    const double base = pg.tps > 0 ? pg.tps : 1;
    std::printf("| %s | wrk %.0f req/s, p50 %.2f ms, p99 %.2f ms, %lld errors | generator %.0f req/s, p50 %.2f ms, "
                "p99 %.2f ms, %lld failed | pgbench %.0f tps, p99 %.2f ms | wrk %.0f %%, generator %.0f %% |\n",
                what, wrk.rps, wrk.p50Ms, wrk.p99Ms, static_cast<long long>(wrk.errors), api.throughput(), api.p50Ms,
                api.p99Ms, static_cast<long long>(api.failures), pg.tps, pg.p99Ms, 100.0 * wrk.rps / base,
                100.0 * api.throughput() / base);
    std::fflush(stdout);
}

const char* QualificationSql =
    "WITH q AS (SELECT fields, status FROM linkages WHERE card_id = $1 AND kind = 'health_insurance' AND status = "
    "'active' "
    "LIMIT 1), r AS (INSERT INTO rp_checks(card_id, check_kind, outcome, assurance, terminal_id) SELECT $1, "
    "'qualification', CASE WHEN EXISTS (SELECT 1 FROM q) THEN 'qualified' ELSE 'not_found' END, $2, $3) "
    "SELECT fields::text, status FROM q";

void qualification(const Env& env, const std::pair<QByteArray, QByteArray>& creds)
{
    const int cards = env.cards;
    const auto api =
        bench::runLoad(loadOptions(env, creds), [cards](qint64, QByteArray& m, QByteArray& p, QByteArray& b) {
            m = "POST";
            p = "/v1/rp/qualification";
            b = "{\"cardId\":\"ee:" +
                QByteArray::number(QRandomGenerator::global()->bounded(1, cards + 1), 16).rightJustified(8, '0') +
                "\",\"assurance\":\"tap_only\"}";
        });
    QByteArray script = "\\set i random(1, " + QByteArray::number(cards) + ")\n";
    script += QByteArray(QualificationSql)
                  .replace("$1", "('ee:' || lpad(to_hex(:i::int), 8, '0'))")
                  .replace("$2", "'tap_only'")
                  .replace("$3", "'bench-a'") +
              ";\n";
    const auto wrk = bench::runWrk(wrkOptions(env, creds), "qualification.lua", {QString::number(cards)});
    row("qualification", api, wrk, bench::runPgbench(*env.cluster, env.connections, env.seconds, script));
}

void seedVerification(const Env& env)
{
    auto demo = pki::makeDemoSet();
    const QString cardId =
        pki::JpkiCertificate::parse(demo->resident(QStringLiteral("valid"))->authCertDer)->identity().toString();
    sql(env, QStringLiteral("INSERT INTO linkages VALUES ('%1', gen_random_uuid(), 'platform_id', 1, 'active', "
                            "'{\"platformId\":\"JP-1\"}', NULL, NULL, 'pin_signature', 'seed', 'seed', 0)")
                 .arg(cardId)
                 .toUtf8()
                 .constData());
}

void verification(const Env& env, const std::pair<QByteArray, QByteArray>& creds, int count)
{
    auto demo = pki::makeDemoSet();
    const pki::DemoResident* resident = demo->resident(QStringLiteral("valid"));
    const QString cardId = pki::JpkiCertificate::parse(resident->authCertDer)->identity().toString();
    const QList<QByteArray> bodies = bench::signedVerifications(env.file("secret.bin"), *resident, count);
    auto options = loadOptions(env, creds);
    options.maxRequests = count;
    std::fprintf(stderr, "platform-bench: verification load starts\n"); // a mark for `perf record -p`
    const auto api = bench::runLoad(options, [&bodies](qint64 i, QByteArray& m, QByteArray& p, QByteArray& b) {
        m = "POST";
        p = "/v1/rp/verify-card";
        b = bodies[static_cast<qsizetype>(i)];
    });
    const QByteArray script =
        "WITH p AS (SELECT fields->>'platformId' AS pid FROM linkages WHERE card_id = '" + cardId.toUtf8() +
        "' AND kind = 'platform_id' AND status = 'active' LIMIT 1), rv AS (SELECT count(*) AS n FROM revocation_events "
        "WHERE card_id = '" +
        cardId.toUtf8() +
        "' AND event = 'revoked'), r AS (INSERT INTO rp_checks(card_id, check_kind, "
        "outcome, assurance, terminal_id, nonce) SELECT '" +
        cardId.toUtf8() +
        "', 'verification', CASE WHEN rv.n > 0 THEN "
        "'revoked' ELSE 'valid' END, 'pin_signature', 'bench-a', decode(md5(random()::text || "
        "clock_timestamp()::text), 'hex') "
        "FROM rv ON CONFLICT (card_id, nonce) WHERE nonce IS NOT NULL DO NOTHING RETURNING outcome) "
        "SELECT (SELECT pid FROM p), (SELECT outcome FROM r), (SELECT count(*) FROM r);\n";
    // wrk is time-bound: enough fresh challenges for 40 000 req/s (a replay counts as an error), in one
    // file per wrk thread (wrkOptions: a thread per connection).
    const QString file = bench::verificationFiles(env.files.path(), env.file("secret.bin"), *resident,
                                                  static_cast<int>(env.seconds * 40000), env.clientThreads);
    const auto wrk = bench::runWrk(wrkOptions(env, creds), "verify.lua", {file, QString::number(env.connections)});
    row("card verification", api, wrk, bench::runPgbench(*env.cluster, env.connections, env.seconds, script));
}

void health(const Env& env, const std::pair<QByteArray, QByteArray>& creds)
{
    const auto api = bench::runLoad(loadOptions(env, creds), [](qint64, QByteArray& m, QByteArray& p, QByteArray& b) {
        m = "GET";
        p = "/v1/health";
        b.clear();
    });
    const auto wrk = bench::runWrk(wrkOptions(env, creds), "health.lua", {});
    std::printf("| /v1/health (SELECT 1) | wrk %.0f req/s, p99 %.2f ms | generator %.0f req/s, p99 %.2f ms |\n",
                wrk.rps, wrk.p99Ms, api.throughput(), api.p99Ms);
}

sync::LinkageRecord change(int i)
{
    sync::LinkageRecord r;
    r.linkageId = QUuid::createUuid();
    r.cardId = QStringLiteral("ff:%1").arg(i, 8, 16, QLatin1Char('0'));
    r.kind = QStringLiteral("catv_household");
    r.fields = {{QStringLiteral("household"), QStringLiteral("H-%1").arg(i)}};
    r.operatorId = QStringLiteral("staff-1");
    return r;
}

double runSync(sync::SyncClient& client)
{
    QEventLoop loop;
    bool ok = false;
    QObject::connect(&client, &sync::SyncClient::finished, &loop, [&](bool result) {
        ok = result;
        loop.quit();
    });
    QElapsedTimer timer;
    timer.start();
    client.start();
    loop.exec();
    if (!ok) {
        die(QStringLiteral("sync failed: %1").arg(client.lastError() ? client.lastError()->toString() : QString()));
    }
    return static_cast<double>(timer.elapsed()) / 1000.0;
}

double copyBaseline(const Env& env, const QList<sync::LinkageRecord>& rows)
{
    PGconn* db = PQconnectdb(env.cluster->conninfo().toUtf8().constData());
    PQclear(PQexec(db, "CREATE TABLE copy_baseline (LIKE linkage_versions)"));
    QElapsedTimer timer;
    timer.start();
    PQclear(PQexec(db, "COPY copy_baseline FROM STDIN"));
    qint64 seq = 0;
    for (const auto& r : rows) {
        QByteArray line = r.cardId.toUtf8() + '\t' + r.linkageId.toString(QUuid::WithoutBraces).toUtf8() + "\t1\t" +
                          QByteArray::number(++seq) + '\t' + QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact) +
                          '\n';
        PQputCopyData(db, line.constData(), static_cast<int>(line.size()));
    }
    PQputCopyEnd(db, nullptr);
    PQclear(PQgetResult(db));
    const double seconds = static_cast<double>(timer.elapsed()) / 1000.0;
    PQfinish(db);
    return seconds;
}

void syncBench(const Env& env, int changes)
{
    auto a = terminal(env, QStringLiteral("sync-a"));
    auto b = terminal(env, QStringLiteral("sync-b"));
    sync::InMemoryOutbox outbox;
    sync::InMemorySyncSink sinkA;
    sync::InMemorySyncSink sinkB;
    sync::InMemoryOutbox emptyOutbox;
    QList<sync::LinkageRecord> rows;
    for (int i = 0; i < changes; ++i) {
        rows.append(change(i));
        outbox.add(rows.last());
    }
    auto options = [&](const std::pair<QByteArray, QByteArray>& creds) {
        sync::SyncClientOptions o;
        o.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(env.server->port()));
        o.tls = *sync::SyncClient::tlsConfiguration(creds.first, creds.second, env.file("ca.pem"));
        o.batchSize = 1000;
        o.pageSize = 1000;
        return o;
    };
    (void)sinkA.applyLinkages({}, 1 << 30); // A only pushes in this measurement
    sync::SyncClient pushA(options(a), outbox, sinkA);
    const double push = runSync(pushA);
    sync::SyncClient pullB(options(b), emptyOutbox, sinkB);
    const double pull = runSync(pullB);
    const double copy = copyBaseline(env, rows);
    std::printf("| sync %d changes A → platform → B | push %.1f s + pull %.1f s = %.1f s | received by B: %d | raw "
                "COPY of the same rows %.2f s |\n",
                changes, push, pull, push + pull, sinkB.appliedChanges(), copy);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("seconds"), QStringLiteral("Duration per load run."), QStringLiteral("s"),
                      QStringLiteral("8")});
    parser.addOption(
        {QStringLiteral("connections"), QStringLiteral("Concurrency."), QStringLiteral("n"), QStringLiteral("16")});
    parser.addOption({QStringLiteral("wrk-threads"), QStringLiteral("wrk client threads (pgbench uses -j 2)."),
                      QStringLiteral("n"), QStringLiteral("2")});
    // The relying-party checks never block an I/O thread (one pipelined PostgreSQL connection per
    // thread carries every connection's statements). Here the server shares two cores with PostgreSQL
    // and both load generators, so its share is one event loop: on the idle machine one loop cost
    // 25-28 CPU-us per qualification against 41 with two, and gave the higher rate (docs/scaling.md).
    parser.addOption(
        {QStringLiteral("threads"), QStringLiteral("Server I/O threads."), QStringLiteral("n"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("pool"), QStringLiteral("Server worker threads = pooled connections."),
                      QStringLiteral("n"), QStringLiteral("8")});
    parser.addOption(
        {QStringLiteral("cards"), QStringLiteral("Seeded cards."), QStringLiteral("n"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("sync"), QStringLiteral("Linkage changes for the sync run."), QStringLiteral("n"),
                      QStringLiteral("100000")});
    parser.addOption({QStringLiteral("verifications"), QStringLiteral("Pre-signed card logins."), QStringLiteral("n"),
                      QStringLiteral("30000")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Rounds of the verification/qualification runs."),
                      QStringLiteral("n"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("only"),
                      QStringLiteral("Comma-separated: qualification,verification,health,sync (default: all)."),
                      QStringLiteral("list")});
    parser.process(app);
    Env env;
    env.seconds = parser.value(QStringLiteral("seconds")).toDouble();
    env.connections = parser.value(QStringLiteral("connections")).toInt();
    env.clientThreads = parser.value(QStringLiteral("wrk-threads")).toInt();
    env.cards = parser.value(QStringLiteral("cards")).toInt();
    auto cluster = platformd::ThrowawayCluster::start(QStringLiteral("bench"));
    if (!cluster) {
        die(cluster.error().toString());
    }
    env.cluster = std::move(*cluster);
    const core::SystemClock clock;
    if (!platformd::TerminalCa::createDevelopmentSet(env.files.path(), clock)) {
        die(QStringLiteral("dev set"));
    }
    platformd::PlatformConfig config;
    config.port = 0;
    config.threads = parser.value(QStringLiteral("threads")).toInt();
    config.poolSize = parser.value(QStringLiteral("pool")).toInt();
    config.database = env.cluster->conninfo();
    config.filesDirectory = env.files.path();
    config.trainingTrust = true;
    // The logins are signed minutes ahead of use (wrk replays a file; on a loaded machine signing it
    // takes longer than the 120 s default): challenges stay fresh for the bench's duration. Expired
    // challenges are answered 422 before any SQL, which would flatter the API's rate.
    config.challengeLifetimeSeconds = 3600;
    auto server = platformd::PlatformServer::start(config);
    if (!server) {
        die(server.error().toString());
    }
    env.server = std::move(*server);
    sql(env,
        QStringLiteral(
            "INSERT INTO linkages SELECT 'ee:' || lpad(to_hex(i), 8, '0'), gen_random_uuid(), 'health_insurance', 1, "
            "'active', jsonb_build_object('insurer', '06130012', 'symbol', 'S' || i, 'number', i::text, 'branch', "
            "'01'), "
            "NULL, NULL, 'photo_check', 'seed', 'seed', 0 FROM generate_series(1, %1) i; ANALYZE;")
            .arg(env.cards)
            .toUtf8()
            .constData());
    const auto creds = terminal(env, QStringLiteral("bench-a"));
    std::printf(
        "platform bench: %d connections, %.0f s per run, %d server I/O threads (%d workers), %d seeded cards\n\n",
        env.connections, env.seconds, config.threads, config.poolSize, env.cards);
    std::printf("| endpoint | wrk (mTLS, keep-alive) | our generator (mTLS, keep-alive) | same SQL via pgbench | "
                "API / pgbench |\n|---|---|---|---|---|\n");
    seedVerification(env);
    const QStringList only = parser.value(QStringLiteral("only")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    auto wanted = [&only](const char* name) { return only.isEmpty() || only.contains(QLatin1String(name)); };
    for (int run = 0; run < parser.value(QStringLiteral("runs")).toInt(); ++run) {
        if (wanted("qualification")) {
            qualification(env, creds);
        }
        if (wanted("verification")) {
            verification(env, creds, parser.value(QStringLiteral("verifications")).toInt());
        }
    }
    if (wanted("health")) {
        health(env, creds);
    }
    if (wanted("sync")) {
        syncBench(env, parser.value(QStringLiteral("sync")).toInt());
    }
    env.server->stop();
    return 0;
}
