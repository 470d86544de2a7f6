// Issue 7 "Bad input" on every endpoint that takes a body: malformed JSON, a body that is not an
// object, unknown fields and oversized bodies get a precise status and code, nothing is written and
// the server keeps serving; card certificates that are expired or from an unknown CA are answered
// with their outcome (and recorded), garbage is 422; a database that goes away during writes is 503
// with nothing half-written, and the same requests work once it is back.

#include "CardLogin.h"
#include "ApiTestSupport.h"
#include "OpenApiChecker.h"
#include "PlatformTestEnv.h"

#include "pki/DemoSet.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace madoguchi;
using tests::errorCode;
using tests::HttpResult;
using tests::json;

namespace {

// Everything a POST may write, summed: a refused request must leave it unchanged.
const QString WrittenRows = QStringLiteral(
    "SELECT (SELECT count(*) FROM rp_checks) + (SELECT count(*) FROM vault_tokens) + (SELECT count(*) FROM "
    "audit_entries) + (SELECT count(*) FROM revocation_events) + (SELECT count(*) FROM crl_imports) + (SELECT "
    "count(*) FROM enrolment_codes) + (SELECT count(*) FROM linkage_versions)");

} // namespace

class TestPlatformBadInput final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<tests::PlatformTestEnv> m_env;
    QSslConfiguration m_terminal;
    std::optional<pki::DemoSet> m_demo;

    QSslConfiguration tlsFor(const QString& path) const
    {
        return path.startsWith(QStringLiteral("/v1/admin/")) ? m_env->adminTls() : m_terminal;
    }

private slots:
    void initTestCase()
    {
        auto env = tests::PlatformTestEnv::start();
        QVERIFY2(env, env ? "" : qPrintable(env.error().toString()));
        m_env = std::move(*env);
        auto enrolled = m_env->enrol(QStringLiteral("counter-1"));
        QVERIFY(enrolled);
        m_terminal = m_env->tls(enrolled->certificatePem, enrolled->privateKeyPem);
        auto demo = pki::makeDemoSet();
        QVERIFY(demo);
        m_demo = std::move(*demo);
    }

    void badBodies_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QStringList paths{QStringLiteral("/v1/rp/verify-card"),       QStringLiteral("/v1/rp/qualification"),
                                QStringLiteral("/v1/vault/tokens"),         QStringLiteral("/v1/audit/uploads"),
                                QStringLiteral("/v1/admin/crls"),           QStringLiteral("/v1/admin/revocations"),
                                QStringLiteral("/v1/admin/enrolment-codes")};
        for (const QString& path : paths) {
            const QByteArray p = path.toUtf8();
            QTest::newRow((p + " malformed").constData())
                << path << QByteArray("{\"a\": [") << 400 << QStringLiteral("malformed_json");
            QTest::newRow((p + " array").constData())
                << path << QByteArray("[1]") << 400 << QStringLiteral("malformed_json");
            QTest::newRow((p + " unknown field").constData())
                << path << QByteArray("{\"individualNumber\":\"123456789012\"}") << 422
                << QStringLiteral("unknown_field");
            QTest::newRow((p + " oversized").constData())
                << path << QByteArray(2 << 20, ' ') << 413 << QStringLiteral("body_too_large");
        }
        QTest::newRow("crl missing") << QStringLiteral("/v1/admin/crls") << QByteArray("{}") << 422
                                     << QStringLiteral("missing_field");
        QTest::newRow("crl not base64") << QStringLiteral("/v1/admin/crls") << QByteArray("{\"crl\":\"***\"}") << 422
                                        << QStringLiteral("invalid_field");
        QTest::newRow("crl garbage") << QStringLiteral("/v1/admin/crls") << QByteArray("{\"crl\":\"AAAA\"}") << 422
                                     << QStringLiteral("crl_rejected");
        QTest::newRow("crl bad links") << QStringLiteral("/v1/admin/crls")
                                       << QByteArray("{\"crl\":\"AAAA\",\"successions\":\"wrong,header\\n\"}") << 422
                                       << QStringLiteral("successions_rejected");
    }

    void badBodies()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QString before = m_env->sqlValue(WrittenRows);
        const HttpResult r = m_env->call(tlsFor(path), "POST", path, body);
        QCOMPARE(r.status, status);
        QCOMPARE(errorCode(r), code);
        QVERIFY(
            !r.body.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(m_env->sqlValue(WrittenRows), before);
        QCOMPARE(m_env->call(m_env->anonymousTls(), "GET", QStringLiteral("/v1/health")).status, 200);
    }

    void cardCertificates_data()
    {
        QTest::addColumn<QString>("resident");
        QTest::addColumn<QString>("outcome");
        QTest::newRow("valid") << QStringLiteral("valid") << QStringLiteral("valid");
        QTest::newRow("expired") << QStringLiteral("expired") << QStringLiteral("expired");
        QTest::newRow("expired again (cached verdict)") << QStringLiteral("expired") << QStringLiteral("expired");
    }

    void cardCertificates()
    {
        QFETCH(QString, resident);
        QFETCH(QString, outcome);
        const pki::DemoResident* who = m_demo->resident(resident);
        QVERIFY(who);
        const HttpResult r = tests::CardLogin::verify(*m_env, m_terminal, QStringLiteral("counter-1"), *who);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QStringLiteral("outcome")).toString(), outcome);
        QCOMPARE(r.body.value(QStringLiteral("valid")).toBool(), outcome == QStringLiteral("valid"));
    }

    void untrustedOrGarbageCardCertificate()
    {
        pki::DemoResident stranger = *m_demo->resident(QStringLiteral("valid"));
        stranger.authCertDer = m_demo->authCaCertDer; // a CA certificate, not a card's
        const HttpResult ca = tests::CardLogin::verify(*m_env, m_terminal, QStringLiteral("counter-1"), stranger);
        QVERIFY(ca.status == 200 || ca.status == 422);
        QVERIFY(!ca.body.value(QStringLiteral("valid")).toBool());
        stranger.authCertDer = "not a certificate";
        const HttpResult garbage = tests::CardLogin::verify(*m_env, m_terminal, QStringLiteral("counter-1"), stranger);
        QCOMPARE(garbage.status, 422);
        QCOMPARE(errorCode(garbage), QStringLiteral("invalid_certificate"));
    }

    void databaseGoesAwayDuringWrites()
    {
        const QString before = m_env->sqlValue(WrittenRows);
        const QByteArray qualification = "{\"cardId\":\"aa:01\",\"assurance\":\"tap_only\"}";
        QVERIFY(m_env->cluster().stopServer());
        const HttpResult q = m_env->call(m_terminal, "POST", QStringLiteral("/v1/rp/qualification"), qualification);
        QCOMPARE(q.status, 503);
        QCOMPARE(errorCode(q), QStringLiteral("database_unavailable"));
        const HttpResult v = tests::CardLogin::verify(*m_env, m_terminal, QStringLiteral("counter-1"),
                                                      *m_demo->resident(QStringLiteral("valid")));
        QCOMPARE(v.status, 503);
        const HttpResult crl = m_env->call(m_env->adminTls(), "POST", QStringLiteral("/v1/admin/crls"),
                                           "{\"crl\":\"" + m_demo->authCrlDer.toBase64() + "\"}");
        QCOMPARE(crl.status, 503);
        QVERIFY(m_env->cluster().startServer());
        QCOMPARE(m_env->sqlValue(WrittenRows), before);
        QCOMPARE(m_env->call(m_terminal, "POST", QStringLiteral("/v1/rp/qualification"), qualification).status, 200);
        QCOMPARE(m_env
                     ->call(m_env->adminTls(), "POST", QStringLiteral("/v1/admin/crls"),
                            "{\"crl\":\"" + m_demo->authCrlDer.toBase64() + "\"}")
                     .status,
                 201);
    }

    void responsesMatchOpenApi()
    {
        const QStringList problems = tests::OpenApiChecker::problemsIn(m_env->recorded());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void cleanupTestCase() { m_env.reset(); }
};

QTEST_GUILESS_MAIN(TestPlatformBadInput)
#include "TestPlatformBadInput.moc"
