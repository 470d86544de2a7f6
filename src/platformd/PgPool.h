#pragma once

#include "core/Result.h"
#include "platformd/PgConnection.h"

#include <QString>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace madoguchi::platformd {

class PgPool;

// A connection borrowed from the pool; returned on destruction (dropped if it broke).
class PgLease final
{
public:
    PgLease(PgPool* pool, std::unique_ptr<PgConnection> connection) : m_pool(pool), m_connection(std::move(connection))
    {}
    PgLease(PgLease&&) noexcept = default;
    PgLease& operator=(PgLease&&) noexcept = delete;
    ~PgLease();

    [[nodiscard]] PgConnection& operator*() const { return *m_connection; }
    [[nodiscard]] PgConnection* operator->() const { return m_connection.get(); }

private:
    PgPool* m_pool;
    std::unique_ptr<PgConnection> m_connection;
};

// A small pool: at most `size` connections, opened lazily; a broken connection is dropped and the
// next acquire() opens a new one, so the server keeps serving after PostgreSQL comes back.
class PgPool final
{
public:
    PgPool(QString conninfo, int size) : m_conninfo(std::move(conninfo)), m_size(size) {}

    // Blocks while all connections are lent out. Errc::NetworkFailure when PostgreSQL is down.
    [[nodiscard]] core::Result<PgLease> acquire();
    [[nodiscard]] const QString& conninfo() const { return m_conninfo; }

private:
    friend class PgLease;
    void release(std::unique_ptr<PgConnection> connection);

    QString m_conninfo;
    int m_size;
    int m_open = 0;
    std::mutex m_mutex;
    std::condition_variable m_available;
    std::vector<std::unique_ptr<PgConnection>> m_idle;
};

} // namespace madoguchi::platformd
