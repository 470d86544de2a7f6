#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>

namespace madoguchi::card {

// One BER-TLV data object (ISO 7816-4 §5.2 / X.690 §8.1). Constructed objects (tag bit 0x20 of the
// first byte, e.g. FF 20) have their children parsed; primitive ones (DF 22) keep their value.
struct TlvNode
{
    quint32 tag = 0; // all tag bytes big-endian: 0xFF20, 0xDF22, 0x30
    bool constructed = false;
    qsizetype offset = 0; // where the tag starts in the parsed buffer
    QByteArray value;
    QList<TlvNode> children;

    // The first direct child with `tag`, or nullptr.
    [[nodiscard]] const TlvNode* child(quint32 childTag) const;
};

// Header of one TLV: what DerLength is for DER, for the Text AP's BER (jpki-card.md §3).
struct TlvHeader
{
    quint32 tag = 0;
    bool constructed = false;
    int headerLength = 0; // tag + length bytes
    int valueLength = 0;

    [[nodiscard]] int totalLength() const { return headerLength + valueLength; }
};

// BER-TLV parser for the JPKI Text AP: two-byte private tags (DF xx, FF xx) even for tag numbers
// < 31, lengths in short form, 81 xx or 82 xx xx (jpki-card.md §3). Everything is bounds-checked;
// any malformed input gives Errc::MalformedTlv with the byte offset in the detail.
class Tlv final
{
public:
    Tlv() = delete;

    static constexpr int MaxDepth = 8;

    // All objects in `data`, back to back, nested objects parsed recursively.
    [[nodiscard]] static core::Result<QList<TlvNode>> parse(QByteArrayView data);
    // Just the header at the start of `data` (the value may be missing: used with a header probe).
    [[nodiscard]] static core::Result<TlvHeader> parseHeader(QByteArrayView data);

private:
    [[nodiscard]] static core::Result<TlvHeader> parseHeaderAt(QByteArrayView data, qsizetype base);
    [[nodiscard]] static core::Result<QList<TlvNode>> parseLevel(QByteArrayView data, qsizetype base, int depth);
};

} // namespace madoguchi::card
