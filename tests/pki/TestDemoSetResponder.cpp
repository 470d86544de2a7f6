// Integration: a real `openssl ocsp` responder serves the saved demo set and answers good/revoked.
// The responder is started on a free port, waited for by its "waiting for OCSP client connections"
// line (no sleeps), and stopped at the end.
#include "pki/DemoSet.h"

#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace madoguchi::pki;

namespace {

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        return 0;
    }
    return server.serverPort();
}

} // namespace

class TestDemoSetResponder final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_auth;
    std::unique_ptr<QProcess> m_sign;
    quint16 m_authPort = 0;
    quint16 m_signPort = 0;

    // Starts `openssl ocsp` for one hierarchy; retries another port if the chosen one was taken.
    std::unique_ptr<QProcess> startResponder(const QString& hierarchy, quint16& port)
    {
        const QString base = m_dir.filePath(QStringLiteral("ocsp/") + hierarchy + QLatin1Char('/'));
        for (int attempt = 0; attempt < 5; ++attempt) {
            port = freePort();
            auto process = std::make_unique<QProcess>();
            process->setProcessChannelMode(QProcess::MergedChannels);
            process->start(QStringLiteral("openssl"),
                           {QStringLiteral("ocsp"), QStringLiteral("-port"), QString::number(port),
                            QStringLiteral("-index"), base + QStringLiteral("index.txt"), QStringLiteral("-CA"),
                            base + QStringLiteral("ca.pem"), QStringLiteral("-rsigner"),
                            base + QStringLiteral("signer.pem"), QStringLiteral("-rkey"),
                            base + QStringLiteral("signer-key.pem")});
            QByteArray output;
            while (process->state() != QProcess::NotRunning && !output.contains("waiting for OCSP client")) {
                process->waitForReadyRead(10000);
                output += process->readAll();
            }
            if (output.contains("waiting for OCSP client")) {
                return process;
            }
            qWarning("openssl ocsp did not start: %s", output.constData());
        }
        return nullptr;
    }

    static void stop(std::unique_ptr<QProcess>& process)
    {
        if (process) {
            process->terminate();
            if (!process->waitForFinished(5000)) {
                process->kill();
                process->waitForFinished(5000);
            }
            process.reset();
        }
    }

    QString query(const QString& hierarchy, quint16 port, const QString& certPath)
    {
        const QString ca = m_dir.filePath(QStringLiteral("ocsp/") + hierarchy + QStringLiteral("/ca.pem"));
        QProcess client;
        client.setProcessChannelMode(QProcess::MergedChannels);
        client.start(QStringLiteral("openssl"),
                     {QStringLiteral("ocsp"), QStringLiteral("-issuer"), ca, QStringLiteral("-CAfile"), ca,
                      QStringLiteral("-cert"), certPath, QStringLiteral("-url"),
                      QStringLiteral("http://127.0.0.1:%1").arg(port)});
        client.waitForFinished(30000);
        return QString::fromUtf8(client.readAll());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto set = makeDemoSet();
        QVERIFY(set);
        QVERIFY(set->saveTo(m_dir.path()));
        m_auth = startResponder(QStringLiteral("auth"), m_authPort);
        m_sign = startResponder(QStringLiteral("sign"), m_signPort);
        QVERIFY(m_auth && m_sign);
    }

    void cleanupTestCase()
    {
        stop(m_auth);
        stop(m_sign);
    }

    void answers_data()
    {
        QTest::addColumn<QString>("hierarchy");
        QTest::addColumn<QString>("cert");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("reason");
        const QString good = QStringLiteral("good");
        const QString revoked = QStringLiteral("revoked");
        const QString auth = QStringLiteral("auth");
        const QString sign = QStringLiteral("sign");
        QTest::newRow("valid auth") << auth << QStringLiteral("residents/valid/auth.pem") << good << QString();
        QTest::newRow("valid sign") << sign << QStringLiteral("residents/valid/sign.pem") << good << QString();
        QTest::newRow("moved auth") << auth << QStringLiteral("residents/moved/auth.pem") << good << QString();
        QTest::newRow("moved sign") << sign << QStringLiteral("residents/moved/sign.pem") << revoked
                                    << QStringLiteral("affiliationChanged");
        QTest::newRow("lost auth") << auth << QStringLiteral("residents/lost/auth.pem") << revoked
                                   << QStringLiteral("keyCompromise");
        QTest::newRow("lost sign") << sign << QStringLiteral("residents/lost/sign.pem") << revoked
                                   << QStringLiteral("keyCompromise");
        QTest::newRow("renewed new auth") << auth << QStringLiteral("residents/renewed/auth.pem") << good << QString();
    }

    void answers()
    {
        QFETCH(QString, hierarchy);
        QFETCH(QString, cert);
        QFETCH(QString, status);
        QFETCH(QString, reason);
        const quint16 port = hierarchy == QStringLiteral("auth") ? m_authPort : m_signPort;
        const QString output = query(hierarchy, port, m_dir.filePath(cert));
        QVERIFY2(output.contains(QStringLiteral("Response verify OK")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral(": ") + status), qPrintable(output));
        if (!reason.isEmpty()) {
            QVERIFY2(output.contains(QStringLiteral("Reason: ") + reason), qPrintable(output));
        }
    }

    void supersededOldCardIsRevoked()
    {
        const QDir successions(m_dir.filePath(QStringLiteral("successions")));
        const QStringList pems = successions.entryList({QStringLiteral("*.pem")});
        QCOMPARE(pems.size(), 1);
        const QString output = query(QStringLiteral("auth"), m_authPort, successions.filePath(pems.first()));
        QVERIFY2(output.contains(QStringLiteral("Reason: superseded")), qPrintable(output));
    }
};

QTEST_GUILESS_MAIN(TestDemoSetResponder)
#include "TestDemoSetResponder.moc"
