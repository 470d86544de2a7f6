// VpcdClient against an in-test fake "pcscd side": a QTcpServer that speaks the vpcd protocol
// (toolchain.md "The vpcd protocol") the way Debian's vpcd driver does.
#include "sim/VpcdClient.h"

#include "sim/JpkiCardSim.h"

#include "SimFixtures.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <algorithm>

using madoguchi::sim::JpkiCardSim;
using madoguchi::sim::VpcdClient;

namespace {

constexpr int WaitMs = 5000;

QByteArray lengthPrefix(qsizetype size)
{
    return QByteArray(1, char((size >> 8) & 0xFF)) + char(size & 0xFF);
}

// Like Debian's vpcd: the length and the payload in two separate writes.
void sendFrame(QTcpSocket& socket, const QByteArray& payload)
{
    socket.write(lengthPrefix(payload.size()));
    socket.flush();
    socket.write(payload);
    socket.flush();
}

bool waitFor(QTcpSocket& socket, qsizetype bytes)
{
    while (socket.bytesAvailable() < bytes) {
        if (!socket.waitForReadyRead(WaitMs)) {
            return false;
        }
    }
    return true;
}

// One reply frame; an empty result with ok=false when none came.
QByteArray readFrame(QTcpSocket& socket, bool& ok)
{
    ok = waitFor(socket, 2);
    if (!ok) {
        return {};
    }
    const QByteArray header = socket.read(2);
    const qsizetype size = (quint8(header[0]) << 8) | quint8(header[1]);
    ok = waitFor(socket, size);
    return socket.read(size);
}

} // namespace

class TestVpcdClient final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void protocol_data();
    void protocol();
    void reconnectsAfterClose();
    void reconnectsWhenPcscdComesBack();
    void stopRemovesTheCard();
    void latency();

private:
    std::unique_ptr<QTcpSocket> acceptCard();

    std::unique_ptr<JpkiCardSim> m_sim;
    std::unique_ptr<QTcpServer> m_server;
    std::unique_ptr<VpcdClient> m_client;
    std::unique_ptr<QObject> m_receiver;
    int m_connected = 0;
    int m_disconnected = 0;
};

void TestVpcdClient::init()
{
    auto sim = JpkiCardSim::create(madoguchi::sim::test::makeResident());
    QVERIFY(sim.has_value());
    m_sim = std::move(*sim);
    m_server = std::make_unique<QTcpServer>();
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    m_client = std::make_unique<VpcdClient>(*m_sim, QStringLiteral("127.0.0.1"), m_server->serverPort());
    m_connected = m_disconnected = 0;
    // A per-test receiver: signals still queued from a previous test's client die with it.
    m_receiver = std::make_unique<QObject>();
    connect(m_client.get(), &VpcdClient::connected, m_receiver.get(), [this] { ++m_connected; });
    connect(m_client.get(), &VpcdClient::disconnected, m_receiver.get(), [this] { ++m_disconnected; });
}

void TestVpcdClient::cleanup()
{
    m_client.reset();
    m_receiver.reset();
    m_server.reset();
    m_sim.reset();
}

std::unique_ptr<QTcpSocket> TestVpcdClient::acceptCard()
{
    if (!m_server->hasPendingConnections() && !m_server->waitForNewConnection(WaitMs)) {
        return nullptr;
    }
    std::unique_ptr<QTcpSocket> socket(m_server->nextPendingConnection());
    socket->setParent(nullptr);
    return socket;
}

void TestVpcdClient::protocol_data()
{
    QTest::addColumn<QList<QByteArray>>("sent");     // frames pcscd sends
    QTest::addColumn<QList<QByteArray>>("expected"); // frames the card must answer, in order

    const QByteArray on(1, '\x01'), reset(1, '\x02'), off(1, '\x00'), getAtr(1, '\x04');
    const QByteArray select = QByteArray::fromHex("00A4040C0AD392F000260100000001");
    const QByteArray ok = QByteArray::fromHex("9000");
    QByteArray atr;
    if (auto sim = JpkiCardSim::create(madoguchi::sim::test::makeResident())) {
        atr = (*sim)->atr();
    }
    QTest::newRow("power on, ATR, SELECT") << QList<QByteArray>{on, getAtr, select} << QList<QByteArray>{atr, ok};
    // Control codes 0/1/2 get no reply: the next frame back must be the answer to the next request.
    QTest::newRow("reset has no reply") << QList<QByteArray>{on, reset, off, on, getAtr} << QList<QByteArray>{atr};
    QTest::newRow("reset forgets VERIFY") << QList<QByteArray>{on,
                                                               select,
                                                               QByteArray::fromHex("00A4020C020018"),
                                                               QByteArray::fromHex("00200080043132333400").left(9),
                                                               reset,
                                                               select,
                                                               QByteArray::fromHex("00A4020C020018"),
                                                               QByteArray::fromHex("00200080")}
                                          << QList<QByteArray>{ok, ok, ok, ok, ok, QByteArray::fromHex("63C3")};
    QTest::newRow("unknown control code ignored")
        << QList<QByteArray>{QByteArray(1, '\x07'), select} << QList<QByteArray>{ok};
}

void TestVpcdClient::protocol()
{
    QFETCH(QList<QByteArray>, sent);
    QFETCH(QList<QByteArray>, expected);

    m_client->start();
    const auto pcscd = acceptCard();
    QVERIFY(pcscd);
    QTRY_COMPARE(m_connected, 1);
    for (const QByteArray& frame : sent) {
        sendFrame(*pcscd, frame);
    }
    for (const QByteArray& want : expected) {
        bool ok = false;
        const QByteArray got = readFrame(*pcscd, ok);
        QVERIFY(ok);
        QCOMPARE(got.toHex(), want.toHex());
    }
    // Nothing more: a frame for a control code would show up here.
    QVERIFY(!pcscd->waitForReadyRead(100) || pcscd->bytesAvailable() == 0);
}

void TestVpcdClient::reconnectsAfterClose()
{
    m_client->start();
    auto first = acceptCard();
    QVERIFY(first);
    QTRY_COMPARE(m_connected, 1);
    first->abort(); // pcscd dropped the channel
    QTRY_COMPARE(m_disconnected, 1);
    auto second = acceptCard();
    QVERIFY(second);
    QTRY_COMPARE(m_connected, 2);
    sendFrame(*second, QByteArray(1, '\x04'));
    bool ok = false;
    QCOMPARE(readFrame(*second, ok), m_sim->atr());
    QVERIFY(ok);
}

void TestVpcdClient::reconnectsWhenPcscdComesBack()
{
    const quint16 port = m_server->serverPort();
    m_client->start();
    auto first = acceptCard();
    QVERIFY(first);
    QSignalSpy failures(m_client.get(), &VpcdClient::connectFailed);
    m_server->close(); // pcscd stops: the port refuses connections
    first->abort();
    QTRY_COMPARE(m_disconnected, 1);
    QTRY_VERIFY(failures.count() >= 2);                       // it keeps trying, with backoff
    QVERIFY(m_server->listen(QHostAddress::LocalHost, port)); // pcscd is back
    auto second = acceptCard();
    QVERIFY(second);
    QTRY_COMPARE(m_connected, 2);
}

void TestVpcdClient::stopRemovesTheCard()
{
    m_client->start();
    auto pcscd = acceptCard();
    QVERIFY(pcscd);
    QTRY_VERIFY(m_client->isConnected());
    m_client->stop();
    QVERIFY(!m_client->isStarted());
    QVERIFY(pcscd->state() == QAbstractSocket::UnconnectedState || pcscd->waitForDisconnected(WaitMs));
    QTRY_COMPARE(m_disconnected, 1);

    // stop() also ends a backoff wait at once (nobody listens on this port any more).
    m_server->close();
    m_client->start();
    QElapsedTimer timer;
    timer.start();
    m_client->stop();
    QVERIFY(timer.elapsed() < VpcdClient::MaxBackoff.count());
}

void TestVpcdClient::latency()
{
    // Not an assertion on time (tests never assert timings): prints the round trip for the report.
    m_client->start();
    auto pcscd = acceptCard();
    QVERIFY(pcscd);
    const QByteArray select = QByteArray::fromHex("00A4040C0AD392F000260100000001");
    constexpr int Rounds = 500;
    QList<qint64> nanos;
    QElapsedTimer timer;
    for (int i = 0; i < Rounds; ++i) {
        timer.start();
        sendFrame(*pcscd, select);
        bool ok = false;
        QCOMPARE(readFrame(*pcscd, ok), QByteArray::fromHex("9000"));
        nanos.append(timer.nsecsElapsed());
    }
    std::sort(nanos.begin(), nanos.end());
    qInfo("vpcd round trip over loopback, median of %d: %.3f ms", Rounds, double(nanos[Rounds / 2]) / 1e6);
    QCOMPARE(m_sim->apduCount(), quint64(Rounds));
}

QTEST_GUILESS_MAIN(TestVpcdClient)
#include "TestVpcdClient.moc"
