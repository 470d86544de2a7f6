#pragma once

#include <QByteArray>

#include <atomic>
#include <thread>

namespace madoguchi::tests {

// A card that is not a My Number Card, plugged into pcscd's vpcd reader: it answers every C-APDU
// with 6A 82 (ISO 7816-4 §5.6 "file or application not found"), so the JPKI SELECT fails as on any
// other card (jpki-card.md §1: detect by SELECT, not by ATR). Speaks the vpcd protocol of
// toolchain.md on a blocking socket in its own thread; stop() shuts the socket down (= removal).
class ForeignCard final
{
public:
    ForeignCard() = default;
    ~ForeignCard();
    ForeignCard(const ForeignCard&) = delete;
    ForeignCard& operator=(const ForeignCard&) = delete;

    // Connects once (the caller waits on the reader state for the card to appear).
    [[nodiscard]] bool insert(quint16 port);
    void stop();
    [[nodiscard]] int apduCount() const { return m_apdus.load(); }

private:
    void serve();

    int m_fd = -1;
    std::thread m_thread;
    std::atomic<int> m_apdus{0};
};

} // namespace madoguchi::tests
