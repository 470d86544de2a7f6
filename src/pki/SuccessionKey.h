#pragma once

#include <QByteArray>
#include <QHashFunctions>
#include <QString>

namespace madoguchi::pki {

// A certificate as the serial-succession table sees it: (issuer key identifier, serial), the
// card-identity key of architecture.md §3 — the serial alone repeats across CA generations.
// Both are raw bytes; the serial is the unsigned big-endian magnitude without leading zero bytes
// (normalizedSerial), so "00AB" from a DER INTEGER and "AB" from a list name the same certificate.
struct SuccessionKey
{
    QByteArray issuerKeyId;
    QByteArray serial;

    [[nodiscard]] static QByteArray normalizedSerial(const QByteArray& serial)
    {
        qsizetype start = 0;
        while (start < serial.size() - 1 && serial.at(start) == '\0') {
            ++start;
        }
        return serial.mid(start);
    }
    // "issuer-key-id-hex/serial-hex", upper case: for logs and messages (no personal data).
    [[nodiscard]] QString toString() const
    {
        return QString::fromLatin1(issuerKeyId.toHex().toUpper() + '/' + serial.toHex().toUpper());
    }
    friend bool operator==(const SuccessionKey&, const SuccessionKey&) = default;
};

inline size_t qHash(const SuccessionKey& key, size_t seed = 0) noexcept
{
    return qHashMulti(seed, key.issuerKeyId, key.serial);
}

} // namespace madoguchi::pki
