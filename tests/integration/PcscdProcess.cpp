#include "PcscdProcess.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <signal.h>

namespace madoguchi::tests {

namespace {

const QString PidFile = QStringLiteral("/run/pcscd/pcscd.pid");
const QString CommSocket = QStringLiteral("/run/pcscd/pcscd.comm");

bool processAlive(qint64 pid)
{
    return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == 0;
}

} // namespace

PcscdProcess::PcscdProcess(quint16 vpcdPort) : m_port(vpcdPort) {}

PcscdProcess::~PcscdProcess()
{
    stop();
}

bool PcscdProcess::otherPcscdRunning()
{
    QFile pidFile(PidFile);
    if (!pidFile.open(QIODevice::ReadOnly)) {
        return false;
    }
    return processAlive(pidFile.readAll().trimmed().toLongLong());
}

void PcscdProcess::removeStaleFiles()
{
    QFile::remove(PidFile);
    QFile::remove(CommSocket);
}

QString PcscdProcess::start()
{
    const QString binary = QStandardPaths::findExecutable(QStringLiteral("pcscd"), {QStringLiteral("/usr/sbin")});
    if (binary.isEmpty()) {
        return QStringLiteral("pcscd is not installed");
    }
    if (otherPcscdRunning()) {
        return QStringLiteral("another pcscd is running; stop it to run the integration tests");
    }
    removeStaleFiles();
    QFile config(m_configDir.filePath(QStringLiteral("madoguchi-vpcd")));
    if (!config.open(QIODevice::WriteOnly)) {
        return QStringLiteral("cannot write the reader configuration");
    }
    config.write(QStringLiteral("FRIENDLYNAME \"Madoguchi Test Reader\"\nDEVICENAME /dev/null:%1\n"
                                "LIBPATH /usr/lib/pcsc/drivers/serial/libifdvpcd.so\nCHANNELID %1\n")
                     .arg(m_port)
                     .toUtf8());
    config.close();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // pcscd says "daemon ready" only with --debug, and --debug then logs every APDU. Nobody reads our
    // end of the pipe while a test blocks in SCardGetStatusChange, so a full pipe (64 KiB, ~300 APDUs)
    // would stop pcscd in write(2). Hence: pcscd is exec'd (our QProcess *is* pcscd, so kill() hits
    // it) with its output through a filter that passes the ready line on and drains the rest.
    const QString drain = QStringLiteral("exec \"$0\" --foreground --debug -c \"$1\" "
                                         "> >(grep --line-buffered -m1 'daemon ready'; exec cat >/dev/null 2>&1) 2>&1");
    m_process->start(QStringLiteral("/bin/bash"), {QStringLiteral("-c"), drain, binary, m_configDir.path()});
    ProcessLines lines(*m_process);
    if (!lines.waitFor("daemon ready", 15000)) {
        const QString output = QString::fromUtf8(lines.seen().right(2000));
        stop();
        return QStringLiteral("pcscd did not become ready: ") + output;
    }
    return {};
}

void PcscdProcess::stop()
{
    if (!m_process) {
        return;
    }
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate(); // SIGTERM: pcscd cleans /run/pcscd itself
        if (!m_process->waitForFinished(10000)) {
            kill();
        }
    }
    m_process.reset();
}

void PcscdProcess::kill()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
    m_process.reset();
    removeStaleFiles();
}

} // namespace madoguchi::tests
