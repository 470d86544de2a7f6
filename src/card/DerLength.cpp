#include "card/DerLength.h"

#include <QString>

namespace madoguchi::card {

namespace {

constexpr int MaxTagBytes = 4;

core::Error malformed(qsizetype offset, const QString& what)
{
    return core::Error{core::Errc::MalformedDer, QStringLiteral("offset %1: %2").arg(offset).arg(what), 0};
}

} // namespace

core::Result<DerHeader> DerLength::decode(QByteArrayView bytes)
{
    const auto at = [&bytes](qsizetype i) { return static_cast<quint8>(bytes[i]); };
    DerHeader header;
    qsizetype pos = 0;
    if (bytes.isEmpty()) {
        return core::fail(malformed(0, QStringLiteral("no bytes")));
    }
    header.tag = at(pos++);
    if ((header.tag & 0x1F) == 0x1F) {
        do {
            if (pos >= bytes.size() || pos >= MaxTagBytes) {
                return core::fail(malformed(pos, QStringLiteral("truncated or overlong tag")));
            }
            header.tag = (header.tag << 8) | at(pos);
        } while ((at(pos++) & 0x80) != 0);
    }
    if (pos >= bytes.size()) {
        return core::fail(malformed(pos, QStringLiteral("missing length")));
    }
    const quint8 first = at(pos++);
    if (first < 0x80) {
        header.contentLength = first;
    } else {
        const int count = first & 0x7F;
        if (count == 0) {
            return core::fail(malformed(pos - 1, QStringLiteral("indefinite length is not DER")));
        }
        if (count > MaxLengthBytes) {
            return core::fail(malformed(pos - 1, QStringLiteral("%1 length bytes").arg(count)));
        }
        if (pos + count > bytes.size()) {
            return core::fail(malformed(pos, QStringLiteral("truncated length")));
        }
        for (int i = 0; i < count; ++i) {
            header.contentLength = (header.contentLength << 8) | at(pos++);
        }
        // X.690 §10.1: the minimum number of length bytes.
        if (header.contentLength < 0x80 || (count > 1 && header.contentLength < (qint64{1} << (8 * (count - 1))))) {
            return core::fail(malformed(pos - count - 1, QStringLiteral("non-minimal length")));
        }
    }
    header.headerLength = static_cast<int>(pos);
    return header;
}

} // namespace madoguchi::card
