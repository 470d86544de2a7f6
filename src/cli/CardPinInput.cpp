#include "cli/CardPinInput.h"

#include <cstdio>

#include <termios.h>
#include <unistd.h>

namespace madoguchi::cli {

namespace {

// Restores the terminal's echo on every path out, also after an error.
class EchoOff final
{
public:
    explicit EchoOff(int fd) : m_fd(fd)
    {
        if (::tcgetattr(m_fd, &m_saved) == 0) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            quiet.c_lflag |= ECHONL;
            m_active = ::tcsetattr(m_fd, TCSAFLUSH, &quiet) == 0;
        }
    }
    ~EchoOff()
    {
        if (m_active) {
            ::tcsetattr(m_fd, TCSAFLUSH, &m_saved);
        }
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    int m_fd;
    termios m_saved{};
    bool m_active = false;
};

// One line from fd, byte by byte with read(2) (no stdio buffer keeps a copy); the one-byte buffer is
// wiped after each byte.
core::Result<core::SecureBytes> readLine(int fd)
{
    core::SecureBytes pin;
    bool sawAnything = false;
    bool tooLong = false;
    volatile char byte = 0;
    for (;;) {
        char c = 0;
        const ssize_t n = ::read(fd, &c, 1);
        byte = c;
        c = 0;
        if (n <= 0 || byte == '\n') {
            break;
        }
        sawAnything = true;
        if (byte == '\r') {
            continue;
        }
        if (pin.size() >= CardPinInput::MaxLength) {
            tooLong = true; // keep reading to the end of the line, keep nothing
            continue;
        }
        pin.append(static_cast<std::uint8_t>(byte));
    }
    byte = 0;
    if (tooLong) {
        return core::fail(core::Errc::PinFormat, QStringLiteral("PIN input longer than any JPKI PIN"));
    }
    if (!sawAnything) {
        return core::fail(core::Errc::Cancelled, QStringLiteral("no PIN given"));
    }
    return pin;
}

} // namespace

core::Result<core::SecureBytes> CardPinInput::read(const QString& prompt)
{
    if (::isatty(STDIN_FILENO) == 0) {
        return readLine(STDIN_FILENO);
    }
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    const EchoOff echoOff(STDIN_FILENO);
    return readLine(STDIN_FILENO);
}

} // namespace madoguchi::cli
