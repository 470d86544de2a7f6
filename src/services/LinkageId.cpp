#include "services/LinkageId.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <array>
#include <cstring>

namespace madoguchi::services {

QUuid LinkageId::create()
{
    std::array<quint8, 16> bytes{};
    const auto millis = static_cast<quint64>(QDateTime::currentMSecsSinceEpoch());
    for (int i = 0; i < 6; ++i) {
        bytes[static_cast<std::size_t>(i)] = static_cast<quint8>(millis >> (8 * (5 - i)));
    }
    std::array<quint32, 3> random{};
    QRandomGenerator::system()->fillRange(random.data(), random.size());
    std::memcpy(bytes.data() + 6, random.data(), 10);
    bytes[6] = static_cast<quint8>(0x70 | (bytes[6] & 0x0f)); // version 7
    bytes[8] = static_cast<quint8>(0x80 | (bytes[8] & 0x3f)); // variant 10 (RFC 9562 §4.1)
    return QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char*>(bytes.data()), 16));
}

} // namespace madoguchi::services
