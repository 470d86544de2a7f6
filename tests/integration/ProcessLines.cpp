#include "ProcessLines.h"

#include <QDeadlineTimer>

namespace madoguchi::tests {

bool ProcessLines::waitFor(const QByteArray& needle, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        m_seen += m_process.readAllStandardOutput();
        if (m_process.processChannelMode() != QProcess::MergedChannels) {
            m_seen += m_process.readAllStandardError();
        }
        if (m_seen.contains(needle)) {
            return true;
        }
        if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning) {
            return false;
        }
        m_process.waitForReadyRead(static_cast<int>(deadline.remainingTime()));
    }
}

} // namespace madoguchi::tests
