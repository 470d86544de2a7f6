#include "card/Tlv.h"

namespace madoguchi::card {

namespace {

constexpr int MaxTagBytes = 3;

core::Error malformed(qsizetype offset, const QString& what)
{
    return core::Error{core::Errc::MalformedTlv, QStringLiteral("offset %1: %2").arg(offset).arg(what), 0};
}

quint8 byteAt(QByteArrayView data, qsizetype i)
{
    return static_cast<quint8>(data[i]);
}

} // namespace

const TlvNode* TlvNode::child(quint32 childTag) const
{
    for (const auto& node : children) {
        if (node.tag == childTag) {
            return &node;
        }
    }
    return nullptr;
}

core::Result<TlvHeader> Tlv::parseHeader(QByteArrayView data)
{
    return parseHeaderAt(data, 0);
}

core::Result<TlvHeader> Tlv::parseHeaderAt(QByteArrayView data, qsizetype base)
{
    TlvHeader header;
    qsizetype pos = 0;
    if (data.isEmpty()) {
        return core::fail(malformed(base, QStringLiteral("missing tag")));
    }
    const quint8 first = byteAt(data, pos++);
    header.tag = first;
    header.constructed = (first & 0x20) != 0;
    if ((first & 0x1F) == 0x1F) {
        // X.690 §8.1.2.4: subsequent tag bytes while b8 is set. JPKI uses DF xx / FF xx even for xx < 31.
        for (;;) {
            if (pos >= data.size()) {
                return core::fail(malformed(base + pos, QStringLiteral("truncated tag")));
            }
            if (pos >= MaxTagBytes) {
                return core::fail(malformed(base, QStringLiteral("tag longer than %1 bytes").arg(MaxTagBytes)));
            }
            const quint8 next = byteAt(data, pos++);
            header.tag = (header.tag << 8) | next;
            if ((next & 0x80) == 0) {
                break;
            }
        }
    }
    if (pos >= data.size()) {
        return core::fail(malformed(base + pos, QStringLiteral("missing length")));
    }
    const quint8 lengthByte = byteAt(data, pos++);
    if (lengthByte < 0x80) {
        header.valueLength = lengthByte;
    } else if (lengthByte == 0x81 || lengthByte == 0x82) {
        const int count = lengthByte & 0x7F;
        if (pos + count > data.size()) {
            return core::fail(malformed(base + pos, QStringLiteral("truncated length")));
        }
        for (int i = 0; i < count; ++i) {
            header.valueLength = (header.valueLength << 8) | byteAt(data, pos++);
        }
    } else {
        // 80 (indefinite) and 83+ never occur in the Text AP (jpki-card.md §3).
        return core::fail(
            malformed(base + pos - 1, QStringLiteral("unsupported length byte %1").arg(lengthByte, 2, 16)));
    }
    header.headerLength = static_cast<int>(pos);
    return header;
}

core::Result<QList<TlvNode>> Tlv::parse(QByteArrayView data)
{
    return parseLevel(data, 0, 0);
}

core::Result<QList<TlvNode>> Tlv::parseLevel(QByteArrayView data, qsizetype base, int depth)
{
    if (depth > MaxDepth) {
        return core::fail(malformed(base, QStringLiteral("nesting deeper than %1").arg(MaxDepth)));
    }
    QList<TlvNode> nodes;
    qsizetype pos = 0;
    while (pos < data.size()) {
        auto header = parseHeaderAt(data.sliced(pos), base + pos);
        if (!header) {
            return core::fail(header.error());
        }
        if (header->totalLength() > data.size() - pos) {
            return core::fail(malformed(base + pos, QStringLiteral("value of %1 bytes exceeds the %2 available")
                                                        .arg(header->valueLength)
                                                        .arg(data.size() - pos - header->headerLength)));
        }
        TlvNode node;
        node.tag = header->tag;
        node.constructed = header->constructed;
        node.offset = base + pos;
        const QByteArrayView value = data.sliced(pos + header->headerLength, header->valueLength);
        node.value = value.toByteArray();
        if (node.constructed) {
            auto children = parseLevel(value, base + pos + header->headerLength, depth + 1);
            if (!children) {
                return core::fail(children.error());
            }
            node.children = std::move(*children);
        }
        nodes.append(std::move(node));
        pos += header->totalLength();
    }
    return nodes;
}

} // namespace madoguchi::card
