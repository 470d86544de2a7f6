#pragma once

#include "core/Result.h"

#include <QByteArrayView>

namespace madoguchi::card {

struct DerHeader
{
    quint32 tag = 0;      // tag bytes big-endian (0x30 for a certificate)
    int headerLength = 0; // tag + length bytes
    qint64 contentLength = 0;

    [[nodiscard]] qint64 totalLength() const { return headerLength + contentLength; }
};

// The header of a DER object from its first bytes (X.690 §8.1.2–8.1.3, §10.1): how many bytes the
// whole object takes. Used on the 8-byte header probe of a padded certificate EF (jpki-card.md §4).
class DerLength final
{
public:
    DerLength() = delete;

    static constexpr int MaxLengthBytes = 4;

    // Errc::MalformedDer for indefinite length, more than 4 length bytes, non-minimal length,
    // or too few bytes to see the whole header.
    [[nodiscard]] static core::Result<DerHeader> decode(QByteArrayView firstBytes);
};

} // namespace madoguchi::card
