#pragma once

// A private Secret Service for the keychain integration test: its own D-Bus session bus
// (dbus-daemon) and a GNOME Keyring daemon with a fresh, unlocked "login" keyring in a temporary
// home, both started here and stopped by the destructor. Nothing of the user's session is touched;
// DBUS_SESSION_BUS_ADDRESS of THIS process points at the private bus afterwards.
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <memory>

namespace madoguchi::test {

class SecretServiceSession final
{
public:
    SecretServiceSession() = default;
    ~SecretServiceSession() { stop(); }
    SecretServiceSession(const SecretServiceSession&) = delete;
    SecretServiceSession& operator=(const SecretServiceSession&) = delete;

    // Empty on success, else why there is no Secret Service here (a tool missing, a start failure).
    [[nodiscard]] QString start()
    {
        for (const char* tool : {"dbus-daemon", "gnome-keyring-daemon", "gdbus"}) {
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty()) {
                return QStringLiteral("%1 is not installed").arg(QString::fromLatin1(tool));
            }
        }
        if (!m_home.isValid()) {
            return QStringLiteral("no temporary directory");
        }
        if (QString why = startBus(); !why.isEmpty()) {
            return why;
        }
        return startKeyring();
    }

    void stop()
    {
        for (auto* process : {m_keyring.get(), m_bus.get()}) {
            if (process != nullptr && process->state() != QProcess::NotRunning) {
                process->terminate();
                if (!process->waitForFinished(5000)) {
                    process->kill();
                    process->waitForFinished(5000);
                }
            }
        }
        m_keyring.reset();
        m_bus.reset();
    }

private:
    QString startBus()
    {
        m_bus = std::make_unique<QProcess>();
        m_bus->start(QStringLiteral("dbus-daemon"),
                     {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address=1"),
                      QStringLiteral("--address=unix:dir=%1").arg(m_home.path())});
        // The address line is the bus's "ready".
        if (!m_bus->waitForStarted(5000) || !m_bus->waitForReadyRead(10000)) {
            return QStringLiteral("dbus-daemon did not start: %1").arg(m_bus->errorString());
        }
        const QByteArray address = m_bus->readLine().trimmed();
        if (address.isEmpty()) {
            return QStringLiteral("dbus-daemon printed no address");
        }
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
        return {};
    }

    QString startKeyring()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("share")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.path());
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"));
        m_keyring = std::make_unique<QProcess>();
        m_keyring->setProcessEnvironment(env);
        // --unlock reads the login keyring's password from stdin and creates that keyring unlocked,
        // so no prompt (which would need a display) is ever shown.
        m_keyring->start(
            QStringLiteral("gnome-keyring-daemon"),
            {QStringLiteral("--foreground"), QStringLiteral("--unlock"), QStringLiteral("--components=secrets")});
        if (!m_keyring->waitForStarted(5000)) {
            return QStringLiteral("gnome-keyring-daemon did not start: %1").arg(m_keyring->errorString());
        }
        m_keyring->write("test keyring password");
        // Flushed before closing: without an event loop QProcess would keep it buffered, and the
        // daemon would wait for its password forever.
        m_keyring->waitForBytesWritten(5000);
        m_keyring->closeWriteChannel();
        // Ready when it owns org.freedesktop.secrets on our bus (gdbus waits on the bus, no polling).
        QProcess wait;
        wait.start(QStringLiteral("gdbus"),
                   {QStringLiteral("wait"), QStringLiteral("--session"), QStringLiteral("--timeout"),
                    QStringLiteral("20"), QStringLiteral("org.freedesktop.secrets")});
        if (!wait.waitForFinished(30000) || wait.exitCode() != 0) {
            return QStringLiteral("gnome-keyring-daemon did not register the Secret Service (%1, exit %2): %3 %4")
                .arg(m_keyring->state() == QProcess::Running ? QStringLiteral("running") : QStringLiteral("ended"))
                .arg(m_keyring->exitCode())
                .arg(QString::fromLocal8Bit(m_keyring->readAllStandardError()),
                     QString::fromLocal8Bit(wait.readAllStandardError()));
        }
        return {};
    }

    QTemporaryDir m_home;
    std::unique_ptr<QProcess> m_bus;
    std::unique_ptr<QProcess> m_keyring;
};

} // namespace madoguchi::test
