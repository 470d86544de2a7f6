#include "sim/SimTlv.h"

namespace madoguchi::sim {

QByteArray SimTlv::length(qsizetype size)
{
    Q_ASSERT(size >= 0 && size <= 0xFFFF);
    QByteArray out;
    if (size < 0x80) {
        out.append(static_cast<char>(size));
    } else if (size <= 0xFF) {
        out.append(static_cast<char>(0x81));
        out.append(static_cast<char>(size));
    } else {
        out.append(static_cast<char>(0x82));
        out.append(static_cast<char>(size >> 8));
        out.append(static_cast<char>(size & 0xFF));
    }
    return out;
}

QByteArray SimTlv::encode(quint16 tag, QByteArrayView value)
{
    QByteArray out;
    out.append(static_cast<char>(tag >> 8));
    out.append(static_cast<char>(tag & 0xFF));
    out.append(length(value.size()));
    out.append(value);
    return out;
}

} // namespace madoguchi::sim
