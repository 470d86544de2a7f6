#include "platformd/PgPool.h"

namespace madoguchi::platformd {

PgLease::~PgLease()
{
    if (m_pool != nullptr && m_connection) {
        m_pool->release(std::move(m_connection));
    }
}

core::Result<PgLease> PgPool::acquire()
{
    std::unique_lock lock(m_mutex);
    m_available.wait(lock, [this] { return !m_idle.empty() || m_open < m_size; });
    while (!m_idle.empty()) {
        auto connection = std::move(m_idle.back());
        m_idle.pop_back();
        if (connection->checkAlive()) {
            return PgLease(this, std::move(connection));
        }
        --m_open; // died while idle (server restarted): drop it, try the next or open a new one
    }
    ++m_open;
    lock.unlock();
    auto opened = PgConnection::open(m_conninfo);
    if (!opened) {
        const std::lock_guard relock(m_mutex);
        --m_open;
        m_available.notify_one();
        return core::fail(opened.error());
    }
    return PgLease(this, std::move(*opened));
}

void PgPool::release(std::unique_ptr<PgConnection> connection)
{
    const std::lock_guard lock(m_mutex);
    if (connection->isBroken()) {
        --m_open; // dropped: the next acquire() reconnects
    } else {
        m_idle.push_back(std::move(connection));
    }
    m_available.notify_one();
}

} // namespace madoguchi::platformd
