// The revocations feed from CRLs (issue 7 "revocations"): CRLs signed by the demo auth CA go through
// POST /v1/admin/crls (and the --import-crl flag) into the PKI engine, and terminals read the events
// by cursor; a reason-4 entry with a succession link (docs/succession-format.md) becomes a
// succession; the second CRL publishes only its difference; a revocation reaches card verification
// even though that certificate's verdict is cached.

#include "CardLogin.h"
#include "ApiTestSupport.h"
#include "OpenApiChecker.h"
#include "PlatformTestEnv.h"

#include "pki/CrlGenerator.h"
#include "pki/DemoSet.h"
#include "pki/JpkiCertificate.h"
#include "pki/OpenSsl.h"
#include "pki/RevocationListBuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace madoguchi;
using tests::errorCode;
using tests::HttpResult;
using tests::json;

namespace {

QString cardIdOf(const QByteArray& certDer)
{
    return pki::JpkiCertificate::parse(certDer)->identity().toString();
}

QByteArray serialOf(const QByteArray& certDer)
{
    return pki::JpkiCertificate::parse(certDer)->identity().serial;
}

} // namespace

class TestPlatformCrlFeed final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<tests::PlatformTestEnv> m_env;
    QSslConfiguration m_terminal;
    std::optional<pki::DemoSet> m_demo;
    qint64 m_cursor = 0;

    QByteArray crl(const std::vector<pki::RevocationEntry>& entries, quint64 number) const
    {
        auto ca = pki::ossl::certFromDer(m_demo->authCaCertDer);
        auto key = pki::ossl::privateKeyFromPkcs8Der(m_demo->authCaKeyPkcs8Der);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto built = pki::buildRevocationList(ca->get(), key->get(), entries, now, now.addDays(1), number);
        return built ? pki::ossl::toDer(built->get()) : QByteArray();
    }
    pki::RevocationEntry entry(const char* resident, int reason, int daysAgo) const
    {
        return {serialOf(m_demo->resident(QLatin1String(resident))->authCertDer),
                QDateTime::currentDateTimeUtc().addDays(-daysAgo), reason};
    }
    HttpResult importCrl(const QByteArray& der, const QString& successions = {}) const
    {
        QJsonObject body{{QStringLiteral("crl"), QString::fromLatin1(der.toBase64())}};
        if (!successions.isEmpty()) {
            body.insert(QStringLiteral("successions"), successions);
        }
        return m_env->call(m_env->adminTls(), "POST", QStringLiteral("/v1/admin/crls"), json(body));
    }
    QJsonArray feedAfter(qint64 cursor, qint64* next = nullptr) const
    {
        const HttpResult r =
            m_env->call(m_terminal, "GET", QStringLiteral("/v1/revocations/changes?after=%1").arg(cursor));
        if (next) {
            *next = static_cast<qint64>(r.body.value(QStringLiteral("nextCursor")).toDouble());
        }
        return r.body.value(QStringLiteral("events")).toArray();
    }
    QString verifyOutcome(const pki::DemoResident& resident) const
    {
        return tests::CardLogin::verify(*m_env, m_terminal, QStringLiteral("counter-1"), resident)
            .body.value(QStringLiteral("outcome"))
            .toString();
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
        QVERIFY(!m_demo->successions.empty());
    }

    void firstCrlPublishesEveryEntry()
    {
        const pki::DemoSuccession& link = m_demo->successions.front();
        const QString csv =
            QStringLiteral("old_issuer_key_id,old_serial,new_issuer_key_id,new_serial,linked_at\n"
                           "%1,%2,%1,%3,2026-04-01T09:00:00Z\n")
                .arg(QString::fromLatin1(link.issuerKeyId.toHex()), QString::fromLatin1(link.oldSerial.toHex()),
                     QString::fromLatin1(link.newSerial.toHex()));
        const QByteArray first =
            crl({entry("lost", 1, 3), {link.oldSerial, QDateTime::currentDateTimeUtc().addDays(-2), 4}}, 1);
        QVERIFY(!first.isEmpty());
        const HttpResult r = importCrl(first, csv);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.body.value(QStringLiteral("revoked")).toInt(), 2);
        QCOMPARE(r.body.value(QStringLiteral("successions")).toInt(), 1);
        QCOMPARE(r.body.value(QStringLiteral("successionLinks")).toObject().value(QStringLiteral("added")).toInt(), 1);

        const QJsonArray events = feedAfter(0, &m_cursor);
        QCOMPARE(events.size(), 3);
        const QString lost = cardIdOf(m_demo->resident(QStringLiteral("lost"))->authCertDer);
        QCOMPARE(events[0][QStringLiteral("cardId")].toString(), lost);
        QCOMPARE(events[0][QStringLiteral("event")].toString(), QStringLiteral("revoked"));
        QCOMPARE(events[0][QStringLiteral("reason")].toInt(), 1);
        const QString oldCard = pki::CardIdentity{link.issuerKeyId, link.oldSerial}.toString();
        const QString newCard = pki::CardIdentity{link.issuerKeyId, link.newSerial}.toString();
        QCOMPARE(events[1][QStringLiteral("cardId")].toString(), oldCard);
        QCOMPARE(events[1][QStringLiteral("reason")].toInt(), 4);
        QCOMPARE(events[2][QStringLiteral("event")].toString(), QStringLiteral("succession"));
        QCOMPARE(events[2][QStringLiteral("successorCardId")].toString(), newCard);
        QVERIFY(m_cursor > 0);

        // The same CRL again: nothing new in the feed.
        const HttpResult again = importCrl(first);
        QCOMPARE(again.status, 200);
        QVERIFY(again.body.value(QStringLiteral("alreadyImported")).toBool());
        QCOMPARE(feedAfter(m_cursor).size(), 0);
    }

    void nextCrlPublishesItsDifferenceAndVerificationSeesIt()
    {
        const pki::DemoResident& valid = *m_demo->resident(QStringLiteral("valid"));
        QCOMPARE(verifyOutcome(valid), QStringLiteral("valid")); // its verdict is now cached
        const pki::DemoSuccession& link = m_demo->successions.front();
        const QByteArray second = crl({entry("lost", 1, 3),
                                       {link.oldSerial, QDateTime::currentDateTimeUtc().addDays(-2), 4},
                                       entry("valid", 1, 0)},
                                      2);
        const HttpResult r = importCrl(second);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.body.value(QStringLiteral("revoked")).toInt(), 1);
        qint64 next = 0;
        const QJsonArray events = feedAfter(m_cursor, &next);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0][QStringLiteral("cardId")].toString(), cardIdOf(valid.authCertDer));
        QVERIFY(next > m_cursor);
        m_cursor = next;
        QCOMPARE(verifyOutcome(valid), QStringLiteral("revoked"));
    }

    void refusedCrls()
    {
        // Older than the last one imported from this CA.
        QCOMPARE(errorCode(importCrl(crl({entry("lost", 1, 3)}, 1))), QStringLiteral("crl_rejected"));
        // Signed by a CA the platform does not trust.
        auto stranger = pki::CrlGenerator::create(QStringLiteral("Stranger CA"));
        QVERIFY(stranger);
        const HttpResult untrusted = importCrl(*stranger->generate({}));
        QCOMPARE(untrusted.status, 422);
        QVERIFY(untrusted.body.value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("untrusted")));
        QCOMPARE(importCrl("not a CRL").status, 422);
        // Only administrators load CRLs.
        QCOMPARE(m_env->call(m_terminal, "POST", QStringLiteral("/v1/admin/crls"), "{}").status, 403);
        QCOMPARE(feedAfter(m_cursor).size(), 0);
    }

    void commandLineImport()
    {
        const QString program = qEnvironmentVariable("MADOGUCHI_PLATFORMD");
        QVERIFY(!program.isEmpty());
        const QString path = m_env->filesDir() + QStringLiteral("/third.crl");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(crl({entry("lost", 1, 3), entry("valid", 1, 0), entry("moved", 5, 0)}, 3));
        file.close();
        QProcess process;
        process.start(program, {QStringLiteral("--database"), m_env->cluster().conninfo(),
                                QStringLiteral("--training-trust"), QStringLiteral("--import-crl"), path});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardOutput().contains("1 revoked"));
        // The link's reason-4 entry is gone from this CRL: counted as released, not published.
        const QJsonArray events = feedAfter(m_cursor);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0][QStringLiteral("reason")].toInt(), 5);
    }

    void responsesMatchOpenApi()
    {
        const QStringList problems = tests::OpenApiChecker::problemsIn(m_env->recorded());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void cleanupTestCase() { m_env.reset(); }
};

QTEST_GUILESS_MAIN(TestPlatformCrlFeed)
#include "TestPlatformCrlFeed.moc"
