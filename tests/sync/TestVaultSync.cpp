// A credit card's number through sync into the platform's token vault (issue 7, issue 4 item 4;
// docs/vault.md), against a real platform (PostgreSQL, mutual TLS): counter A registers with
// `madoguchi-cli sync enrol`, which fetches the vault key into vault.pem; A enrols a credit card, the
// number sealed to that key, and syncs; the platform's vault opens to the right number, A drops its
// sealed copy, and counter B pulls token/brand/last4 but never the sealed number. A number that does
// not open is rejected per item, with nothing of it written, and reaches a person at the counter.

#include "StoreTerminal.h"

#include "../platformd/OpenApiChecker.h"
#include "pki/OpenSsl.h"
#include "platformd/TokenVault.h"
#include "services/PanSealer.h"
#include "store/LinkageRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

using namespace madoguchi;
using test::StoreTerminal;

namespace {

constexpr char Pan[] = "4111111111111111"; // a test number (Luhn-valid Visa test range)

services::EnrolRequest creditCard(int cardNo, const char* pan)
{
    services::EnrolRequest r;
    r.card = test::card(cardNo);
    r.kind = QStringLiteral("credit_card");
    r.fields = {{QStringLiteral("expiry"), QStringLiteral("12/29")}};
    r.pan = core::SecureBytes(QByteArrayView(pan));
    return r;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QSslConfiguration tlsOf(tests::PlatformTestEnv& env, StoreTerminal& t)
{
    return env.tls(readFile(t.dir.filePath(QStringLiteral("terminal.pem"))),
                   readFile(t.dir.filePath(QStringLiteral("terminal.key"))));
}

int runCli(const QStringList& args)
{
    QProcess cli;
    cli.setProcessChannelMode(QProcess::ForwardedChannels);
    cli.start(qEnvironmentVariable("MADOGUCHI_CLI"), args);
    if (!cli.waitForFinished(120000) || cli.exitStatus() != QProcess::NormalExit) {
        return -1;
    }
    return cli.exitCode();
}

// `madoguchi-cli sync enrol` with a one-time code from the administrator, into `dir`.
bool cliEnrol(tests::PlatformTestEnv& env, const QString& id, const QDir& dir)
{
    const auto code = env.call(env.adminTls(), "POST", QStringLiteral("/v1/admin/enrolment-codes"),
                               QJsonDocument(QJsonObject{{QStringLiteral("terminalId"), id}}).toJson());
    const QString given = dir.filePath(QStringLiteral("platform-ca.pem")); // handed over out of band
    return code.status == 201 && StoreTerminal::write(given, env.file("ca.pem")) &&
           runCli({QStringLiteral("sync"), QStringLiteral("enrol"), QStringLiteral("--url"), env.baseUrl().toString(),
                   QStringLiteral("--ca"), given, QStringLiteral("--terminal"), id, QStringLiteral("--code"),
                   code.body.value(QStringLiteral("code")).toString(), QStringLiteral("--out"), dir.path()}) == 0;
}

QByteArray otherRsaPublicKeyPem()
{
    pki::ossl::EvpPkeyPtr key(EVP_RSA_gen(2048));
    pki::ossl::BioPtr bio(BIO_new(BIO_s_mem()));
    if (!key || !bio || PEM_write_bio_PUBKEY(bio.get(), key.get()) != 1) {
        return {};
    }
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, static_cast<qsizetype>(length));
}

QByteArray sealTo(const QByteArray& publicKeyPem, const char* pan)
{
    auto sealer = services::PanSealer::fromPublicKeyPem(publicKeyPem);
    auto sealed = sealer ? sealer->seal(core::SecureBytes(QByteArrayView(pan))) : core::Result<QByteArray>();
    return sealed ? *sealed : QByteArray();
}

QJsonObject cardLinkage(int cardNo, const QUuid& id, int version, const QString& last4)
{
    return sync::LinkageRecord{id,
                               test::card(cardNo).toString(),
                               QStringLiteral("credit_card"),
                               version,
                               QStringLiteral("active"),
                               {{QStringLiteral("token"), QStringLiteral("LTRAWPUSHTOKENABCDEFGHJK")},
                                {QStringLiteral("brand"), QStringLiteral("visa")},
                                {QStringLiteral("last4"), last4},
                                {QStringLiteral("expiry"), QStringLiteral("12/29")}},
                               {},
                               {},
                               QStringLiteral("tap_only"),
                               {},
                               QStringLiteral("staff-1"),
                               0}
        .toJson();
}

QJsonObject item(const QString& key, const QJsonObject& linkage, const QByteArray& sealed)
{
    QJsonObject o{{QStringLiteral("idempotencyKey"), key}, {QStringLiteral("linkage"), linkage}};
    if (!sealed.isNull()) {
        o.insert(QStringLiteral("sealedNumber"), QString::fromLatin1(sealed.toBase64()));
    }
    return o;
}

QByteArray batch(const QJsonArray& items)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("items"), items}}).toJson(QJsonDocument::Compact);
}

} // namespace

class TestVaultSync final : public QObject
{
    Q_OBJECT

    std::unique_ptr<tests::PlatformTestEnv> m_env;
    std::unique_ptr<StoreTerminal> m_pusher; // a registered terminal for the raw pushes

    QString sql(const QString& text) const { return m_env->sqlValue(text); }

    // The number the vault holds under `token`, opened with the platform's server secret.
    QByteArray vaultNumber(const QString& token) const
    {
        const QString where = QStringLiteral(" FROM vault_tokens WHERE token = '%1'").arg(token);
        auto pan = platformd::TokenVault::unseal(
            core::SecureBytes(QByteArrayView(m_env->file("secret.bin"))), token,
            QByteArray::fromHex(sql(QStringLiteral("SELECT encode(nonce, 'hex')") + where).toLatin1()),
            QByteArray::fromHex(sql(QStringLiteral("SELECT encode(ciphertext, 'hex')") + where).toLatin1()));
        return pan ? pan->view().toByteArray() : QByteArray();
    }

    tests::HttpResult push(const QJsonArray& items)
    {
        return m_env->call(tlsOf(*m_env, *m_pusher), "POST", QStringLiteral("/v1/linkages/batch"), batch(items));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(!qEnvironmentVariableIsEmpty("MADOGUCHI_CLI"));
        auto env = tests::PlatformTestEnv::start();
        QVERIFY2(env, env ? "" : qPrintable(env.error().toString()));
        m_env = std::move(*env);
        m_pusher = StoreTerminal::enrol(*m_env, QStringLiteral("vault-raw-pusher"));
        QVERIFY(m_pusher);
    }

    void syncEnrolFetchesTheVaultKey()
    {
        auto a = StoreTerminal::enrolWith(*m_env, QStringLiteral("vault-cli"), [this](const QDir& dir) {
            return cliEnrol(*m_env, QStringLiteral("vault-cli"), dir);
        });
        QVERIFY(a);
        const QString vaultPem = a->dir.filePath(QStringLiteral("vault.pem"));
        QCOMPARE(readFile(vaultPem), m_env->file("vault.pem")); // the platform's key, beside terminal.pem
        QVERIFY(a->sealer);
        // Fetched again with the existing certificate (`sync vault-key`).
        QVERIFY(QFile::remove(vaultPem));
        QCOMPARE(runCli({QStringLiteral("sync"), QStringLiteral("vault-key"), QStringLiteral("--url"),
                         m_env->baseUrl().toString(), QStringLiteral("--credentials"), a->dir.path()}),
                 0);
        QCOMPARE(readFile(vaultPem), m_env->file("vault.pem"));
    }

    void creditCardNumberReachesTheVaultOnly()
    {
        auto a = StoreTerminal::enrolWith(*m_env, QStringLiteral("vault-office-a"), [this](const QDir& dir) {
            return cliEnrol(*m_env, QStringLiteral("vault-office-a"), dir);
        });
        auto b = StoreTerminal::enrol(*m_env, QStringLiteral("vault-office-b"));
        QVERIFY(a && b && a->sealer);
        auto enrolled = a->linkages->enrol(test::SyncStaff, creditCard(31, Pan));
        QVERIFY2(enrolled, enrolled ? "" : qPrintable(enrolled.error().toString()));
        QCOMPARE(a->count("SELECT count(*) FROM linkage_version WHERE sealed_pan IS NOT NULL"), 1);
        QVERIFY(a->runSync());
        QCOMPARE(a->count("SELECT count(*) FROM outbox WHERE sent_at IS NULL"), 0);
        QCOMPARE(a->count("SELECT count(*) FROM sync_conflict"), 0);

        // The platform's vault holds the number, bound to the linkage; it opens to the right PAN.
        const QString id = enrolled->uuid.toString(QUuid::WithoutBraces);
        const QString token =
            sql(QStringLiteral("SELECT vault_token FROM linkage_vault WHERE linkage_id = '%1'").arg(id));
        QVERIFY2(token.startsWith(QStringLiteral("tok_")), qPrintable(token));
        QCOMPARE(vaultNumber(token), QByteArray(Pan));
        QCOMPARE(sql(QStringLiteral("SELECT last4 FROM vault_tokens WHERE token = '%1'").arg(token)),
                 QStringLiteral("1111"));
        // … and nowhere else: not in the history the feed serves, not in the idempotency record.
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM linkage_versions WHERE linkage_id = '%1'").arg(id)),
                 QStringLiteral("1"));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM linkage_versions WHERE body::text LIKE '%sealed%' OR "
                                    "body::text LIKE '%4111111111111111%'")),
                 QStringLiteral("0"));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM idempotency WHERE result::text LIKE '%4111111111111111%'")),
                 QStringLiteral("0"));

        // Data minimisation: the platform has it, so the counter's sealed copy is gone.
        QCOMPARE(a->count("SELECT count(*) FROM linkage_version WHERE sealed_pan IS NOT NULL"), 0);
        // A later version is sent without a number; the binding stays.
        QVERIFY(a->linkages->suspend(test::SyncStaff, enrolled->uuid, QStringLiteral("test")));
        QVERIFY(a->runSync());
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM linkage_vault WHERE linkage_id = '%1'").arg(id)),
                 QStringLiteral("1"));

        // Counter B sees token, brand and last 4 — never a sealed number.
        QVERIFY(b->runSync());
        store::LinkageRepository repo(*b->db);
        const auto seen = repo.current(enrolled->uuid);
        QVERIFY(seen && seen->has_value());
        const store::Linkage& l = **seen;
        QCOMPARE(l.fields.value(QStringLiteral("token")), enrolled->fields.value(QStringLiteral("token")));
        QCOMPARE(l.fields.value(QStringLiteral("brand")).toString(), QStringLiteral("visa"));
        QCOMPARE(l.fields.value(QStringLiteral("last4")).toString(), QStringLiteral("1111"));
        QVERIFY(l.sealedPan.isEmpty());
        QCOMPARE(b->count("SELECT count(*) FROM linkage_version WHERE sealed_pan IS NOT NULL"), 0);
        const auto feed =
            m_env->call(tlsOf(*m_env, *b), "GET", QStringLiteral("/v1/linkages/changes?after=0&limit=1000"));
        QCOMPARE(feed.status, 200);
        QVERIFY(feed.raw.contains(id.toLatin1()));
        QVERIFY(!feed.raw.contains("sealed"));
        QVERIFY(!feed.raw.contains(Pan));
    }

    void replayAnswersTheSameToken()
    {
        const QByteArray sealed = sealTo(m_env->file("vault.pem"), Pan);
        QVERIFY(!sealed.isEmpty());
        const QUuid id = QUuid::createUuid();
        const QJsonObject v1 = cardLinkage(32, id, 1, QStringLiteral("1111"));
        const auto first = push({item(QStringLiteral("replay-1"), v1, sealed)});
        QCOMPARE(first.status, 200);
        const QJsonObject r1 = first.body.value(QStringLiteral("results")).toArray().at(0).toObject();
        QCOMPARE(r1.value(QStringLiteral("outcome")).toString(), QStringLiteral("applied"));
        const QString token = r1.value(QStringLiteral("vaultToken")).toString();
        QVERIFY(token.startsWith(QStringLiteral("tok_")));
        const QString vaultRows = sql(QStringLiteral("SELECT count(*) FROM vault_tokens"));
        // The answer lost, the same item sent again: the stored result, the same token, no second row.
        const auto again = push({item(QStringLiteral("replay-1"), v1, sealed)});
        const QJsonObject r2 = again.body.value(QStringLiteral("results")).toArray().at(0).toObject();
        QCOMPARE(r2.value(QStringLiteral("replayed")).toBool(), true);
        QCOMPARE(r2.value(QStringLiteral("vaultToken")).toString(), token);
        // The same key with another sealed number is another request.
        const auto other = push({item(QStringLiteral("replay-1"), v1, sealTo(m_env->file("vault.pem"), Pan))});
        QCOMPARE(other.status, 409);
        // Version 2 still carries the copy: the linkage is bound already, nothing is opened or added.
        const auto v2 =
            push({item(QStringLiteral("replay-2"), cardLinkage(32, id, 2, QStringLiteral("1111")), sealed)});
        const QJsonObject r3 = v2.body.value(QStringLiteral("results")).toArray().at(0).toObject();
        QCOMPARE(r3.value(QStringLiteral("outcome")).toString(), QStringLiteral("applied"));
        QCOMPARE(r3.value(QStringLiteral("vaultToken")).toString(), token);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM vault_tokens")), vaultRows);
    }

    void numberThatDoesNotOpenIsRejectedAlone_data()
    {
        QTest::addColumn<QByteArray>("sealed");
        QTest::addColumn<QString>("last4");
        QTest::addColumn<QString>("code");
        // "vault" / "vault:<number>": sealed to the platform's key in the test (the env starts later).
        QTest::newRow("garbage") << QByteArray(384, 'x') << QStringLiteral("1111")
                                 << QStringLiteral("sealed_number_invalid");
        QTest::newRow("another key") << sealTo(otherRsaPublicKeyPem(), Pan) << QStringLiteral("1111")
                                     << QStringLiteral("sealed_number_invalid");
        QTest::newRow("last4 differs") << QByteArray("vault") << QStringLiteral("2222")
                                       << QStringLiteral("sealed_number_mismatch");
        QTest::newRow("not a card number")
            << QByteArray("vault:4111111111111112") << QStringLiteral("1112") << QStringLiteral("card_number_invalid");
    }

    void numberThatDoesNotOpenIsRejectedAlone()
    {
        QFETCH(QByteArray, sealed);
        QFETCH(QString, last4);
        QFETCH(QString, code);
        if (sealed == "vault") {
            sealed = sealTo(m_env->file("vault.pem"), Pan);
        } else if (sealed.startsWith("vault:")) {
            sealed = sealTo(m_env->file("vault.pem"), sealed.mid(6).constData());
        }
        QVERIFY(!sealed.isEmpty());
        const QString vaultRows = sql(QStringLiteral("SELECT count(*) FROM vault_tokens"));
        const QUuid good = QUuid::createUuid();
        const QUuid bad = QUuid::createUuid();
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        const auto answer = push({item(QStringLiteral("ok-") + tag, cardLinkage(33, good, 1, QStringLiteral("1111")),
                                       sealTo(m_env->file("vault.pem"), Pan)),
                                  item(QStringLiteral("bad-") + tag, cardLinkage(34, bad, 1, last4), sealed)});
        QCOMPARE(answer.status, 200);
        const QJsonArray results = answer.body.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("applied"));
        const QJsonObject rejected = results.at(1).toObject();
        QCOMPARE(rejected.value(QStringLiteral("outcome")).toString(), QStringLiteral("rejected"));
        QCOMPARE(rejected.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), code);
        QVERIFY(!answer.raw.contains(sealed.toBase64())); // the answer does not echo the number
        // Nothing of the rejected item is written; the good one is in the vault (one new row).
        const QString badId = bad.toString(QUuid::WithoutBraces);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM linkage_versions WHERE linkage_id = '%1'").arg(badId)),
                 QStringLiteral("0"));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM linkage_vault WHERE linkage_id = '%1'").arg(badId)),
                 QStringLiteral("0"));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM vault_tokens")).toInt(), vaultRows.toInt() + 1);
    }

    void sealedNumberOnlyBesideACreditCard()
    {
        QJsonObject insurance = cardLinkage(35, QUuid::createUuid(), 1, QStringLiteral("1111"));
        insurance.insert(QStringLiteral("kind"), QStringLiteral("health_insurance"));
        const auto wrongKind = push({item(QStringLiteral("kind-1"), insurance, sealTo(m_env->file("vault.pem"), Pan))});
        QCOMPARE(wrongKind.status, 422);
        QCOMPARE(wrongKind.body.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("invalid_field"));
        QJsonObject notBase64 =
            item(QStringLiteral("b64-1"), cardLinkage(35, QUuid::createUuid(), 1, QStringLiteral("1111")), {});
        notBase64.insert(QStringLiteral("sealedNumber"), QStringLiteral("not base64!"));
        QCOMPARE(push({notBase64}).status, 422);
        QJsonObject inside = cardLinkage(35, QUuid::createUuid(), 1, QStringLiteral("1111"));
        inside.insert(QStringLiteral("sealedNumber"),
                      QString::fromLatin1(sealTo(m_env->file("vault.pem"), Pan).toBase64()));
        QCOMPARE(push({item(QStringLiteral("inside-1"), inside, {})}).status, 422); // never inside the linkage
    }

    void counterKeepsARejectedNumberForAPerson()
    {
        const QByteArray wrongKey = otherRsaPublicKeyPem();
        auto c = StoreTerminal::enrolWith(*m_env, QStringLiteral("vault-wrong-key"), [&](const QDir& dir) {
            auto credentials = m_env->enrol(QStringLiteral("vault-wrong-key"));
            return credentials &&
                   StoreTerminal::write(dir.filePath(QStringLiteral("terminal.pem")), credentials->certificatePem) &&
                   StoreTerminal::write(dir.filePath(QStringLiteral("terminal.key")), credentials->privateKeyPem) &&
                   StoreTerminal::write(dir.filePath(QStringLiteral("ca.pem")), credentials->caPem) &&
                   StoreTerminal::write(dir.filePath(QStringLiteral("vault.pem")), wrongKey);
        });
        QVERIFY(c && c->sealer);
        QVERIFY(c->linkages->enrol(test::SyncStaff, test::insurance(36, QStringLiteral("3601"))));
        auto enrolled = c->linkages->enrol(test::SyncStaff, creditCard(36, Pan));
        QVERIFY(enrolled);
        QVERIFY(c->runSync()); // a rejected item is not a failed run, and does not block the outbox
        QCOMPARE(c->count("SELECT count(*) FROM outbox WHERE sent_at IS NULL"), 0);
        QCOMPARE(c->count("SELECT count(*) FROM sync_conflict WHERE reason = 'sealed_number_invalid'"), 1);
        QCOMPARE(c->count("SELECT count(*) FROM sync_conflict WHERE instr(local_json, 'sealed') > 0 OR "
                          "instr(remote_json, 'sealedNumber') > 0"),
                 0);
        QCOMPARE(c->count("SELECT count(*) FROM linkage_version WHERE sealed_pan IS NOT NULL"), 1); // kept
        const QString id = enrolled->uuid.toString(QUuid::WithoutBraces);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM linkage_versions WHERE linkage_id = '%1'").arg(id)),
                 QStringLiteral("0"));
    }

    void responsesMatchTheOpenApiDocument()
    {
        const QStringList problems = tests::OpenApiChecker::problemsIn(m_env->recorded());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestVaultSync)
#include "TestVaultSync.moc"
