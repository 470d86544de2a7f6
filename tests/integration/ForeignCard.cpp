#include "ForeignCard.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace madoguchi::tests {

namespace {

// A plausible contact-card ATR (ISO 7816-3 §8: TS 3B, T0 with no interface bytes, 1 historical byte).
const QByteArray Atr = QByteArray::fromHex("3B0100");

bool readExact(int fd, char* data, std::size_t size)
{
    while (size > 0) {
        // toolchain.md latency trap: ask for a quick ACK before every read.
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
        const ssize_t n = ::recv(fd, data, size, 0);
        if (n <= 0) {
            return false;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

bool sendMessage(int fd, const QByteArray& message)
{
    QByteArray framed;
    framed.append(static_cast<char>((message.size() >> 8) & 0xFF));
    framed.append(static_cast<char>(message.size() & 0xFF));
    framed.append(message);
    return ::send(fd, framed.constData(), static_cast<std::size_t>(framed.size()), MSG_NOSIGNAL) == framed.size();
}

} // namespace

ForeignCard::~ForeignCard()
{
    stop();
}

bool ForeignCard::insert(quint16 port)
{
    m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (m_fd < 0 || ::connect(m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        stop();
        return false;
    }
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    m_thread = std::thread([this] { serve(); });
    return true;
}

void ForeignCard::serve()
{
    for (;;) {
        unsigned char header[2];
        if (!readExact(m_fd, reinterpret_cast<char*>(header), 2)) {
            return;
        }
        QByteArray message((header[0] << 8) | header[1], Qt::Uninitialized);
        if (!readExact(m_fd, message.data(), static_cast<std::size_t>(message.size()))) {
            return;
        }
        if (message.size() == 1) {
            // Control codes: 0 off, 1 on, 2 reset (no reply), 4 get ATR.
            if (message.at(0) == 4 && !sendMessage(m_fd, Atr)) {
                return;
            }
            continue;
        }
        ++m_apdus;
        if (!sendMessage(m_fd, QByteArray::fromHex("6A82"))) {
            return;
        }
    }
}

void ForeignCard::stop()
{
    if (m_fd >= 0) {
        ::shutdown(m_fd, SHUT_RDWR); // wakes the blocking recv
    }
    if (m_thread.joinable()) {
        m_thread.join();
    }
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

} // namespace madoguchi::tests
