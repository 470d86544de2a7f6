// `madoguchi-cli crl import|check|diff|stats` and `ocsp check` with --json as whole processes: the JSON
// each prints and the exit code (CliIo.h: 0 ok, 2 usage, 6 parse, 7 pki — revoked, unknown, untrusted —,
// 9 network), on CRLs generated here with the current time so "fresh" means fresh.
#include "pki/CrlGenerator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using madoguchi::pki::CrlGenerator;
using madoguchi::pki::CrlReason;

class TestCrlCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    // `{dir}` in an argument stands for the test's temporary directory.
    Run cli(const QStringList& args) const
    {
        QStringList expanded;
        for (const QString& arg : args) {
            expanded << QString(arg).replace(QStringLiteral("{dir}"), m_dir.path());
        }
        QProcess process;
        process.start(qEnvironmentVariable("MADOGUCHI_CLI"), expanded);
        Run run;
        if (process.waitForFinished(60'000) && process.exitStatus() == QProcess::NormalExit) {
            run.exitCode = process.exitCode();
        }
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    // "a.b" walks objects; "a#" is the length of array a.
    static QString jsonAt(const QJsonObject& root, const QString& path)
    {
        QJsonValue value = root;
        for (const QString& part : path.split(QLatin1Char('.'))) {
            if (part.endsWith(QLatin1Char('#'))) {
                return QString::number(value.toObject().value(part.chopped(1)).toArray().size());
            }
            value = value.toObject().value(part);
        }
        if (value.isDouble()) {
            return QString::number(value.toInteger());
        }
        return value.isBool() ? (value.toBool() ? QStringLiteral("true") : QStringLiteral("false")) : value.toString();
    }

    bool write(const QString& name, const QByteArray& bytes) const
    {
        QFile file(m_dir.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }

    static CrlGenerator::Entry entry(const char* serialHex, CrlReason reason, qint64 date)
    {
        return CrlGenerator::Entry{QByteArray::fromHex(serialHex), reason, date};
    }

    // base: 0A keyCompromise, 0B hold, 0C superseded; next: 0B now keyCompromise, 0C gone, 0D added.
    bool generate()
    {
        auto ca = CrlGenerator::create(QStringLiteral("CLI Test CA"));
        auto other = CrlGenerator::create(QStringLiteral("CLI Test CA")); // same DN, another key
        if (!ca || !other) {
            return false;
        }
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        CrlGenerator::Spec base;
        base.thisUpdate = now - 3600;
        base.nextUpdate = now + 86400;
        base.entries = {entry("0A", CrlReason::KeyCompromise, now - 7200),
                        entry("0B", CrlReason::CertificateHold, now - 7200),
                        entry("0C", CrlReason::Superseded, now - 7200)};
        CrlGenerator::Spec next = base;
        next.crlNumber = 2;
        next.entries = {entry("0A", CrlReason::KeyCompromise, now - 7200),
                        entry("0B", CrlReason::KeyCompromise, now - 7200),
                        entry("0D", CrlReason::CessationOfOperation, now - 3600)};
        CrlGenerator::Spec stale = base;
        stale.thisUpdate = now - 10 * 86400;
        stale.nextUpdate = now - 9 * 86400;
        auto baseDer = ca->generate(base);
        auto nextDer = ca->generate(next);
        auto staleDer = ca->generate(stale);
        auto otherDer = other->generate(base);
        return baseDer && nextDer && staleDer && otherDer && write(QStringLiteral("ca.pem"), ca->certificatePem()) &&
               write(QStringLiteral("base.crl"), *baseDer) && write(QStringLiteral("next.crl"), *nextDer) &&
               write(QStringLiteral("stale.crl"), *staleDer) && write(QStringLiteral("other-ca.crl"), *otherDer) &&
               write(QStringLiteral("truncated.crl"), baseDer->left(baseDer->size() / 2)) &&
               write(QStringLiteral("garbage.crl"), QByteArray("not a CRL at all\n"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("MADOGUCHI_CLI")), "MADOGUCHI_CLI not set");
        QVERIFY(m_dir.isValid());
        QVERIFY(generate());
        // Two caches: "fresh" holds the current CRL, "old" only the stale one.
        for (const auto& [crl, cache] : {std::pair{"base.crl", "fresh"}, std::pair{"stale.crl", "old"}}) {
            const Run run = cli({QStringLiteral("crl"), QStringLiteral("import"),
                                 QStringLiteral("{dir}/%1").arg(QLatin1String(crl)), QStringLiteral("--issuer"),
                                 QStringLiteral("{dir}/ca.pem"), QStringLiteral("--cache"),
                                 QStringLiteral("{dir}/%1").arg(QLatin1String(cache))});
            QVERIFY2(run.exitCode == 0, run.err.constData());
        }
    }

    void json_data()
    {
        QTest::addColumn<QStringList>("args"); // after --json
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("path"); // into the JSON printed on stdout
        QTest::addColumn<QString>("expected");
        const auto l = [](const char* line) { return QString::fromLatin1(line).split(QLatin1Char(' ')); };
        QTest::newRow("import") << l("crl import {dir}/base.crl --issuer {dir}/ca.pem --cache {dir}/c1") << 0
                                << QStringLiteral("entries") << QStringLiteral("3");
        QTest::newRow("import: another key, same DN")
            << l("crl import {dir}/other-ca.crl --issuer {dir}/ca.pem --cache {dir}/c2") << 7 << QStringLiteral("error")
            << QStringLiteral("untrusted_issuer");
        QTest::newRow("import: truncated") << l("crl import {dir}/truncated.crl --issuer {dir}/ca.pem --cache {dir}/c2")
                                           << 6 << QStringLiteral("error") << QStringLiteral("malformed_der");
        QTest::newRow("import: garbage") << l("crl import {dir}/garbage.crl --issuer {dir}/ca.pem --cache {dir}/c2")
                                         << 6 << QStringLiteral("error") << QStringLiteral("malformed_der");
        QTest::newRow("import: no --issuer") << l("crl import {dir}/base.crl") << 2 << QString() << QString();
        QTest::newRow("check: revoked") << l("crl check 0A --cache {dir}/fresh") << 7 << QStringLiteral("status")
                                        << QStringLiteral("revoked");
        QTest::newRow("check: revoked, reason")
            << l("crl check 0a --cache {dir}/fresh") << 7 << QStringLiteral("crls#") << QStringLiteral("1");
        QTest::newRow("check: not listed")
            << l("crl check 0E --cache {dir}/fresh") << 0 << QStringLiteral("status") << QStringLiteral("good");
        QTest::newRow("check: stale CRL is no answer")
            << l("crl check 0E --cache {dir}/old") << 7 << QStringLiteral("status") << QStringLiteral("unknown");
        QTest::newRow("check: listed on a stale CRL stands")
            << l("crl check 0A --cache {dir}/old") << 7 << QStringLiteral("status") << QStringLiteral("revoked");
        QTest::newRow("check: no CRL at all") << l("crl check 0E --cache {dir}/empty") << 7 << QStringLiteral("error")
                                              << QStringLiteral("revocation_unknown");
        QTest::newRow("check: not hex") << l("crl check xyz --cache {dir}/fresh") << 2 << QString() << QString();
        QTest::newRow("diff: added") << l("crl diff {dir}/base.crl {dir}/next.crl --issuer {dir}/ca.pem") << 0
                                     << QStringLiteral("added#") << QStringLiteral("1");
        QTest::newRow("diff: changed") << l("crl diff {dir}/base.crl {dir}/next.crl --issuer {dir}/ca.pem") << 0
                                       << QStringLiteral("changed#") << QStringLiteral("1");
        QTest::newRow("diff: removed") << l("crl diff {dir}/base.crl {dir}/next.crl --issuer {dir}/ca.pem") << 0
                                       << QStringLiteral("removed#") << QStringLiteral("1");
        QTest::newRow("diff: wrong issuer") << l("crl diff {dir}/base.crl {dir}/other-ca.crl --issuer {dir}/ca.pem")
                                            << 7 << QStringLiteral("ok") << QStringLiteral("false");
        QTest::newRow("stats") << l("crl stats {dir}/next.crl --issuer {dir}/ca.pem") << 0
                               << QStringLiteral("byReason.keyCompromise") << QStringLiteral("2");
        QTest::newRow("stats: without issuer")
            << l("crl stats {dir}/base.crl") << 0 << QStringLiteral("byReason.certificateHold") << QStringLiteral("1");
        QTest::newRow("stats: truncated")
            << l("crl stats {dir}/truncated.crl") << 6 << QStringLiteral("error") << QStringLiteral("malformed_der");
        QTest::newRow("ocsp: responder down")
            << l("ocsp check --cert {dir}/ca.pem --issuer {dir}/ca.pem --url http://127.0.0.1:1/") << 9
            << QStringLiteral("ok") << QStringLiteral("false");
        QTest::newRow("ocsp: no --url") << l("ocsp check --cert {dir}/ca.pem --issuer {dir}/ca.pem") << 2 << QString()
                                        << QString();
    }

    void json()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, path);
        QFETCH(QString, expected);
        const Run run = cli(QStringList{QStringLiteral("--json")} + args);
        QVERIFY2(run.exitCode == exitCode,
                 qPrintable(QStringLiteral("exit %1\n%2%3")
                                .arg(run.exitCode)
                                .arg(QString::fromUtf8(run.out), QString::fromUtf8(run.err))));
        if (path.isEmpty()) {
            return; // usage errors go to stderr, not JSON
        }
        QJsonParseError error{};
        const QJsonObject json = QJsonDocument::fromJson(run.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, run.out.constData());
        QCOMPARE(jsonAt(json, path), expected);
    }
};

QTEST_GUILESS_MAIN(TestCrlCli)
#include "TestCrlCli.moc"
