// Relying-party checks, the token vault and audit ingestion over real TLS (issue 7 "API").

#include "ApiTestSupport.h"
#include "OpenApiChecker.h"
#include "PlatformTestEnv.h"

#include "card/HolderChallenge.h"
#include "pki/DemoSet.h"
#include "pki/JpkiCertificate.h"
#include "platformd/TerminalTreeHead.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

using namespace madoguchi;
using tests::errorCode;
using tests::HttpResult;
using tests::json;

namespace {

// RSA PKCS#1 v1.5 / SHA-256 (the card's auth key) or ECDSA / SHA-256 (a terminal key), via EVP.
QByteArray sign(EVP_PKEY* key, const QByteArray& message)
{
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    size_t length = 0;
    EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key);
    EVP_DigestSign(ctx, nullptr, &length, reinterpret_cast<const unsigned char*>(message.constData()),
                   static_cast<size_t>(message.size()));
    QByteArray signature(static_cast<qsizetype>(length), '\0');
    EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(signature.data()), &length,
                   reinterpret_cast<const unsigned char*>(message.constData()), static_cast<size_t>(message.size()));
    EVP_MD_CTX_free(ctx);
    signature.resize(static_cast<qsizetype>(length));
    return signature;
}

EVP_PKEY* keyFromPkcs8(const QByteArray& der)
{
    const unsigned char* p = reinterpret_cast<const unsigned char*>(der.constData());
    return d2i_AutoPrivateKey(nullptr, &p, static_cast<long>(der.size()));
}

EVP_PKEY* keyFromPem(const QByteArray& pem)
{
    BIO* bio = BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size()));
    EVP_PKEY* key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    return key;
}

QByteArray sealOaep(const QByteArray& publicPem, const QByteArray& plain)
{
    BIO* bio = BIO_new_mem_buf(publicPem.constData(), static_cast<int>(publicPem.size()));
    EVP_PKEY* key = PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(key, nullptr);
    EVP_PKEY_encrypt_init(ctx);
    EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_OAEP_PADDING);
    EVP_PKEY_CTX_set_rsa_oaep_md(ctx, EVP_sha256());
    EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, EVP_sha256());
    size_t length = 0;
    EVP_PKEY_encrypt(ctx, nullptr, &length, reinterpret_cast<const unsigned char*>(plain.constData()),
                     static_cast<size_t>(plain.size()));
    QByteArray out(static_cast<qsizetype>(length), '\0');
    EVP_PKEY_encrypt(ctx, reinterpret_cast<unsigned char*>(out.data()), &length,
                     reinterpret_cast<const unsigned char*>(plain.constData()), static_cast<size_t>(plain.size()));
    EVP_PKEY_CTX_free(ctx);
    EVP_PKEY_free(key);
    return out;
}

} // namespace

class TestPlatformChecks final : public QObject
{
    Q_OBJECT

private:
    HttpResult api(const QByteArray& method, const QString& path, const QByteArray& body = {})
    {
        return m_env->call(m_tls, method, path, body);
    }
    void push(const QString& cardId, const QString& kind, const QJsonObject& fields)
    {
        const QJsonObject l{{QStringLiteral("linkageId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                            {QStringLiteral("cardId"), cardId},
                            {QStringLiteral("kind"), kind},
                            {QStringLiteral("version"), 1},
                            {QStringLiteral("status"), QStringLiteral("active")},
                            {QStringLiteral("fields"), fields},
                            {QStringLiteral("assurance"), QStringLiteral("photo_check")},
                            {QStringLiteral("operator"), QStringLiteral("staff-3")}};
        const QJsonArray items{QJsonObject{{QStringLiteral("idempotencyKey"), QUuid::createUuid().toString()},
                                           {QStringLiteral("linkage"), l}}};
        QCOMPARE(api("POST", QStringLiteral("/v1/linkages/batch"), json({{QStringLiteral("items"), items}})).status,
                 200);
    }

    std::unique_ptr<tests::PlatformTestEnv> m_env;
    sync::TerminalCredentials m_terminal;
    QSslConfiguration m_tls;

private slots:
    void initTestCase()
    {
        auto env = tests::PlatformTestEnv::start();
        QVERIFY2(env, env ? "" : qPrintable(env.error().toString()));
        m_env = std::move(*env);
        auto enrolled = m_env->enrol(QStringLiteral("clinic-1"));
        QVERIFY(enrolled);
        m_terminal = *enrolled;
        m_tls = m_env->tls(m_terminal.certificatePem, m_terminal.privateKeyPem);
    }

    void qualification()
    {
        push(QStringLiteral("bb:01"), QStringLiteral("health_insurance"),
             {{QStringLiteral("insurer"), QStringLiteral("06130012")},
              {QStringLiteral("symbol"), QStringLiteral("12")},
              {QStringLiteral("number"), QStringLiteral("345")},
              {QStringLiteral("branch"), QStringLiteral("01")}});
        const HttpResult r = api("POST", QStringLiteral("/v1/rp/qualification"),
                                 json({{QStringLiteral("cardId"), QStringLiteral("bb:01")},
                                       {QStringLiteral("assurance"), QStringLiteral("tap_only")}}));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.value(QStringLiteral("qualified")).toBool());
        QCOMPARE(r.body.value(QStringLiteral("insurer")).toString(), QStringLiteral("06130012"));
        QCOMPARE(r.body.value(QStringLiteral("branch")).toString(), QStringLiteral("01"));
        const HttpResult none = api("POST", QStringLiteral("/v1/rp/qualification"),
                                    json({{QStringLiteral("cardId"), QStringLiteral("bb:99")},
                                          {QStringLiteral("assurance"), QStringLiteral("tap_only")}}));
        QVERIFY(!none.body.value(QStringLiteral("qualified")).toBool());
        QCOMPARE(m_env->sqlValue(QStringLiteral(
                     "SELECT count(*) FROM rp_checks WHERE check_kind = 'qualification' AND assurance = 'tap_only'")),
                 QStringLiteral("2"));
    }

    void verifyCard()
    {
        auto demo = pki::makeDemoSet();
        QVERIFY(demo);
        const pki::DemoResident* resident = demo->resident(QStringLiteral("valid"));
        QVERIFY(resident);
        const QString cardId = pki::JpkiCertificate::parse(resident->authCertDer)->identity().toString();
        push(cardId, QStringLiteral("platform_id"), {{QStringLiteral("platformId"), QStringLiteral("JP-PLAT-0001")}});
        const HttpResult challenge = api("GET", QStringLiteral("/v1/rp/challenge"));
        QCOMPARE(challenge.status, 200);
        const card::HolderChallenge signedChallenge{
            QByteArray::fromBase64(challenge.body.value(QStringLiteral("nonce")).toString().toLatin1()),
            QStringLiteral("card-login"), QStringLiteral("clinic-1"),
            QDateTime::fromString(challenge.body.value(QStringLiteral("issuedAt")).toString(), Qt::ISODate)};
        EVP_PKEY* key = keyFromPkcs8(resident->authKeyPkcs8Der);
        const QByteArray signature = sign(key, signedChallenge.toBytes());
        EVP_PKEY_free(key);
        auto body = [&](const QByteArray& sig) {
            return json({{QStringLiteral("challenge"), challenge.body.value(QStringLiteral("challenge"))},
                         {QStringLiteral("certificate"), QString::fromLatin1(resident->authCertDer.toBase64())},
                         {QStringLiteral("signature"), QString::fromLatin1(sig.toBase64())},
                         {QStringLiteral("assurance"), QStringLiteral("pin_signature")}});
        };
        const HttpResult ok = api("POST", QStringLiteral("/v1/rp/verify-card"), body(signature));
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.body.value(QStringLiteral("outcome")).toString(), QStringLiteral("valid"));
        QCOMPARE(ok.body.value(QStringLiteral("platformId")).toString(), QStringLiteral("JP-PLAT-0001"));
        QCOMPARE(errorCode(api("POST", QStringLiteral("/v1/rp/verify-card"), body(signature))),
                 QStringLiteral("challenge_replayed"));
        const HttpResult fresh = api("GET", QStringLiteral("/v1/rp/challenge"));
        QByteArray forged = signature;
        forged[10] = static_cast<char>(forged[10] ^ 1);
        QByteArray forgedBody = body(forged);
        forgedBody.replace(challenge.body.value(QStringLiteral("challenge")).toString().toLatin1(),
                           fresh.body.value(QStringLiteral("challenge")).toString().toLatin1());
        const HttpResult bad = api("POST", QStringLiteral("/v1/rp/verify-card"), forgedBody);
        QCOMPARE(bad.status, 200);
        QVERIFY(!bad.body.value(QStringLiteral("valid")).toBool());
    }

    void vaultTokenizes()
    {
        const HttpResult key = api("GET", QStringLiteral("/v1/vault/public-key"));
        QCOMPARE(key.status, 200);
        const QByteArray pem = key.body.value(QStringLiteral("publicKeyPem")).toString().toLatin1();
        const QByteArray pan("4111111111111111");
        const HttpResult token =
            api("POST", QStringLiteral("/v1/vault/tokens"),
                json({{QStringLiteral("sealedNumber"), QString::fromLatin1(sealOaep(pem, pan).toBase64())}}));
        QCOMPARE(token.status, 201);
        QCOMPARE(token.body.value(QStringLiteral("last4")).toString(), QStringLiteral("1111"));
        QCOMPARE(token.body.value(QStringLiteral("brand")).toString(), QStringLiteral("visa"));
        QVERIFY(!token.raw.contains(pan));
        // The brand by the same IIN table as the counter's (core::PaymentCardNumber): a 2-series
        // Mastercard was "other" on the platform while the counter said "mastercard".
        const HttpResult series2 = api("POST", QStringLiteral("/v1/vault/tokens"),
                                       json({{QStringLiteral("sealedNumber"),
                                              QString::fromLatin1(sealOaep(pem, "2223003122003222").toBase64())}}));
        QCOMPARE(series2.status, 201);
        QCOMPARE(series2.body.value(QStringLiteral("brand")).toString(), QStringLiteral("mastercard"));
        // At rest: ciphertext only.
        QCOMPARE(m_env->sqlValue(QStringLiteral(
                     "SELECT count(*) FROM vault_tokens WHERE position('\\x34313131'::bytea in ciphertext) > 0")),
                 QStringLiteral("0"));
        const HttpResult luhn = api("POST", QStringLiteral("/v1/vault/tokens"),
                                    json({{QStringLiteral("sealedNumber"),
                                           QString::fromLatin1(sealOaep(pem, "4111111111111112").toBase64())}}));
        QCOMPARE(errorCode(luhn), QStringLiteral("card_number_invalid"));
        QCOMPARE(errorCode(api("POST", QStringLiteral("/v1/vault/tokens"),
                               json({{QStringLiteral("sealedNumber"), QStringLiteral("AAAA")}}))),
                 QStringLiteral("sealed_number_invalid"));
    }

    void auditLogOnlyGrows()
    {
        EVP_PKEY* key = keyFromPem(m_terminal.privateKeyPem);
        QList<QByteArray> entries;
        // The root a terminal computes, through madoguchi_audit's RFC 6962 tree (TestTerminalTreeHead
        // checks that tree against a by-hand reference); `lie` signs a root of other entries.
        auto upload = [&](int from, int size, const QList<QByteArray>& log, bool lie = false) {
            QList<QByteArray> signedLog = log;
            if (lie) {
                signedLog[0] = "not what was uploaded";
            }
            const QByteArray root = platformd::TerminalTreeHead::rootOf(signedLog, size);
            QJsonArray uploaded;
            for (int i = from; i < log.size(); ++i) {
                uploaded.append(QJsonObject{{QStringLiteral("index"), i},
                                            {QStringLiteral("leaf"), QString::fromLatin1(log[i].toBase64())}});
            }
            const QJsonObject head{
                {QStringLiteral("treeSize"), size},
                {QStringLiteral("rootHash"), QString::fromLatin1(root.toBase64())},
                {QStringLiteral("signature"),
                 QString::fromLatin1(sign(key, platformd::TerminalTreeHead::signedMessage(size, root)).toBase64())}};
            return api("POST", QStringLiteral("/v1/audit/uploads"),
                       json({{QStringLiteral("entries"), uploaded}, {QStringLiteral("treeHead"), head}}));
        };
        for (int i = 0; i < 5; ++i) {
            entries.append(QByteArray("entry-") + QByteArray::number(i));
        }
        QCOMPARE(upload(0, 3, entries.mid(0, 3)).status, 200);
        QCOMPARE(upload(3, 5, entries).status, 200);
        QCOMPARE(errorCode(upload(5, 4, entries.mid(0, 4))), QStringLiteral("audit_log_shrink"));
        QList<QByteArray> forked = entries;
        forked[2] = "rewritten";
        QCOMPARE(errorCode(upload(0, 5, forked)), QStringLiteral("audit_log_fork"));
        // Same entries, a signed root over different ones: the server's own tree disagrees → fork.
        entries.append("entry-5");
        QCOMPARE(errorCode(upload(5, 6, entries, true)), QStringLiteral("audit_log_fork"));
        EVP_PKEY_free(key);
        QCOMPARE(m_env->sqlValue(QStringLiteral("SELECT count(*) FROM audit_flags WHERE terminal_id = 'clinic-1'")),
                 QStringLiteral("3"));
        QCOMPARE(m_env->sqlValue(QStringLiteral("SELECT max(tree_size) FROM audit_heads")), QStringLiteral("5"));
    }

    void responsesMatchOpenApi()
    {
        const QStringList problems = tests::OpenApiChecker::problemsIn(m_env->recorded());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void cleanupTestCase() { m_env.reset(); }
};

QTEST_GUILESS_MAIN(TestPlatformChecks)
#include "TestPlatformChecks.moc"
