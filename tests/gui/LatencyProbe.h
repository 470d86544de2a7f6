#pragma once

// An event-loop latency probe (issue 6 "Measure"): a 5 ms timer that records how late each tick is;
// the longest lateness is the longest UI-thread stall seen while it ran.
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace madoguchi::test {

class LatencyProbe final : public QObject
{
public:
    explicit LatencyProbe(int intervalMs = 5) : m_interval(intervalMs)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(intervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this]() {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 late = now - m_last - qint64(m_interval) * 1000000;
            m_worstNs = std::max(m_worstNs, late);
            m_last = now;
            ++m_ticks;
        });
    }

    void start()
    {
        m_clock.start();
        m_last = 0;
        m_worstNs = 0;
        m_ticks = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    [[nodiscard]] double worstMs() const { return double(m_worstNs) / 1e6; }
    [[nodiscard]] int ticks() const { return m_ticks; }

private:
    int m_interval;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worstNs = 0;
    int m_ticks = 0;
};

} // namespace madoguchi::test
