#pragma once

#include "card/ReaderBackend.h"
#include "core/Error.h"

#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace madoguchi::card {

// The card thread (architecture.md §2): owns a ReaderBackend — created by `factory` on that thread, so
// the PC/SC context belongs to it — watches readers and cards with waitForChange(), and runs posted
// jobs there. Signals are emitted on the card thread and reach receivers in other threads queued, so
// the GUI thread never blocks on a card. Qt Core only.
class CardMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CardMonitor)

public:
    using BackendFactory = std::function<std::unique_ptr<ReaderBackend>()>;
    using Job = std::function<void(ReaderBackend&)>;

    struct Timing
    {
        // Longest single waitForChange(); post() and stop() cut it short through cancelWait().
        std::chrono::milliseconds waitSlice{2000};
        // Pause after a backend error (no pcscd, ...) before trying again; post() and stop() cut it short.
        std::chrono::milliseconds retryAfterError{1000};
    };

    explicit CardMonitor(BackendFactory factory, QObject* parent = nullptr);
    CardMonitor(BackendFactory factory, Timing timing, QObject* parent = nullptr);
    // Stops the card thread and waits for it (at most the current job).
    ~CardMonitor() override;

    void start();
    void stop();
    [[nodiscard]] bool isRunning() const;

    // Thread-safe, never blocks: `job` runs on the card thread with the backend, in posting order.
    // Jobs still queued at stop() are dropped. Results go back by the job's own queued call.
    void post(Job job);

    // The last reader list seen (thread-safe copy).
    [[nodiscard]] QList<ReaderState> readers() const;

Q_SIGNALS:
    void readersChanged(const QList<madoguchi::card::ReaderState>& readers);
    void cardInserted(const QString& reader);
    void cardRemoved(const QString& reader);
    void backendError(const madoguchi::core::Error& error);

private:
    void run();
    void loop(ReaderBackend& backend);
    void runJobs(ReaderBackend& backend);
    void publish(const QList<ReaderState>& before, const QList<ReaderState>& after);
    void reportError(const core::Error& error);
    // Waits up to `timeout` unless a job is posted or stop() is called; false when stopping.
    [[nodiscard]] bool pause(std::chrono::milliseconds timeout);
    [[nodiscard]] bool stopping() const;

    BackendFactory m_factory;
    Timing m_timing;
    // std::thread rather than QThread: join() is a happens-before edge that ThreadSanitizer sees
    // (Qt's own synchronisation is not instrumented, so QThread::wait() produced false reports).
    std::thread m_thread;

    mutable std::mutex m_mutex; // guards everything below
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    ReaderBackend* m_backend = nullptr; // set while the card thread owns one; for cancelWait()
    bool m_stopping = false;
    QList<ReaderState> m_readers;
    std::optional<core::Errc> m_lastError; // so a persisting error is reported once
};

} // namespace madoguchi::card
