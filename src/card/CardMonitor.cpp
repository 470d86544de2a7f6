#include "card/CardMonitor.h"

#include "core/Logging.h"

#include <utility>

namespace madoguchi::card {

namespace {

const ReaderState* findReader(const QList<ReaderState>& readers, const QString& name)
{
    for (const auto& reader : readers) {
        if (reader.name == name) {
            return &reader;
        }
    }
    return nullptr;
}

} // namespace

CardMonitor::CardMonitor(BackendFactory factory, QObject* parent) : CardMonitor(std::move(factory), Timing{}, parent) {}

CardMonitor::CardMonitor(BackendFactory factory, Timing timing, QObject* parent)
    : QObject(parent), m_factory(std::move(factory)), m_timing(timing)
{
    qRegisterMetaType<ReaderState>();
    qRegisterMetaType<QList<ReaderState>>();
    qRegisterMetaType<core::Error>();
}

CardMonitor::~CardMonitor()
{
    stop();
}

void CardMonitor::start()
{
    if (m_thread.joinable()) {
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_stopping = false;
    }
    m_thread = std::thread([this] { run(); });
}

void CardMonitor::stop()
{
    if (!m_thread.joinable()) {
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_jobs.clear();
        if (m_backend) {
            m_backend->cancelWait();
        }
    }
    m_wake.notify_all();
    m_thread.join();
}

bool CardMonitor::isRunning() const
{
    return m_thread.joinable();
}

void CardMonitor::post(Job job)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) {
            return;
        }
        m_jobs.push_back(std::move(job));
        if (m_backend) {
            m_backend->cancelWait(); // thread-safe by the ReaderBackend contract
        }
    }
    m_wake.notify_all();
}

QList<ReaderState> CardMonitor::readers() const
{
    std::lock_guard lock(m_mutex);
    return m_readers;
}

bool CardMonitor::stopping() const
{
    std::lock_guard lock(m_mutex);
    return m_stopping;
}

bool CardMonitor::pause(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, timeout, [this] { return m_stopping || !m_jobs.empty(); });
    return !m_stopping;
}

void CardMonitor::run()
{
    std::unique_ptr<ReaderBackend> backend = m_factory ? m_factory() : nullptr; // made on the card thread
    if (!backend) {
        reportError(core::Error{core::Errc::Internal, QStringLiteral("no reader backend"), 0});
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_backend = backend.get();
    }
    qCInfo(lcCard).noquote() << "card thread up with backend" << backend->backendName();
    loop(*backend);
    {
        std::lock_guard lock(m_mutex);
        m_backend = nullptr;
    }
    backend.reset(); // released on the thread that created it
}

void CardMonitor::loop(ReaderBackend& backend)
{
    QList<ReaderState> known;
    bool first = true;
    while (!stopping()) {
        runJobs(backend);
        if (stopping()) {
            break;
        }
        auto current = first ? backend.readers() : backend.waitForChange(known, m_timing.waitSlice);
        if (!current) {
            reportError(current.error());
            static_cast<void>(pause(m_timing.retryAfterError));
            first = true; // after recovery, publish the list again even if it looks the same
            continue;
        }
        {
            std::lock_guard lock(m_mutex);
            m_lastError.reset();
        }
        if (first || *current != known) {
            publish(known, *current);
            known = *current;
        }
        first = false;
    }
}

void CardMonitor::runJobs(ReaderBackend& backend)
{
    for (;;) {
        Job job;
        {
            std::lock_guard lock(m_mutex);
            if (m_jobs.empty() || m_stopping) {
                return;
            }
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        job(backend);
    }
}

void CardMonitor::publish(const QList<ReaderState>& before, const QList<ReaderState>& after)
{
    {
        std::lock_guard lock(m_mutex);
        m_readers = after;
    }
    Q_EMIT readersChanged(after);
    for (const auto& old : before) {
        const ReaderState* now = findReader(after, old.name);
        // Removed, or swapped between two looks (the PC/SC event counter moved while present).
        if (old.cardPresent && (!now || !now->cardPresent || now->eventCount != old.eventCount)) {
            Q_EMIT cardRemoved(old.name);
        }
    }
    for (const auto& now : after) {
        const ReaderState* old = findReader(before, now.name);
        if (now.cardPresent && (!old || !old->cardPresent || old->eventCount != now.eventCount)) {
            Q_EMIT cardInserted(now.name);
        }
    }
}

void CardMonitor::reportError(const core::Error& error)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_lastError == error.code) {
            return;
        }
        m_lastError = error.code;
    }
    qCInfo(lcCard).noquote() << "reader backend:" << error.toString();
    Q_EMIT backendError(error);
}

} // namespace madoguchi::card
