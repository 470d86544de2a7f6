#pragma once

#include "ScriptedConnection.h"

#include <QString>

// Building blocks for recorded JPKI exchanges (jpki-card.md §1–4), shared by the card tests.
namespace madoguchi::card::test {

inline const char* const SelectJpkiAp = "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01";
inline const char* const SelectTextAp = "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08";
inline const char* const RetryCounter = "00 20 00 80";
inline const char* const Ok = "90 00";

inline QByteArray selectEf(quint16 fid)
{
    QByteArray out = ScriptedConnection::hex("00 A4 02 0C 02");
    out.append(static_cast<char>(fid >> 8)).append(static_cast<char>(fid & 0xFF));
    return out;
}

inline QByteArray readBinary(int offset, int length)
{
    QByteArray out = ScriptedConnection::hex("00 B0");
    out.append(static_cast<char>(offset >> 8)).append(static_cast<char>(offset & 0xFF));
    out.append(static_cast<char>(length == 256 ? 0 : length));
    return out;
}

inline QByteArray readBinaryExtended(int offset, int length)
{
    QByteArray out = ScriptedConnection::hex("00 B0");
    out.append(static_cast<char>(offset >> 8)).append(static_cast<char>(offset & 0xFF));
    out.append('\0').append(static_cast<char>((length >> 8) & 0xFF)).append(static_cast<char>(length & 0xFF));
    return out;
}

inline QByteArray ok(const QByteArray& data = {})
{
    return data + ScriptedConnection::hex(Ok);
}

// A DER SEQUENCE of exactly `total` bytes (30 82 xx xx + content) followed by FF padding to `fileSize`.
inline QByteArray paddedDer(int total, int fileSize)
{
    QByteArray der = ScriptedConnection::hex("30 82");
    der.append(static_cast<char>((total - 4) >> 8)).append(static_cast<char>((total - 4) & 0xFF));
    for (int i = 4; i < total; ++i) {
        der.append(static_cast<char>((i * 7 + 3) & 0xFF));
    }
    return der + QByteArray(fileSize - total, '\xFF');
}

// Scripts the exact reads the driver must make for `file` holding an object of `total` bytes.
inline int expectObjectReads(ScriptedConnection& card, const QByteArray& file, int total, int probe = 8,
                             bool extended = false)
{
    card.expect(readBinary(0, probe), ok(file.first(probe)));
    int reads = 1;
    for (int offset = probe; offset < total; ++reads) {
        const int chunk = extended ? total - offset : std::min(256, total - offset);
        card.expect(extended ? readBinaryExtended(offset, chunk) : readBinary(offset, chunk),
                    ok(file.mid(offset, chunk)));
        offset += chunk;
    }
    return reads;
}

inline QByteArray verifyWith(const QByteArray& pin)
{
    QByteArray out = ScriptedConnection::hex(RetryCounter);
    out.append(static_cast<char>(pin.size()));
    return out + pin;
}

} // namespace madoguchi::card::test
