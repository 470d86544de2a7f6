#include "sim/SimCommand.h"

namespace madoguchi::sim {

namespace {

int byteAt(QByteArrayView raw, qsizetype i)
{
    return static_cast<quint8>(raw[i]);
}

// Short form (ISO 7816-4 §5.1): body = [Lc data] [Le], each length one byte.
std::optional<SimCommand> parseShort(SimCommand cmd, QByteArrayView body)
{
    if (body.size() == 1) { // case 2S
        cmd.ne = byteAt(body, 0) == 0 ? 256 : byteAt(body, 0);
        return cmd;
    }
    const int lc = byteAt(body, 0);
    if (lc == 0) {
        return std::nullopt; // Lc = 00 is the extended marker, handled by the caller
    }
    if (body.size() == 1 + lc) { // case 3S
        cmd.data = body.sliced(1, lc);
        return cmd;
    }
    if (body.size() == 2 + lc) { // case 4S
        cmd.data = body.sliced(1, lc);
        const int le = byteAt(body, 1 + lc);
        cmd.ne = le == 0 ? 256 : le;
        return cmd;
    }
    return std::nullopt;
}

// Extended form (ISO 7816-4 §5.1): body starts with 00, then two-byte Lc and/or Le.
std::optional<SimCommand> parseExtended(SimCommand cmd, QByteArrayView body)
{
    cmd.extended = true;
    const auto twoBytes = [&](qsizetype i) { return (byteAt(body, i) << 8) | byteAt(body, i + 1); };
    if (body.size() == 3) { // case 2E
        const int le = twoBytes(1);
        cmd.ne = le == 0 ? 65536 : le;
        return cmd;
    }
    if (body.size() < 3) {
        return std::nullopt;
    }
    const int lc = twoBytes(1);
    if (lc == 0) {
        return std::nullopt;
    }
    if (body.size() == 3 + lc) { // case 3E
        cmd.data = body.sliced(3, lc);
        return cmd;
    }
    if (body.size() == 5 + lc) { // case 4E
        cmd.data = body.sliced(3, lc);
        const int le = twoBytes(3 + lc);
        cmd.ne = le == 0 ? 65536 : le;
        return cmd;
    }
    return std::nullopt;
}

} // namespace

std::optional<SimCommand> SimCommand::parse(QByteArrayView raw)
{
    if (raw.size() < 4) {
        return std::nullopt;
    }
    SimCommand cmd;
    cmd.cla = static_cast<quint8>(raw[0]);
    cmd.ins = static_cast<quint8>(raw[1]);
    cmd.p1 = static_cast<quint8>(raw[2]);
    cmd.p2 = static_cast<quint8>(raw[3]);
    const QByteArrayView body = raw.sliced(4);
    if (body.isEmpty()) { // case 1
        return cmd;
    }
    if (body.size() == 1 || byteAt(body, 0) != 0) {
        return parseShort(cmd, body);
    }
    return parseExtended(cmd, body);
}

} // namespace madoguchi::sim
