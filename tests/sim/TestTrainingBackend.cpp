// The in-process training reader through the card-layer interfaces (card::ReaderBackend,
// card::CardConnection), as the app's card thread will use it.
#include "sim/TrainingBackend.h"

#include "SimFixtures.h"

#include <QtTest>

#include <QElapsedTimer>

#include <atomic>
#include <thread>

using madoguchi::card::CommandApdu;
using madoguchi::core::Errc;
using madoguchi::sim::TrainingBackend;
namespace fx = madoguchi::sim::test;

namespace {

CommandApdu selectJpki()
{
    return CommandApdu(0x00, 0xA4, 0x04, 0x0C).withData(QByteArray::fromHex("D392F000260100000001"));
}

} // namespace

class TestTrainingBackend final : public QObject
{
    Q_OBJECT

private slots:
    void namedSlots();
    void insertWakesWaiter();
    void cancelWakesWaiter();
    void timeoutReturnsKnown();
    void transmitAndCount();
    void removedCardFailsUntilReconnect();
    void connectErrors();
};

void TestTrainingBackend::namedSlots()
{
    TrainingBackend backend(2);
    const auto readers = backend.readers();
    QVERIFY(readers.has_value());
    QCOMPARE(readers->size(), 2);
    QCOMPARE(readers->at(0).name, QStringLiteral("Madoguchi 研修用リーダー 1"));
    QCOMPARE(readers->at(1).name, QStringLiteral("Madoguchi 研修用リーダー 2"));
    QVERIFY(!readers->at(0).cardPresent);
    QCOMPARE(backend.backendName(), QStringLiteral("Training"));
}

void TestTrainingBackend::insertWakesWaiter()
{
    TrainingBackend backend;
    const auto before = *backend.readers();
    const auto resident = fx::makeResident(); // keys made before the thread starts
    std::thread trainer([&] { QVERIFY(backend.insert(resident).has_value()); });
    const auto after = backend.waitForChange(before, std::chrono::seconds(30));
    trainer.join();
    QVERIFY(after.has_value());
    QVERIFY(after->at(0).cardPresent);
    QVERIFY(!after->at(0).atr.isEmpty());
    QVERIFY(after->at(0).eventCount != before.at(0).eventCount);

    std::thread puller([&] { backend.remove(); });
    const auto removed = backend.waitForChange(*after, std::chrono::seconds(30));
    puller.join();
    QVERIFY(!removed->at(0).cardPresent);
}

void TestTrainingBackend::cancelWakesWaiter()
{
    TrainingBackend backend;
    const auto known = *backend.readers();
    std::atomic<bool> done{false};
    QList<madoguchi::card::ReaderState> states;
    std::thread waiter([&] {
        states = *backend.waitForChange(known, std::chrono::seconds(60));
        done = true;
    });
    QElapsedTimer timer;
    timer.start();
    // cancelWait() only wakes a wait in progress: repeat until the waiter has started and woken.
    while (!done) {
        backend.cancelWait();
        std::this_thread::yield();
    }
    waiter.join();
    QVERIFY(timer.elapsed() < 30000); // a lost wake-up would sit out the 60 s timeout
    QCOMPARE(states, known);
}

void TestTrainingBackend::timeoutReturnsKnown()
{
    TrainingBackend backend;
    const auto known = *backend.readers();
    const auto states = backend.waitForChange(known, std::chrono::milliseconds(1));
    QCOMPARE(*states, known);
}

void TestTrainingBackend::transmitAndCount()
{
    TrainingBackend backend;
    QVERIFY(backend.insert(fx::makeResident()).has_value());
    auto connection = backend.connect(TrainingBackend::slotName(1));
    QVERIFY(connection.has_value());
    auto& c = **connection;
    QVERIFY(c.supportsExtendedLength());
    QCOMPARE(c.readerName(), TrainingBackend::slotName(1));
    QVERIFY(c.beginTransaction().has_value());
    const auto r = c.transmit(selectJpki());
    QVERIFY(r.has_value());
    QCOMPARE(r->sw, quint16(0x9000));
    const auto token = c.transmit(CommandApdu(0x00, 0xA4, 0x02, 0x0C).withData(QByteArray::fromHex("0006")));
    QCOMPARE(token->sw, quint16(0x9000));
    const auto read = c.transmit(CommandApdu(0x00, 0xB0, 0x00, 0x00).withLe(0x20));
    QCOMPARE(read->sw, quint16(0x9000));
    QVERIFY(read->data.startsWith("JPKIAPICCTOKEN2"));
    QVERIFY(c.endTransaction().has_value());
    QCOMPARE(c.apduCount(), 3);
    QCOMPARE(backend.cardIn()->apduCount(), quint64(3));
}

void TestTrainingBackend::removedCardFailsUntilReconnect()
{
    TrainingBackend backend;
    QVERIFY(backend.insert(fx::makeResident()).has_value());
    auto connection = backend.connect(TrainingBackend::slotName(1));
    QVERIFY(connection.has_value());
    backend.remove();
    const auto gone = (*connection)->transmit(selectJpki());
    QVERIFY(!gone.has_value());
    QCOMPARE(gone.error().code, Errc::CardRemoved);
    QCOMPARE((*connection)->reconnect().error().code, Errc::NoCard);
    QVERIFY(backend.insert(fx::makeResident()).has_value());
    QCOMPARE((*connection)->transmit(selectJpki()).error().code,
             Errc::NoCard); // the failed reconnect let go of the pulled card
    QVERIFY((*connection)->reconnect().has_value());
    QCOMPARE((*connection)->transmit(selectJpki())->sw, quint16(0x9000));
}

void TestTrainingBackend::connectErrors()
{
    TrainingBackend backend;
    QCOMPARE(backend.connect(QStringLiteral("no such reader")).error().code, Errc::ReaderUnavailable);
    QCOMPARE(backend.connect(TrainingBackend::slotName(1)).error().code, Errc::NoCard);
    QVERIFY(!backend.insert(fx::makeResident(), 5).has_value());
}

QTEST_GUILESS_MAIN(TestTrainingBackend)
#include "TestTrainingBackend.moc"
