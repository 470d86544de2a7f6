// The platform API over real TLS against a throw-away PostgreSQL (issue 7 "Tests", "Bad input").
// Every answer is also checked against docs/api/openapi.json at the end (testResponsesMatchOpenApi).

#include "OpenApiChecker.h"
#include "PlatformTestEnv.h"

#include "core/Clock.h"
#include "platformd/TerminalCa.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QSslKey>
#include <QTest>
#include <QUuid>

using namespace madoguchi;
using tests::HttpResult;

namespace {

QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject linkage(const QString& cardId, const QString& kind, const QJsonObject& fields, int version = 1,
                    const QUuid& id = QUuid::createUuid())
{
    return QJsonObject{{QStringLiteral("linkageId"), id.toString(QUuid::WithoutBraces)},
                       {QStringLiteral("cardId"), cardId},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("version"), version},
                       {QStringLiteral("status"), QStringLiteral("active")},
                       {QStringLiteral("fields"), fields},
                       {QStringLiteral("validFrom"), QStringLiteral("2025-04-01")},
                       {QStringLiteral("validTo"), QJsonValue()},
                       {QStringLiteral("assurance"), QStringLiteral("pin_signature")},
                       {QStringLiteral("operator"), QStringLiteral("staff-17")}};
}

QByteArray batch(const QList<QPair<QString, QJsonObject>>& items)
{
    QJsonArray array;
    for (const auto& [key, l] : items) {
        array.append(QJsonObject{{QStringLiteral("idempotencyKey"), key}, {QStringLiteral("linkage"), l}});
    }
    return json(QJsonObject{{QStringLiteral("items"), array}});
}

QString errorCode(const HttpResult& r)
{
    return r.body.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

} // namespace

class TestPlatformApi final : public QObject
{
    Q_OBJECT

private:
    HttpResult api(const QSslConfiguration& tls, const QByteArray& method, const QString& path,
                   const QByteArray& body = {})
    {
        HttpResult r = m_env->call(tls, method, path, body);
        if (r.status != 0) {
            const qsizetype q = path.indexOf(QLatin1Char('?'));
            m_seen.append({QString::fromLatin1(method), q < 0 ? path : path.left(q), r.status, r.body});
        }
        return r;
    }
    QSslConfiguration terminal() const { return m_env->tls(m_terminal.certificatePem, m_terminal.privateKeyPem); }
    int versions() const { return m_env->sqlValue(QStringLiteral("SELECT count(*) FROM linkage_versions")).toInt(); }

    std::unique_ptr<tests::PlatformTestEnv> m_env;
    sync::TerminalCredentials m_terminal;
    tests::OpenApiChecker m_checker;
    struct Seen
    {
        QString method;
        QString path;
        int status;
        QJsonObject body;
    };
    QList<Seen> m_seen;

private slots:
    void initTestCase()
    {
        QVERIFY(
            m_checker.load(qEnvironmentVariable("MADOGUCHI_SOURCE_DIR") + QStringLiteral("/docs/api/openapi.json")));
        auto env = tests::PlatformTestEnv::start();
        QVERIFY2(env, env ? "" : qPrintable(env.error().toString()));
        m_env = std::move(*env);
        auto enrolled = m_env->enrol(QStringLiteral("counter-1"));
        QVERIFY2(enrolled, enrolled ? "" : qPrintable(enrolled.error().toString()));
        m_terminal = *enrolled;
    }

    void healthNeedsNoCertificate()
    {
        const HttpResult r = api(m_env->anonymousTls(), "GET", QStringLiteral("/v1/health"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QStringLiteral("database")).toString(), QStringLiteral("ok"));
    }

    void endpointsNeedACertificate()
    {
        const HttpResult r = api(m_env->anonymousTls(), "GET", QStringLiteral("/v1/linkages/changes"));
        QCOMPARE(r.status, 401);
        QCOMPARE(errorCode(r), QStringLiteral("client_certificate_required"));
        QCOMPARE(api(terminal(), "POST", QStringLiteral("/v1/admin/enrolment-codes"), "{}").status, 403);
    }

    void foreignCertificateRefusedAtTls()
    {
        // A key and CSR the platform never signed, self-signed by an unknown "CA".
        auto csr = sync::EnrolmentClient::makeKeyAndCsr(QStringLiteral("intruder"));
        QVERIFY(csr);
        QTemporaryDir dir;
        const core::SystemClock clock;
        QVERIFY(platformd::TerminalCa::createDevelopmentSet(dir.path(), clock));
        QFile caPem(dir.path() + QStringLiteral("/ca.pem")), caKey(dir.path() + QStringLiteral("/ca.key"));
        QVERIFY(caPem.open(QIODevice::ReadOnly) && caKey.open(QIODevice::ReadOnly));
        auto foreignCa = platformd::TerminalCa::load(caPem.readAll(), caKey.readAll());
        QVERIFY(foreignCa);
        auto cert = foreignCa->issue(csr->first, QStringLiteral("intruder"), QStringLiteral("terminal"), 30, clock);
        QVERIFY(cert);
        const HttpResult r = m_env->call(m_env->tls(*cert, csr->second), "GET", QStringLiteral("/v1/health"));
        QCOMPARE(r.status, 0); // no HTTP at all: the handshake failed
        QVERIFY(r.error != QNetworkReply::NoError);
    }

    void expiredTerminalCertificateRefusedAtTls()
    {
        auto ca = platformd::TerminalCa::load(m_env->file("ca.pem"), m_env->file("ca.key"));
        auto csr = sync::EnrolmentClient::makeKeyAndCsr(QStringLiteral("counter-1"));
        QVERIFY(ca && csr);
        const core::FixedClock longAgo(QDateTime::currentDateTimeUtc().addDays(-30));
        auto cert = ca->issue(csr->first, QStringLiteral("counter-1"), QStringLiteral("terminal"), 1, longAgo);
        QVERIFY(cert);
        const HttpResult r = m_env->call(m_env->tls(*cert, csr->second), "GET", QStringLiteral("/v1/health"));
        QCOMPARE(r.status, 0);
    }

    void enrolmentCodeIsOneUse()
    {
        const HttpResult code = api(m_env->adminTls(), "POST", QStringLiteral("/v1/admin/enrolment-codes"),
                                    json({{QStringLiteral("terminalId"), QStringLiteral("counter-9")}}));
        QCOMPARE(code.status, 201);
        auto csr = sync::EnrolmentClient::makeKeyAndCsr(QStringLiteral("counter-9"));
        const QByteArray body = json({{QStringLiteral("terminalId"), QStringLiteral("counter-9")},
                                      {QStringLiteral("code"), code.body.value(QStringLiteral("code"))},
                                      {QStringLiteral("csr"), QString::fromLatin1(csr->first)}});
        QCOMPARE(api(m_env->anonymousTls(), "POST", QStringLiteral("/v1/terminals/register"), body).status, 201);
        const HttpResult again = api(m_env->anonymousTls(), "POST", QStringLiteral("/v1/terminals/register"), body);
        QCOMPARE(again.status, 403);
        QCOMPARE(errorCode(again), QStringLiteral("invalid_enrolment_code"));
    }

    void revokedTerminalIsRefused()
    {
        auto creds = m_env->enrol(QStringLiteral("counter-revoked"));
        QVERIFY(creds);
        const auto tls = m_env->tls(creds->certificatePem, creds->privateKeyPem);
        QCOMPARE(api(tls, "GET", QStringLiteral("/v1/linkages/changes")).status, 200);
        QCOMPARE(api(m_env->adminTls(), "POST", QStringLiteral("/v1/admin/terminals/counter-revoked/revoke")).status,
                 200);
        const HttpResult r = api(tls, "GET", QStringLiteral("/v1/linkages/changes"));
        QCOMPARE(r.status, 403);
        QCOMPARE(errorCode(r), QStringLiteral("terminal_revoked"));
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QJsonObject good = linkage(QStringLiteral("aa:01"), QStringLiteral("platform_id"),
                                         {{QStringLiteral("platformId"), QStringLiteral("P1")}});
        QJsonObject extra = good;
        extra.insert(QStringLiteral("individualNumber"), QStringLiteral("123456789012"));
        QJsonObject noKind = good;
        noKind.remove(QStringLiteral("kind"));
        QJsonObject badCard = good;
        badCard.insert(QStringLiteral("cardId"), QStringLiteral("serial-only"));
        QJsonObject badKind = good;
        badKind.insert(QStringLiteral("kind"), QStringLiteral("pizza_points"));
        QTest::newRow("malformed json") << QByteArray("{\"items\": [") << 400 << QStringLiteral("malformed_json");
        QTest::newRow("not an object") << QByteArray("[1,2]") << 400 << QStringLiteral("malformed_json");
        QTest::newRow("unknown top field")
            << QByteArray("{\"items\":[],\"x\":1}") << 422 << QStringLiteral("unknown_field");
        QTest::newRow("unknown linkage field")
            << batch({{QStringLiteral("k-x1"), good}, {QStringLiteral("k-x2"), extra}}) << 422
            << QStringLiteral("unknown_field");
        QTest::newRow("missing field") << batch({{QStringLiteral("k-x3"), good}, {QStringLiteral("k-x4"), noKind}})
                                       << 422 << QStringLiteral("missing_field");
        QTest::newRow("bad card id") << batch({{QStringLiteral("k-x5"), good}, {QStringLiteral("k-x6"), badCard}})
                                     << 422 << QStringLiteral("invalid_field");
        QTest::newRow("unknown kind") << batch({{QStringLiteral("k-x7"), badKind}}) << 422
                                      << QStringLiteral("unknown_kind");
        QTest::newRow("empty batch") << QByteArray("{\"items\":[]}") << 422 << QStringLiteral("invalid_field");
        QTest::newRow("oversized body") << QByteArray(2 << 20, ' ') << 413 << QStringLiteral("body_too_large");
    }

    void badInput()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const int before = versions();
        const HttpResult r = api(terminal(), "POST", QStringLiteral("/v1/linkages/batch"), body);
        QCOMPARE(r.status, status);
        QCOMPARE(errorCode(r), code);
        QCOMPARE(versions(), before); // the good items of a refused batch were not written either
        QCOMPARE(api(m_env->anonymousTls(), "GET", QStringLiteral("/v1/health")).status, 200); // still serving
    }

    void unknownPathAndMethod()
    {
        QCOMPARE(m_env->call(terminal(), "GET", QStringLiteral("/v1/nothing")).status, 404);
        QCOMPARE(m_env->call(terminal(), "DELETE", QStringLiteral("/v1/linkages/batch")).status, 405);
    }

    void idempotencyKeys()
    {
        const QJsonObject a = linkage(QStringLiteral("aa:02"), QStringLiteral("platform_id"),
                                      {{QStringLiteral("platformId"), QStringLiteral("P2")}});
        const HttpResult first =
            api(terminal(), "POST", QStringLiteral("/v1/linkages/batch"), batch({{QStringLiteral("k-a"), a}}));
        QCOMPARE(first.status, 200);
        const QJsonObject r1 = first.body.value(QStringLiteral("results")).toArray().at(0).toObject();
        QCOMPARE(r1.value(QStringLiteral("outcome")).toString(), QStringLiteral("applied"));
        QCOMPARE(r1.value(QStringLiteral("replayed")).toBool(), false);
        const int after = versions();
        // Same key, same content: the same answer, nothing applied twice.
        const HttpResult replay =
            api(terminal(), "POST", QStringLiteral("/v1/linkages/batch"), batch({{QStringLiteral("k-a"), a}}));
        const QJsonObject r2 = replay.body.value(QStringLiteral("results")).toArray().at(0).toObject();
        QCOMPARE(r2.value(QStringLiteral("replayed")).toBool(), true);
        QCOMPARE(r2.value(QStringLiteral("seq")), r1.value(QStringLiteral("seq")));
        QCOMPARE(versions(), after);
        // Same key, other content: the whole batch is refused, its new item included.
        QJsonObject changed = a;
        changed.insert(QStringLiteral("fields"),
                       QJsonObject{{QStringLiteral("platformId"), QStringLiteral("P2-other")}});
        const QJsonObject b = linkage(QStringLiteral("aa:03"), QStringLiteral("platform_id"),
                                      {{QStringLiteral("platformId"), QStringLiteral("P3")}});
        const HttpResult reused = api(terminal(), "POST", QStringLiteral("/v1/linkages/batch"),
                                      batch({{QStringLiteral("k-b"), b}, {QStringLiteral("k-a"), changed}}));
        QCOMPARE(reused.status, 409);
        QCOMPARE(errorCode(reused), QStringLiteral("idempotency_key_reused"));
        QCOMPARE(versions(), after);
    }

    void versionsWithinOneBatch()
    {
        const QUuid id = QUuid::createUuid();
        const QJsonObject v1 = linkage(QStringLiteral("aa:08"), QStringLiteral("catv_household"),
                                       {{QStringLiteral("household"), QStringLiteral("H1")}}, 1, id);
        QJsonObject v2 = v1;
        v2.insert(QStringLiteral("version"), 2);
        v2.insert(QStringLiteral("status"), QStringLiteral("ended"));
        const HttpResult r =
            api(terminal(), "POST", QStringLiteral("/v1/linkages/batch"),
                batch({{QStringLiteral("k-v1"), v1}, {QStringLiteral("k-v2"), v2}, {QStringLiteral("k-v1"), v1}}));
        QCOMPARE(r.status, 200);
        const QJsonArray results = r.body.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("applied"));
        QCOMPARE(results.at(1).toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("applied"));
        QVERIFY(results.at(1).toObject().value(QStringLiteral("seq")).toDouble() >
                results.at(0).toObject().value(QStringLiteral("seq")).toDouble());
        QCOMPARE(results.at(2).toObject().value(QStringLiteral("replayed")).toBool(), true);
        QCOMPARE(results.at(2).toObject().value(QStringLiteral("seq")),
                 results.at(0).toObject().value(QStringLiteral("seq")));
        QCOMPARE(m_env->sqlValue(QStringLiteral("SELECT version || status FROM linkages WHERE card_id = 'aa:08'")),
                 QStringLiteral("2ended"));
        QCOMPARE(m_env->sqlValue(QStringLiteral("SELECT count(*) FROM linkage_versions WHERE card_id = 'aa:08'")),
                 QStringLiteral("2"));
        // A stale version from elsewhere is a conflict, not an overwrite.
        const HttpResult stale =
            api(terminal(), "POST", QStringLiteral("/v1/linkages/batch"), batch({{QStringLiteral("k-v2b"), v2}}));
        QCOMPARE(stale.body.value(QStringLiteral("results"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("outcome"))
                     .toString(),
                 QStringLiteral("duplicate"));
        QJsonObject otherV2 = v2;
        otherV2.insert(QStringLiteral("status"), QStringLiteral("suspended"));
        const HttpResult conflict =
            api(terminal(), "POST", QStringLiteral("/v1/linkages/batch"), batch({{QStringLiteral("k-v2c"), otherV2}}));
        QCOMPARE(conflict.body.value(QStringLiteral("results"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("reason"))
                     .toString(),
                 QStringLiteral("stale_version"));
    }

    void conflictsAreRecordedNotApplied()
    {
        const QString card = QStringLiteral("aa:04");
        const QJsonObject mine = linkage(card, QStringLiteral("health_insurance"),
                                         {{QStringLiteral("insurer"), QStringLiteral("06130012")}});
        QCOMPARE(api(terminal(), "POST", QStringLiteral("/v1/linkages/batch"), batch({{QStringLiteral("k-c1"), mine}}))
                     .status,
                 200);
        const QJsonObject theirs = linkage(card, QStringLiteral("health_insurance"),
                                           {{QStringLiteral("insurer"), QStringLiteral("39131015")}});
        const HttpResult r =
            api(terminal(), "POST", QStringLiteral("/v1/linkages/batch"), batch({{QStringLiteral("k-c2"), theirs}}));
        const QJsonObject result = r.body.value(QStringLiteral("results")).toArray().at(0).toObject();
        QCOMPARE(result.value(QStringLiteral("outcome")).toString(), QStringLiteral("conflict"));
        QCOMPARE(result.value(QStringLiteral("reason")).toString(), QStringLiteral("linked_differently"));
        QCOMPARE(result.value(QStringLiteral("existing")).toObject().value(QStringLiteral("fields")).toObject(),
                 mine.value(QStringLiteral("fields")).toObject());
        QCOMPARE(m_env->sqlValue(QStringLiteral("SELECT count(*) FROM linkages WHERE card_id = 'aa:04'")),
                 QStringLiteral("1"));
        QCOMPARE(m_env->sqlValue(QStringLiteral("SELECT count(*) FROM conflicts WHERE card_id = 'aa:04'")),
                 QStringLiteral("1"));
    }

    void databaseGoesAwayAndReturns()
    {
        QVERIFY(m_env->cluster().stopServer());
        const HttpResult down = api(terminal(), "GET", QStringLiteral("/v1/linkages/changes"));
        QCOMPARE(down.status, 503);
        QCOMPARE(errorCode(down), QStringLiteral("database_unavailable"));
        QCOMPARE(api(m_env->anonymousTls(), "GET", QStringLiteral("/v1/health")).status, 503);
        QVERIFY(m_env->cluster().startServer());
        QCOMPARE(api(terminal(), "GET", QStringLiteral("/v1/linkages/changes")).status, 200);
        QCOMPARE(api(m_env->anonymousTls(), "GET", QStringLiteral("/v1/health")).status, 200);
    }

    void revocationFeed()
    {
        const QJsonArray events{QJsonObject{{QStringLiteral("cardId"), QStringLiteral("aa:05")},
                                            {QStringLiteral("event"), QStringLiteral("revoked")},
                                            {QStringLiteral("reason"), 1},
                                            {QStringLiteral("occurredAt"), QStringLiteral("2026-11-01T00:00:00Z")}},
                                QJsonObject{{QStringLiteral("cardId"), QStringLiteral("aa:06")},
                                            {QStringLiteral("event"), QStringLiteral("succession")},
                                            {QStringLiteral("occurredAt"), QStringLiteral("2026-11-02T00:00:00Z")},
                                            {QStringLiteral("successorCardId"), QStringLiteral("aa:07")}}};
        QCOMPARE(api(m_env->adminTls(), "POST", QStringLiteral("/v1/admin/revocations"),
                     json({{QStringLiteral("events"), events}}))
                     .status,
                 201);
        const HttpResult feed = api(terminal(), "GET", QStringLiteral("/v1/revocations/changes?after=0&limit=1"));
        QCOMPARE(feed.status, 200);
        QCOMPARE(feed.body.value(QStringLiteral("events")).toArray().size(), 1);
        QVERIFY(feed.body.value(QStringLiteral("hasMore")).toBool());
        const qint64 cursor = static_cast<qint64>(feed.body.value(QStringLiteral("nextCursor")).toDouble());
        const HttpResult next = api(terminal(), "GET", QStringLiteral("/v1/revocations/changes?after=%1").arg(cursor));
        QCOMPARE(next.body.value(QStringLiteral("events"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("successorCardId"))
                     .toString(),
                 QStringLiteral("aa:07"));
        QCOMPARE(api(terminal(), "GET", QStringLiteral("/v1/revocations/changes?limit=5000")).status, 422);
    }

    void testResponsesMatchOpenApi()
    {
        QVERIFY(m_seen.size() > 20);
        QStringList problems;
        for (const Seen& seen : m_seen) {
            if (const QString problem = m_checker.check(seen.method, seen.path, seen.status, seen.body);
                !problem.isEmpty()) {
                problems.append(problem);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void cleanupTestCase() { m_env.reset(); }
};

QTEST_GUILESS_MAIN(TestPlatformApi)
#include "TestPlatformApi.moc"
