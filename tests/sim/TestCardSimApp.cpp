// madoguchi-cardsim as a process: stdout events, stdin control, --schedule, against a fake pcscd
// (a QTcpServer speaking the vpcd protocol). Waits on output lines and sockets, never on sleeps.
#include "sim/DemoResidentFiles.h"

#include "SimFixtures.h"

#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

namespace {

constexpr int WaitMs = 10000;

// Reads stdout lines until `want` appears; returns false on timeout or exit.
bool waitLine(QProcess& p, const QByteArray& want)
{
    for (;;) {
        while (p.canReadLine()) {
            if (p.readLine().trimmed() == want) {
                return true;
            }
        }
        if (!p.waitForReadyRead(WaitMs)) {
            return false;
        }
    }
}

} // namespace

class TestCardSimApp final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void stdinControl();
    void schedule();
    void badProfile();

private:
    [[nodiscard]] std::unique_ptr<QProcess> launch(const QStringList& extra);

    QTemporaryDir m_dir;
    std::unique_ptr<QTcpServer> m_pcscd;
};

void TestCardSimApp::initTestCase()
{
    QVERIFY(madoguchi::sim::DemoResidentFiles::save(madoguchi::sim::test::makeResident(), m_dir.path()).has_value());
}

void TestCardSimApp::init()
{
    m_pcscd = std::make_unique<QTcpServer>();
    QVERIFY(m_pcscd->listen(QHostAddress::LocalHost, 0));
}

std::unique_ptr<QProcess> TestCardSimApp::launch(const QStringList& extra)
{
    auto p = std::make_unique<QProcess>();
    p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p->start(QStringLiteral(MADOGUCHI_CARDSIM_EXE),
             QStringList{QStringLiteral("--profile-dir"), m_dir.path(), QStringLiteral("--port"),
                         QString::number(m_pcscd->serverPort())} +
                 extra);
    return p;
}

void TestCardSimApp::stdinControl()
{
    auto p = launch({});
    QVERIFY(waitLine(*p, "inserted")); // no schedule: inserted at start
    QVERIFY(m_pcscd->hasPendingConnections() || m_pcscd->waitForNewConnection(WaitMs));
    std::unique_ptr<QTcpSocket> vpcd(m_pcscd->nextPendingConnection());
    const QByteArray select = QByteArray::fromHex("000F00A4040C0AD392F000260100000001");
    vpcd->write(select);
    QVERIFY(vpcd->waitForBytesWritten(WaitMs));
    while (vpcd->bytesAvailable() < 4) {
        QVERIFY(vpcd->waitForReadyRead(WaitMs));
    }
    QCOMPARE(vpcd->readAll(), QByteArray::fromHex("00029000"));

    p->write("status\n");
    QVERIFY(waitLine(*p, "apdu-count 1"));
    p->write("remove\n");
    QVERIFY(waitLine(*p, "removed"));
    QVERIFY(vpcd->state() == QAbstractSocket::UnconnectedState || vpcd->waitForDisconnected(WaitMs));
    p->write("nonsense\n");
    QVERIFY(waitLine(*p, "error unknown command \"nonsense\""));
    p->write("insert\n");
    QVERIFY(waitLine(*p, "inserted"));
    p->write("quit\n");
    QVERIFY(p->waitForFinished(WaitMs));
    QCOMPARE(p->exitCode(), 0);
}

void TestCardSimApp::schedule()
{
    auto p = launch({QStringLiteral("--schedule"), QStringLiteral("insert@0,remove@200,insert@400,quit@600")});
    QVERIFY(waitLine(*p, "inserted"));
    QVERIFY(waitLine(*p, "removed"));
    QVERIFY(waitLine(*p, "inserted"));
    QVERIFY(waitLine(*p, "quit"));
    QVERIFY(p->waitForFinished(WaitMs));
    QCOMPARE(p->exitCode(), 0);
}

void TestCardSimApp::badProfile()
{
    QProcess p;
    p.start(QStringLiteral(MADOGUCHI_CARDSIM_EXE), {QStringLiteral("--profile-dir"), QStringLiteral("/nonexistent")});
    QVERIFY(p.waitForFinished(WaitMs));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY(p.readAllStandardError().contains("cannot load the card"));
}

QTEST_GUILESS_MAIN(TestCardSimApp)
#include "TestCardSimApp.moc"
