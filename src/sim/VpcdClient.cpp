#include "sim/VpcdClient.h"

#include "core/Logging.h"
#include "sim/JpkiCardSim.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace madoguchi::sim {

namespace {

// vpcd control codes (vsmartcard vpcd.h: VPCD_CTRL_OFF/ON/RESET/ATR).
constexpr char CtrlOff = 0;
constexpr char CtrlOn = 1;
constexpr char CtrlReset = 2;
constexpr char CtrlAtr = 4;

void setOption(int fd, int level, int name)
{
    const int on = 1;
    (void)setsockopt(fd, level, name, &on, sizeof on);
}

bool writeAll(int fd, const QByteArray& bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.constData() + done, static_cast<size_t>(bytes.size() - done), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        done += n;
    }
    return true;
}

} // namespace

VpcdClient::VpcdClient(JpkiCardSim& card, QString host, quint16 port, QObject* parent)
    : QObject(parent), m_card(card), m_host(std::move(host)), m_port(port)
{
    if (::pipe2(m_wakePipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        qCCritical(lcSim, "pipe2 failed: %s", std::strerror(errno));
    }
}

VpcdClient::~VpcdClient()
{
    stop();
    ::close(m_wakePipe[0]);
    ::close(m_wakePipe[1]);
}

void VpcdClient::start()
{
    if (m_thread.joinable()) {
        return;
    }
    char drain[64];
    while (::read(m_wakePipe[0], drain, sizeof drain) > 0) {
    }
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
}

void VpcdClient::stop()
{
    if (!m_thread.joinable()) {
        return;
    }
    m_stopping = true;
    const char wake = 1;
    if (::write(m_wakePipe[1], &wake, 1) != 1) {
        qCWarning(lcSim, "cannot wake the vpcd thread: %s", std::strerror(errno));
    }
    m_thread.join();
}

int VpcdClient::connectOnce(QString& why) const
{
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(m_port);
    if (::inet_pton(AF_INET, m_host.toLatin1().constData(), &addr.sin_addr) != 1) {
        why = QStringLiteral("not an IPv4 address: %1").arg(m_host);
        return -1;
    }
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || ::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
        why = QString::fromLocal8Bit(std::strerror(errno));
        if (fd >= 0) {
            ::close(fd);
        }
        return -1;
    }
    // toolchain.md "Latency trap": vpcd writes length and APDU separately; without NODELAY on our
    // side and QUICKACK before every read each APDU costs ~40 ms (Nagle + delayed ACK).
    setOption(fd, IPPROTO_TCP, TCP_NODELAY);
    return fd;
}

void VpcdClient::run()
{
    auto backoff = MinBackoff;
    while (!m_stopping) {
        QString why;
        const int fd = connectOnce(why);
        if (fd < 0) {
            emit connectFailed(why);
            // Wait on the wake pipe only: a stop() ends the backoff at once, nothing busy-loops.
            pollfd wake{m_wakePipe[0], POLLIN, 0};
            (void)::poll(&wake, 1, static_cast<int>(backoff.count()));
            backoff = std::min(backoff * 2, MaxBackoff);
            continue;
        }
        backoff = MinBackoff;
        m_card.reset(); // a freshly inserted card starts from power-on state
        m_connected = true;
        emit connected();
        serve(fd);
        ::close(fd);
        m_connected = false;
        emit disconnected();
    }
}

bool VpcdClient::waitReadable(int fd)
{
    pollfd fds[2] = {{fd, POLLIN, 0}, {m_wakePipe[0], POLLIN, 0}};
    while (!m_stopping) {
        const int n = ::poll(fds, 2, -1);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0 || (fds[1].revents & POLLIN)) {
            return false;
        }
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            return true;
        }
    }
    return false;
}

bool VpcdClient::readExact(int fd, char* buffer, std::size_t size)
{
    std::size_t done = 0;
    while (done < size) {
        if (!waitReadable(fd)) {
            return false;
        }
        // TCP_QUICKACK is cleared by the kernel after use: set it again before every read.
        setOption(fd, IPPROTO_TCP, TCP_QUICKACK);
        const ssize_t n = ::recv(fd, buffer + done, size - done, 0);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
            continue;
        }
        if (n <= 0) {
            return false; // 0: pcscd closed the channel
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

void VpcdClient::serve(int fd)
{
    for (;;) {
        unsigned char header[2];
        if (!readExact(fd, reinterpret_cast<char*>(header), 2)) {
            return;
        }
        QByteArray message((header[0] << 8) | header[1], '\0');
        if (!readExact(fd, message.data(), static_cast<std::size_t>(message.size())) || !handleMessage(fd, message)) {
            return;
        }
    }
}

bool VpcdClient::handleMessage(int fd, const QByteArray& message)
{
    QByteArray reply;
    if (message.size() == 1) {
        switch (message[0]) {
        case CtrlOff:
        case CtrlOn:
        case CtrlReset:
            m_card.reset(); // no reply to these (vpcd protocol)
            return true;
        case CtrlAtr:
            reply = m_card.atr();
            break;
        default:
            qCWarning(lcSim, "unknown vpcd control code %d", int(message[0]));
            return true;
        }
    } else if (!message.isEmpty()) {
        reply = m_card.process(message);
    } else {
        return true;
    }
    // Length and data in one send: two small writes would meet Nagle on pcscd's side.
    QByteArray frame;
    frame.reserve(reply.size() + 2);
    frame.append(static_cast<char>((reply.size() >> 8) & 0xFF));
    frame.append(static_cast<char>(reply.size() & 0xFF));
    frame.append(reply);
    return writeAll(fd, frame);
}

} // namespace madoguchi::sim
