#pragma once

#include "core/Result.h"
#include "platformd/PgConnection.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace boost::asio {
class io_context;
}

namespace madoguchi::platformd {

// One PostgreSQL connection in libpq pipeline mode, driven by an I/O thread's io_context
// (PostgreSQL docs §34.5 "Pipeline Mode"): the statements of all requests that thread is serving are
// sent without waiting for each other's round trip, and their results come back in order. Each
// statement is followed by its own Sync, so each runs in its own implicit transaction, exactly as
// one `pgbench` transaction does; only the waiting is shared. Prepared once per SQL text (in the
// pipeline, before its first use).
//
// Not thread-safe: create, exec() and destroy on the thread that runs the io_context; callbacks run
// there too, never inside exec(). A lost connection fails every statement in flight with
// Errc::NetworkFailure (the API answers 503 database_unavailable); the next exec() reconnects.
class PgPipeline final
{
public:
    using Callback = std::function<void(core::Result<PgResult>)>;

    PgPipeline(boost::asio::io_context& io, QString conninfo);
    ~PgPipeline();
    PgPipeline(const PgPipeline&) = delete;
    PgPipeline& operator=(const PgPipeline&) = delete;

    // `sql` must outlive the pipeline (a literal): it keys the prepared statement.
    void exec(const char* sql, const QList<PgParam>& params, Callback done);
    [[nodiscard]] int inFlight() const;

private:
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace madoguchi::platformd
