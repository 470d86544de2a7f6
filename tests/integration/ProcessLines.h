#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>

namespace madoguchi::tests {

// Waits, on the process's own output events (no sleeps), until a line containing `needle` appears
// on stdout or stderr. Lines seen are kept so a later wait can find an earlier line too.
class ProcessLines final
{
public:
    explicit ProcessLines(QProcess& process) : m_process(process) {}

    [[nodiscard]] bool waitFor(const QByteArray& needle, int timeoutMs = 10000);
    [[nodiscard]] const QByteArray& seen() const { return m_seen; }
    void forget() { m_seen.clear(); }

private:
    QProcess& m_process;
    QByteArray m_seen;
};

} // namespace madoguchi::tests
