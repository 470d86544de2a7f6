#include "card/CardMonitor.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <condition_variable>
#include <mutex>

using namespace madoguchi;
using namespace madoguchi::card;
using namespace std::chrono_literals;

namespace {

// What the fake backend shows; the test changes it from the main thread.
struct FakeWorld
{
    std::mutex mutex;
    std::condition_variable changed;
    QList<ReaderState> readers;
    std::optional<core::Error> failure;
    bool cancelled = false;
    QThread* createdOn = nullptr;
    QThread* destroyedOn = nullptr;

    void update(const std::function<void(FakeWorld&)>& change)
    {
        {
            std::lock_guard lock(mutex);
            change(*this);
        }
        changed.notify_all();
    }
};

class FakeBackend final : public ReaderBackend
{
public:
    explicit FakeBackend(std::shared_ptr<FakeWorld> world) : m_world(std::move(world))
    {
        m_world->createdOn = QThread::currentThread();
    }
    ~FakeBackend() override { m_world->destroyedOn = QThread::currentThread(); }

    QString backendName() const override { return QStringLiteral("Fake"); }
    core::Result<QList<ReaderState>> readers() override
    {
        std::lock_guard lock(m_world->mutex);
        if (m_world->failure) {
            return core::fail(*m_world->failure);
        }
        return m_world->readers;
    }
    core::Result<QList<ReaderState>> waitForChange(const QList<ReaderState>& known,
                                                   std::chrono::milliseconds timeout) override
    {
        std::unique_lock lock(m_world->mutex);
        m_world->changed.wait_for(lock, timeout,
                                  [&] { return m_world->cancelled || m_world->failure || m_world->readers != known; });
        m_world->cancelled = false;
        if (m_world->failure) {
            return core::fail(*m_world->failure);
        }
        return m_world->readers;
    }
    void cancelWait() override
    {
        m_world->update([](FakeWorld& w) { w.cancelled = true; });
    }
    core::Result<std::unique_ptr<CardConnection>> connect(const QString&) override
    {
        return core::fail(core::Errc::Unsupported);
    }

private:
    std::shared_ptr<FakeWorld> m_world;
};

// Lives on the main thread: the monitor's signals reach it queued, as they reach the GUI.
class Relay final : public QObject
{
    Q_OBJECT
Q_SIGNALS:
    void readersChanged(const QList<madoguchi::card::ReaderState>& readers);
    void cardInserted(const QString& reader);
    void cardRemoved(const QString& reader);
    void backendError(const madoguchi::core::Error& error);
    void jobDone(QThread* thread);
};

ReaderState reader(const QString& name, bool present, quint32 events)
{
    ReaderState state;
    state.name = name;
    state.cardPresent = present;
    state.eventCount = events;
    return state;
}

// Long slices: if post()/stop() did not wake the wait, the test would time out.
const CardMonitor::Timing SlowTiming{60s, 60s};

} // namespace

class TestCardMonitor final : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<FakeWorld> m_world;
    std::unique_ptr<CardMonitor> m_monitor;
    std::unique_ptr<Relay> m_relay;

    void startMonitor()
    {
        auto world = m_world;
        m_monitor = std::make_unique<CardMonitor>([world] { return std::make_unique<FakeBackend>(world); }, SlowTiming);
        m_relay = std::make_unique<Relay>();
        connect(m_monitor.get(), &CardMonitor::readersChanged, m_relay.get(), &Relay::readersChanged);
        connect(m_monitor.get(), &CardMonitor::cardInserted, m_relay.get(), &Relay::cardInserted);
        connect(m_monitor.get(), &CardMonitor::cardRemoved, m_relay.get(), &Relay::cardRemoved);
        connect(m_monitor.get(), &CardMonitor::backendError, m_relay.get(), &Relay::backendError);
        m_monitor->start();
    }

private Q_SLOTS:
    void init()
    {
        m_world = std::make_shared<FakeWorld>();
        m_world->readers = {reader(QStringLiteral("ソニー RC-S380 0"), false, 0)};
    }

    void cleanup()
    {
        m_monitor.reset();
        m_relay.reset();
    }

    void backendLivesOnTheCardThread()
    {
        startMonitor();
        QSignalSpy changed(m_relay.get(), &Relay::readersChanged);
        QVERIFY(changed.wait(5000));
        QCOMPARE(changed.at(0).at(0).value<QList<ReaderState>>().size(), 1);
        QVERIFY(m_world->createdOn != nullptr);
        QVERIFY(m_world->createdOn != QThread::currentThread());
        m_monitor->stop();
        QCOMPARE(m_world->destroyedOn, m_world->createdOn);
    }

    void insertAndRemove()
    {
        startMonitor();
        QSignalSpy changed(m_relay.get(), &Relay::readersChanged);
        QVERIFY(changed.wait(5000));
        QSignalSpy inserted(m_relay.get(), &Relay::cardInserted);
        QSignalSpy removed(m_relay.get(), &Relay::cardRemoved);

        m_world->update([](FakeWorld& w) { w.readers[0] = reader(w.readers[0].name, true, 1); });
        QVERIFY(inserted.wait(5000));
        QCOMPARE(inserted.at(0).at(0).toString(), QStringLiteral("ソニー RC-S380 0"));
        QCOMPARE(m_monitor->readers().at(0).cardPresent, true);

        m_world->update([](FakeWorld& w) { w.readers[0] = reader(w.readers[0].name, false, 2); });
        QVERIFY(removed.wait(5000));
        QCOMPARE(removed.at(0).at(0).toString(), QStringLiteral("ソニー RC-S380 0"));
        QCOMPARE(inserted.size(), 1);
    }

    void readerHotPlugAndSwap()
    {
        startMonitor();
        QSignalSpy changed(m_relay.get(), &Relay::readersChanged);
        QVERIFY(changed.wait(5000));
        QSignalSpy inserted(m_relay.get(), &Relay::cardInserted);
        QSignalSpy removed(m_relay.get(), &Relay::cardRemoved);
        m_world->update([](FakeWorld& w) { w.readers << reader(QStringLiteral("Second"), true, 1); });
        QVERIFY(inserted.wait(5000));
        QCOMPARE(changed.last().at(0).value<QList<ReaderState>>().size(), 2);
        // Card swapped between two looks: present both times, but the event counter moved.
        m_world->update([](FakeWorld& w) { w.readers[1] = reader(QStringLiteral("Second"), true, 3); });
        QVERIFY(removed.wait(5000));
        if (inserted.size() < 2) {
            QVERIFY(inserted.wait(5000));
        }
        QCOMPARE(inserted.size(), 2);
        // The reader unplugged with its card in it.
        m_world->update([](FakeWorld& w) { w.readers.removeLast(); });
        QVERIFY(removed.wait(5000));
        QCOMPARE(removed.size(), 2);
    }

    void postedJobsRunOnTheCardThreadAndWakeTheWait()
    {
        startMonitor();
        QSignalSpy changed(m_relay.get(), &Relay::readersChanged);
        QVERIFY(changed.wait(5000)); // now blocked in a 60 s waitForChange
        QSignalSpy done(m_relay.get(), &Relay::jobDone);
        Relay* relay = m_relay.get();
        m_monitor->post([relay](ReaderBackend& backend) {
            // No QCOMPARE here: this runs on the card thread. A wrong backend reports a null thread.
            QThread* thread = backend.backendName() == QStringLiteral("Fake") ? QThread::currentThread() : nullptr;
            QMetaObject::invokeMethod(relay, [relay, thread] { Q_EMIT relay->jobDone(thread); });
        });
        QVERIFY(done.wait(5000));
        auto* thread = done.at(0).at(0).value<QThread*>();
        QCOMPARE(thread, m_world->createdOn);
    }

    void backendErrorReportedOnceThenRecovers()
    {
        m_world->failure = core::Error{core::Errc::NoService, QStringLiteral("pcscd down"), 0x8010001D};
        startMonitor();
        QSignalSpy errors(m_relay.get(), &Relay::backendError);
        QVERIFY(errors.wait(5000));
        QCOMPARE(errors.at(0).at(0).value<core::Error>().code, core::Errc::NoService);
        QSignalSpy changed(m_relay.get(), &Relay::readersChanged);
        m_world->update([](FakeWorld& w) { w.failure.reset(); });
        m_monitor->post([](ReaderBackend&) {}); // cuts the 60 s retry pause short
        QVERIFY(changed.wait(5000));
        QCOMPARE(errors.size(), 1);
    }

    void destructorStopsPromptly()
    {
        startMonitor();
        QSignalSpy changed(m_relay.get(), &Relay::readersChanged);
        QVERIFY(changed.wait(5000));
        m_monitor->post([](ReaderBackend&) {});
        m_monitor.reset(); // blocked in a 60 s wait: cancelWait must end it
        QVERIFY(m_world->destroyedOn != nullptr);
    }

    void noBackend()
    {
        CardMonitor monitor([] { return std::unique_ptr<ReaderBackend>(); });
        Relay relay;
        connect(&monitor, &CardMonitor::backendError, &relay, &Relay::backendError);
        QSignalSpy errors(&relay, &Relay::backendError);
        monitor.start();
        QVERIFY(errors.wait(5000));
        QCOMPARE(errors.at(0).at(0).value<core::Error>().code, core::Errc::Internal);
    }
};

QTEST_GUILESS_MAIN(TestCardMonitor)
#include "TestCardMonitor.moc"
