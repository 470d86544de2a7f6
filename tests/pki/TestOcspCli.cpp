// `madoguchi-cli ocsp check` end to end against a real `openssl ocsp` responder.

#include "TestOcspPki.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class TestOcspCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestOcspPki> m_pki;
    std::unique_ptr<TestOcspResponder> m_responder;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static Run cli(const QStringList& args)
    {
        QProcess process;
        process.start(qEnvironmentVariable("MADOGUCHI_CLI"), args);
        Run run;
        if (process.waitForFinished(30'000) && process.exitStatus() == QProcess::NormalExit) {
            run.exitCode = process.exitCode();
        }
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("MADOGUCHI_CLI"), "MADOGUCHI_CLI not set");
        QVERIFY(m_dir.isValid());
        m_pki = std::make_unique<TestOcspPki>(m_dir.path());
        QVERIFY2(m_pki->generate(), qPrintable(m_pki->errorString()));
        m_responder = std::make_unique<TestOcspResponder>(*m_pki);
        QVERIFY2(m_responder->start(QStringLiteral("signer"), QStringLiteral("signer")),
                 qPrintable(m_responder->errorString()));
    }

    void check_data()
    {
        QTest::addColumn<QString>("cert");
        QTest::addColumn<bool>("responderUp");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("status"); // JSON "status", or the JSON "error" name
        QTest::newRow("good") << QStringLiteral("good") << true << 0 << QStringLiteral("good");
        QTest::newRow("revoked") << QStringLiteral("revoked1") << true << 7 << QStringLiteral("revoked");
        QTest::newRow("unknown") << QStringLiteral("unknown") << true << 7 << QStringLiteral("unknown");
        QTest::newRow("responder down") << QStringLiteral("good") << false << 9 << QStringLiteral("connection_refused");
    }

    void check()
    {
        QFETCH(QString, cert);
        QFETCH(bool, responderUp);
        QFETCH(int, exitCode);
        QFETCH(QString, status);
        const QString url =
            responderUp ? m_responder->url() : QStringLiteral("http://127.0.0.1:%1").arg(freeLocalPort());
        const Run run = cli({QStringLiteral("--json"), QStringLiteral("ocsp"), QStringLiteral("check"),
                             QStringLiteral("--cert"), m_pki->pem(cert), QStringLiteral("--issuer"),
                             m_pki->pem(QStringLiteral("ca")), QStringLiteral("--url"), url});
        QCOMPARE(run.exitCode, exitCode);
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(
            json.value(json.value(QStringLiteral("ok")).toBool() ? QStringLiteral("status") : QStringLiteral("error"))
                .toString(),
            status);
        if (status == QStringLiteral("revoked")) {
            QCOMPARE(json.value(QStringLiteral("reasonCode")).toInt(), 1);
            QCOMPARE(json.value(QStringLiteral("reason")).toString(), QStringLiteral("keyCompromise"));
            QCOMPARE(json.value(QStringLiteral("revocationTime")).toString(), QStringLiteral("2025-01-01T00:00:00Z"));
        }
    }

    void textOutputListsTheChecks()
    {
        const Run run = cli({QStringLiteral("ocsp"), QStringLiteral("check"), QStringLiteral("--cert"),
                             m_pki->pem(QStringLiteral("revoked4")), QStringLiteral("--issuer"),
                             m_pki->pem(QStringLiteral("ca")), QStringLiteral("--url"), m_responder->url()});
        QCOMPARE(run.exitCode, 7);
        QVERIFY2(run.out.contains("status: revoked\nreason: superseded (4)\n"), run.out.constData());
        QVERIFY(run.out.contains("  - nonce matches\n"));
    }

    void missingOptionIsUsage()
    {
        const Run run = cli({QStringLiteral("ocsp"), QStringLiteral("check"), QStringLiteral("--cert"),
                             m_pki->pem(QStringLiteral("good"))});
        QCOMPARE(run.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestOcspCli)
#include "TestOcspCli.moc"
