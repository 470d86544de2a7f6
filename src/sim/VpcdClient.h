#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>

namespace madoguchi::sim {

class JpkiCardSim;

// Plugs a JpkiCardSim into pcscd through vsmartcard's vpcd driver (toolchain.md "The vpcd protocol").
// The card side is the TCP *client*: connecting inserts the card, closing removes it. Every message is
// a 2-byte big-endian length + data; a 1-byte message is a control code (0 off, 1 on, 2 reset, 4 ATR),
// a longer one a C-APDU answered by the R-APDU.
//
// Runs on its own thread with plain POSIX sockets (poll + a wake pipe, so stop() never waits for a
// timeout). When pcscd goes away it retries with exponential backoff. Signals are emitted from that
// thread; connect them with a context object (they arrive queued).
class VpcdClient final : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds MinBackoff{50};
    static constexpr std::chrono::milliseconds MaxBackoff{2000};

    // `card` must outlive the client.
    VpcdClient(JpkiCardSim& card, QString host, quint16 port, QObject* parent = nullptr);
    ~VpcdClient() override; // stop()
    Q_DISABLE_COPY_MOVE(VpcdClient)

    // Insert: connect (and keep reconnecting) until stop(). No-op when already started.
    void start();
    // Remove: close the connection and join the thread.
    void stop();
    [[nodiscard]] bool isStarted() const { return m_thread.joinable(); }
    [[nodiscard]] bool isConnected() const { return m_connected.load(); }

signals:
    void connected();                // the card is in pcscd's reader
    void disconnected();             // the connection closed (stop(), or pcscd went away)
    void connectFailed(QString why); // one failed attempt; a retry follows

private:
    void run();
    void serve(int fd);
    [[nodiscard]] bool handleMessage(int fd, const QByteArray& message);
    [[nodiscard]] bool waitReadable(int fd);
    [[nodiscard]] bool readExact(int fd, char* buffer, std::size_t size);
    [[nodiscard]] int connectOnce(QString& why) const;

    JpkiCardSim& m_card;
    const QString m_host;
    const quint16 m_port;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_connected{false};
    int m_wakePipe[2] = {-1, -1};
};

} // namespace madoguchi::sim
