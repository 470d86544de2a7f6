#include "platformd/PgPipeline.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>

#include <libpq-fe.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace madoguchi::platformd {

namespace net = boost::asio;

namespace {

core::Error lost()
{
    return core::Error{core::Errc::NetworkFailure, QStringLiteral("postgres connection lost"), 0};
}

// Same shape as PgConnection's errors: SQLSTATE first, then the message.
core::Error statementError(PGconn* connection, const PGresult* result)
{
    if (PQstatus(connection) != CONNECTION_OK) {
        return lost();
    }
    if (result != nullptr && PQresultStatus(result) == PGRES_PIPELINE_ABORTED) {
        return core::Error{core::Errc::StoreFailure, QStringLiteral("25P02 pipeline aborted by an earlier error"), 0};
    }
    const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    // Class 08 (connection exception) and 57P (the server is shutting down or the backend was
    // terminated) arrive as the statement's error just before the connection closes: the database
    // went away, not the statement (PostgreSQL docs, Appendix A).
    if (state != nullptr && (qstrncmp(state, "08", 2) == 0 || qstrncmp(state, "57P", 3) == 0)) {
        return lost();
    }
    const char* message = result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(connection);
    return core::Error{core::Errc::StoreFailure,
                       QStringLiteral("%1 %2").arg(QString::fromLatin1(state != nullptr ? state : "?????"),
                                                   QString::fromUtf8(message).trimmed()),
                       0};
}

bool succeeded(const PGresult* result)
{
    const ExecStatusType status = PQresultStatus(result);
    return status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK;
}

} // namespace

struct PgPipeline::State : std::enable_shared_from_this<State>
{
    enum class Kind
    {
        Query,
        Prepare,
        Sync
    };
    struct Pending
    {
        Kind kind = Kind::Query;
        Callback done;
        const char* sql = nullptr; // Prepare: forgotten again if preparing fails
        PGresult* result = nullptr;
        std::optional<core::Error> cause; // Query: why its Prepare failed (it then reads "aborted")
    };

    State(net::io_context& context, QString info) : io(context), socket(context), conninfo(std::move(info)) {}
    ~State() { disconnect(); }

    net::io_context& io;
    net::posix::stream_descriptor socket;
    QString conninfo;
    PGconn* connection = nullptr;
    unsigned generation = 0; // a wait armed for an earlier connection is ignored
    std::deque<Pending> pending;
    std::unordered_map<const char*, std::string> prepared;
    bool reading = false;
    bool writing = false;
    bool corked = false;

    bool connect();
    void disconnect();
    void send(const char* sql, const QList<PgParam>& params, Callback done);
    void failAll(const core::Error& error);
    void cork();
    void flush();
    void armRead();
    void armWrite();
    void onReadable();
    void drain();
    void complete(Pending& head);
};

bool PgPipeline::State::connect()
{
    connection = PQconnectdb(conninfo.toUtf8().constData());
    if (PQstatus(connection) != CONNECTION_OK || PQsetnonblocking(connection, 1) != 0 ||
        PQenterPipelineMode(connection) != 1) {
        PQfinish(connection);
        connection = nullptr;
        return false;
    }
    boost::system::error_code ec;
    socket.assign(PQsocket(connection), ec);
    if (ec) {
        PQfinish(connection);
        connection = nullptr;
        return false;
    }
    ++generation;
    armRead();
    return true;
}

void PgPipeline::State::disconnect()
{
    if (connection == nullptr) {
        return;
    }
    (void)socket.release(); // deregisters and cancels the waits; libpq closes the descriptor
    PQfinish(connection);
    connection = nullptr;
    prepared.clear();
    reading = writing = corked = false;
    ++generation;
}

// Everything in flight fails with `error` (each callback posted, never run inside exec()); the
// connection is dropped so that the next statement opens a fresh one.
void PgPipeline::State::failAll(const core::Error& error)
{
    std::deque<Pending> failed;
    failed.swap(pending);
    disconnect();
    for (Pending& item : failed) {
        if (item.result != nullptr) {
            PQclear(item.result);
        }
        if (item.done) {
            net::post(io, [done = std::move(item.done), error] { done(tl::unexpected(error)); });
        }
    }
}

void PgPipeline::State::send(const char* sql, const QList<PgParam>& params, Callback done)
{
    const bool idle = pending.empty();
    if (connection != nullptr && idle && (PQconsumeInput(connection) == 0 || PQstatus(connection) != CONNECTION_OK)) {
        disconnect(); // died while idle (server restarted): reconnect below, nothing was lost
    }
    if (connection == nullptr && !connect()) {
        net::post(io, [done = std::move(done)] { done(tl::unexpected(lost())); });
        return;
    }
    cork();
    const int count = static_cast<int>(params.size());
    auto name = prepared.find(sql);
    if (name == prepared.end()) {
        name = prepared.emplace(sql, "p" + std::to_string(prepared.size())).first;
        if (PQsendPrepare(connection, name->second.c_str(), sql, count, nullptr) != 1) {
            pending.push_back({Kind::Query, std::move(done), nullptr, nullptr, {}});
            return failAll(lost());
        }
        pending.push_back({Kind::Prepare, {}, sql, nullptr, {}});
    }
    std::vector<const char*> values;
    std::vector<int> lengths;
    values.reserve(static_cast<std::size_t>(count));
    lengths.reserve(static_cast<std::size_t>(count));
    for (const auto& param : params) {
        values.push_back(param ? param->constData() : nullptr);
        lengths.push_back(param ? static_cast<int>(param->size()) : 0);
    }
    const bool sent =
        PQsendQueryPrepared(connection, name->second.c_str(), count, values.data(), lengths.data(), nullptr, 0) == 1;
    pending.push_back({Kind::Query, std::move(done), nullptr, nullptr, {}});
    if (!sent || PQpipelineSync(connection) != 1) {
        return failAll(lost());
    }
    pending.push_back({Kind::Sync, {}, nullptr, nullptr, {}});
    flush();
}

// libpq 15's PQpipelineSync() flushes, one send() per statement. The statements a thread submits in
// one pass of its event loop leave as one TCP segment: the socket is corked until that pass is over
// (tcp(7) TCP_CORK), so PostgreSQL wakes once and reads them together.
void PgPipeline::State::cork()
{
    if (corked) {
        return;
    }
    int on = 1;
    if (setsockopt(PQsocket(connection), IPPROTO_TCP, TCP_CORK, &on, sizeof on) != 0) {
        return;
    }
    corked = true;
    net::post(io, [self = shared_from_this(), generation = generation] {
        if (generation != self->generation || !self->corked) {
            return;
        }
        int off = 0;
        (void)setsockopt(PQsocket(self->connection), IPPROTO_TCP, TCP_CORK, &off, sizeof off);
        self->corked = false;
    });
}

void PgPipeline::State::flush()
{
    const int result = PQflush(connection);
    if (result < 0) {
        return failAll(lost());
    }
    if (result == 1) {
        armWrite();
    }
}

void PgPipeline::State::armRead()
{
    if (reading || connection == nullptr) {
        return;
    }
    reading = true;
    socket.async_wait(net::posix::stream_descriptor::wait_read,
                      [self = shared_from_this(), generation = generation](const boost::system::error_code& ec) {
                          if (generation != self->generation) {
                              return;
                          }
                          self->reading = false;
                          if (!ec) {
                              self->onReadable();
                          }
                      });
}

// PostgreSQL docs §34.4: in non-blocking mode, wait until writable and flush again (reading what
// arrives meanwhile, so neither side blocks on a full buffer).
void PgPipeline::State::armWrite()
{
    if (writing || connection == nullptr) {
        return;
    }
    writing = true;
    socket.async_wait(net::posix::stream_descriptor::wait_write,
                      [self = shared_from_this(), generation = generation](const boost::system::error_code& ec) {
                          if (generation != self->generation) {
                              return;
                          }
                          self->writing = false;
                          if (!ec) {
                              self->flush();
                          }
                      });
}

void PgPipeline::State::onReadable()
{
    if (PQconsumeInput(connection) != 1 || PQstatus(connection) != CONNECTION_OK) {
        return failAll(lost()); // also an idle connection whose server went away
    }
    drain();
    if (connection != nullptr && PQstatus(connection) != CONNECTION_OK) {
        return failAll(lost());
    }
    armRead();
}

// Results arrive in the order sent: a statement's results end with a null result, a Sync with
// PGRES_PIPELINE_SYNC.
void PgPipeline::State::drain()
{
    while (connection != nullptr && !pending.empty() && PQisBusy(connection) == 0) {
        PGresult* result = PQgetResult(connection);
        Pending& head = pending.front();
        if (head.kind == Kind::Sync) {
            if (result == nullptr) {
                return; // the Sync's result has not arrived yet
            }
            PQclear(result);
            pending.pop_front();
            continue;
        }
        if (result != nullptr) {
            if (head.result == nullptr || succeeded(head.result)) {
                if (head.result != nullptr) {
                    PQclear(head.result);
                }
                head.result = result; // the last result, or the first error
            } else {
                PQclear(result);
            }
            continue;
        }
        Pending done = std::move(head);
        pending.pop_front();
        complete(done);
    }
}

void PgPipeline::State::complete(Pending& item)
{
    PgResult owner(item.result);
    const bool ok = item.result != nullptr && succeeded(item.result);
    if (item.kind == Kind::Prepare) {
        if (!ok) {
            prepared.erase(item.sql);
            if (!pending.empty()) {
                pending.front().cause = statementError(connection, item.result); // its statement
            }
        }
        return;
    }
    if (ok) {
        item.done(std::move(owner));
    } else {
        item.done(tl::unexpected(item.cause ? *item.cause : statementError(connection, item.result)));
    }
}

PgPipeline::PgPipeline(boost::asio::io_context& io, QString conninfo)
    : m_state(std::make_shared<State>(io, std::move(conninfo)))
{}

PgPipeline::~PgPipeline()
{
    m_state->failAll(lost());
}

void PgPipeline::exec(const char* sql, const QList<PgParam>& params, Callback done)
{
    m_state->send(sql, params, std::move(done));
}

int PgPipeline::inFlight() const
{
    int count = 0;
    for (const auto& item : m_state->pending) {
        count += item.kind == State::Kind::Query ? 1 : 0;
    }
    return count;
}

} // namespace madoguchi::platformd
