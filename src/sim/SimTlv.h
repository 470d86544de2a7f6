#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

namespace madoguchi::sim {

// BER-TLV encoding as the Text AP uses it (jpki-card.md §3): two-byte private-class tags (`DF xx`,
// `FF xx`) even for numbers below 31, lengths in short form, `81 xx` or `82 xx xx` (ISO 7816-4 §5.2).
class SimTlv final
{
public:
    [[nodiscard]] static QByteArray length(qsizetype size);
    [[nodiscard]] static QByteArray encode(quint16 tag, QByteArrayView value);
};

} // namespace madoguchi::sim
