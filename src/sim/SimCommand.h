#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <optional>

namespace madoguchi::sim {

// The card side's view of a C-APDU (ISO 7816-4 §5.1: cases 1–4, short and extended). Kept private to
// the simulator on purpose: the card layer has its own CommandApdu, and a simulator that shares the
// host's parser would hide the host's encoding bugs instead of exposing them.
// `data` is a view into the caller's buffer: it is only valid while that buffer is.
struct SimCommand
{
    quint8 cla = 0;
    quint8 ins = 0;
    quint8 p1 = 0;
    quint8 p2 = 0;
    QByteArrayView data;   // Lc bytes of command data (empty in cases 1 and 2)
    std::optional<int> ne; // expected response length Ne (Le 00 = 256, extended 0000 = 65536)
    bool extended = false; // encoded with extended length fields

    // The case 1–4 encodings of ISO 7816-4 §5.1; nullopt when the length fields do not add up.
    [[nodiscard]] static std::optional<SimCommand> parse(QByteArrayView raw);
};

} // namespace madoguchi::sim
