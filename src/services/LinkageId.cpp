#include "services/LinkageId.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <array>
#include <cstring>

namespace madoguchi::services {

namespace {

// Random bits for UUIDs from the system generator, fetched 4 KiB at a time: one getrandom() per
// UUID cost ~4 % of a bulk import (perf, docs/storage.md "Measured"). Per thread: no locking.
class RandomPool final
{
public:
    void take(quint8* out, std::size_t count)
    {
        if (m_used + count > m_pool.size() * sizeof(quint32)) {
            QRandomGenerator::system()->fillRange(m_pool.data(), m_pool.size());
            m_used = 0;
        }
        std::memcpy(out, reinterpret_cast<const quint8*>(m_pool.data()) + m_used, count);
        std::memset(reinterpret_cast<quint8*>(m_pool.data()) + m_used, 0, count); // used bits do not linger
        m_used += count;
    }

private:
    std::array<quint32, 1024> m_pool{};
    std::size_t m_used = sizeof(m_pool);
};

} // namespace

QUuid LinkageId::create()
{
    thread_local RandomPool pool;
    std::array<quint8, 16> bytes{};
    const auto millis = static_cast<quint64>(QDateTime::currentMSecsSinceEpoch());
    for (int i = 0; i < 6; ++i) {
        bytes[static_cast<std::size_t>(i)] = static_cast<quint8>(millis >> (8 * (5 - i)));
    }
    pool.take(bytes.data() + 6, 10);
    bytes[6] = static_cast<quint8>(0x70 | (bytes[6] & 0x0f)); // version 7
    bytes[8] = static_cast<quint8>(0x80 | (bytes[8] & 0x3f)); // variant 10 (RFC 9562 §4.1)
    return QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char*>(bytes.data()), 16));
}

} // namespace madoguchi::services
