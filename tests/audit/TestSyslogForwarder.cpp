// SIEM forwarding against a REAL rsyslog (imtcp + the ossl stream driver) started and stopped here:
// RFC 5424 over TLS with octet counting, per-entry seq; the receiver is SIGKILLed mid-stream and
// restarted: nothing is lost, duplicates appear only within the documented resend window and are
// recognisable by seq. A receiver that refuses our TLS, or is gone, gives a clear error.
#include "AuditFixture.h"

#include "audit/SyslogForwarder.h"
#include "audit/AuditStore.h"
#include "audit/SyslogMessage.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <csignal>
#include <map>

using namespace madoguchi;

namespace {

bool run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

bool makeCert(const QString& dir, const QString& name)
{
    return run(QStringLiteral("openssl"),
               {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                QStringLiteral("-keyout"), dir + u'/' + name + QStringLiteral(".key"), QStringLiteral("-out"),
                dir + u'/' + name + QStringLiteral(".pem"), QStringLiteral("-days"), QStringLiteral("1"),
                QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                QStringLiteral("subjectAltName=IP:127.0.0.1")});
}

quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

} // namespace

class TestSyslogForwarder final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_rsyslog;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    bool startReceiver()
    {
        m_rsyslog = std::make_unique<QProcess>();
        m_rsyslog->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_rsyslog->start(QStringLiteral("/usr/sbin/rsyslogd"),
                         {QStringLiteral("-n"), QStringLiteral("-f"), path(QStringLiteral("rsyslog.conf")),
                          QStringLiteral("-i"), path(QStringLiteral("rsyslog.pid"))});
        if (!m_rsyslog->waitForStarted()) {
            return false;
        }
        // Ready when it accepts TCP (event-driven wait, no fixed sleep).
        return QTest::qWaitFor(
            [this] {
                QTcpSocket probe;
                probe.connectToHost(QHostAddress::LocalHost, m_port);
                return probe.waitForConnected(200);
            },
            15000);
    }

    void killReceiver()
    {
        if (m_rsyslog && m_rsyslog->state() != QProcess::NotRunning) {
            m_rsyslog->kill(); // SIGKILL: no flush, no goodbye
            m_rsyslog->waitForFinished();
        }
        QFile::remove(path(QStringLiteral("rsyslog.pid")));
    }

    std::map<qint64, int> received() const
    {
        QFile file(path(QStringLiteral("received.log")));
        std::map<qint64, int> seen;
        if (!file.open(QIODevice::ReadOnly)) {
            return seen;
        }
        static const QRegularExpression seq(QStringLiteral("seq=\"(\\d+)\""));
        for (const QByteArray& line : file.readAll().split('\n')) {
            const auto match = seq.match(QString::fromUtf8(line));
            if (match.hasMatch()) {
                ++seen[match.captured(1).toLongLong()];
            }
        }
        return seen;
    }

    audit::SyslogForwarder::Options options(const QString& ca) const
    {
        audit::SyslogForwarder::Options o;
        o.port = m_port;
        o.caFile = path(ca);
        o.batch = 100;
        return o;
    }

private slots:
    void initTestCase()
    {
        if (!QFile::exists(QStringLiteral("/usr/lib/x86_64-linux-gnu/rsyslog/lmnsd_ossl.so")) &&
            !QFile::exists(QStringLiteral("/usr/lib/rsyslog/lmnsd_ossl.so"))) {
            QSKIP("rsyslog-openssl is not installed");
        }
        QVERIFY(makeCert(m_dir.path(), QStringLiteral("server")));
        QVERIFY(makeCert(m_dir.path(), QStringLiteral("other")));
        m_port = freePort();
        const QString conf =
            QStringLiteral(
                "global(workDirectory=\"%1\" defaultNetstreamDriver=\"ossl\" "
                "defaultNetstreamDriverCAFile=\"%1/server.pem\" defaultNetstreamDriverCertFile=\"%1/server.pem\" "
                "defaultNetstreamDriverKeyFile=\"%1/server.key\")\n"
                "module(load=\"imtcp\" streamDriver.name=\"ossl\" streamDriver.mode=\"1\" "
                "streamDriver.authMode=\"anon\")\n"
                "input(type=\"imtcp\" port=\"%2\" address=\"127.0.0.1\")\n"
                "template(name=\"seq\" type=\"string\" string=\"%structured-data% %msg%\\n\")\n"
                "action(type=\"omfile\" file=\"%1/received.log\" template=\"seq\")\n")
                .arg(m_dir.path())
                .arg(m_port);
        QFile file(path(QStringLiteral("rsyslog.conf")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(conf.toUtf8());
    }

    void cleanupTestCase() { killReceiver(); }

    void messageFormat()
    {
        audit::AuditEntry e{7,
                            0,
                            QStringLiteral("T 1"),
                            QStringLiteral("a\"b]"),
                            QStringLiteral("auditor"),
                            QStringLiteral("card.read"),
                            QStringLiteral("card:aa"),
                            {}};
        const QByteArray m = audit::SyslogMessage::format(e, "ab");
        QVERIFY(m.startsWith("<110>1 1970-01-01T00:00:00.000Z T_1 madoguchi - card.read [madoguchi@32473 seq=\"7\" "
                             "op=\"a\\\"b\\]\""));
        QCOMPARE(audit::SyslogMessage::frame("abc"), QByteArray("3 abc"));
    }

    void refusedOrAbsentReceiverIsAClearError()
    {
        auto db = test::openAuditDb(path(QStringLiteral("absent.db")));
        auto log = audit::AuditLog::open(*db, std::move(*audit::AuditSigner::generate()), test::fixtureClock(),
                                         {QStringLiteral("T-S"), 100});
        QVERIFY(test::fill(*log, *db, 10));
        audit::SyslogForwarder nobody(options(QStringLiteral("server.pem")));
        auto sent = nobody.forwardPending(*db);
        QVERIFY(!sent);
        QCOMPARE(sent.error().code, core::Errc::NetworkFailure);
        QVERIFY(sent.error().detail.contains(QStringLiteral("unreachable or refused TLS")));
        QVERIFY(startReceiver());
        audit::SyslogForwarder distrusting(options(QStringLiteral("other.pem"))); // wrong CA: handshake fails
        sent = distrusting.forwardPending(*db);
        QVERIFY(!sent);
        QCOMPARE(sent.error().code, core::Errc::NetworkFailure);
        QCOMPARE(*audit::SyslogForwarder::nextIndex(*db, QStringLiteral("siem")), 0);
        QCOMPARE(*audit::AuditStore::size(*db), 10); // the local log keeps everything
    }

    void receiverKilledMidStreamLosesNothing()
    {
        auto db = test::openAuditDb(path(QStringLiteral("forward.db")));
        auto log = audit::AuditLog::open(*db, std::move(*audit::AuditSigner::generate()), test::fixtureClock(),
                                         {QStringLiteral("T-S"), 1000});
        QVERIFY(test::fill(*log, *db, 20000));
        if (m_rsyslog == nullptr || m_rsyslog->state() == QProcess::NotRunning) {
            QVERIFY(startReceiver());
        }
        audit::SyslogForwarder forwarder(options(QStringLiteral("server.pem")));
        // Stream on a worker (own connection), kill the receiver once part of it has arrived.
        std::optional<core::Result<qint64>> firstRun;
        const QString dbPath = path(QStringLiteral("forward.db"));
        QThread* worker = QThread::create([&] {
            auto own = test::openAuditDb(dbPath);
            firstRun = forwarder.forwardPending(*own);
        });
        worker->start();
        QVERIFY(QTest::qWaitFor([this] { return received().size() > 2000; }, 30000));
        killReceiver();
        QVERIFY(QTest::qWaitFor([worker] { return worker->isFinished(); }, 30000));
        delete worker;
        const bool interrupted = !firstRun->has_value();
        qInfo() << "first run"
                << (interrupted ? QStringLiteral("interrupted: ") + firstRun->error().detail
                                : QStringLiteral("completed"));

        // While the receiver is down: new entries wait in the log, the forwarder says why.
        QVERIFY(log->appendInOwnTransaction(test::event(1)));
        auto down = forwarder.forwardPending(*db);
        QVERIFY(!down);
        QCOMPARE(down.error().code, core::Errc::NetworkFailure);

        QVERIFY(startReceiver());
        auto resumed = forwarder.forwardPending(*db);
        QVERIFY2(resumed, qPrintable(resumed ? QString() : resumed.error().toString()));
        const qint64 total = *audit::AuditStore::size(*db);
        QCOMPARE(*audit::SyslogForwarder::nextIndex(*db, QStringLiteral("siem")), total);
        // The receiver has written everything once it has the last entry.
        QVERIFY(QTest::qWaitFor([&] { return received().count(total - 1) > 0; }, 30000));
        const auto seen = received();
        qint64 duplicates = 0;
        for (qint64 i = 0; i < total; ++i) {
            QVERIFY2(seen.count(i) == 1, qPrintable(QStringLiteral("entry %1 lost").arg(i)));
            duplicates += seen.count(i) ? seen.at(i) - 1 : 0;
        }
        QCOMPARE(static_cast<qint64>(seen.size()), total);
        qInfo() << "received" << total << "entries," << duplicates << "duplicates (recognisable by seq)";
        QVERIFY(duplicates <= total); // at most what was sent within the settle time before the failure
    }
};

QTEST_GUILESS_MAIN(TestSyslogForwarder)
#include "TestSyslogForwarder.moc"
