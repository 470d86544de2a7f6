#include "platformd/HttpsServer.h"

#include "core/Logging.h"
#include "platformd/TlsPeer.h"
#include "platformd/TlsServerContext.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <pthread.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace madoguchi::platformd {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

namespace {

constexpr std::size_t HeaderLimit = 16 * 1024;
constexpr auto HandshakeTimeout = std::chrono::seconds(10);
constexpr auto WriteTimeout = std::chrono::seconds(30);

bool isHttpParseError(const beast::error_code& ec)
{
    return &ec.category() == &http::make_error_code(http::error::bad_method).category();
}

class Session;

struct Shared
{
    explicit Shared(int workers) : workers(static_cast<std::size_t>(workers)) {}
    HttpsServerOptions options;
    RequestHandler handler;
    ConnectionGate gate;
    AsyncRequestHandler asyncHandler;
    net::thread_pool workers; // blocking handlers and the connection gate
    std::atomic<bool> stopping{false};
    std::mutex mutex;
    std::condition_variable drained;
    std::map<Session*, std::weak_ptr<Session>> sessions;
};

class Session final : public std::enable_shared_from_this<Session>
{
public:
    Session(tcp::socket&& socket, ssl::context& context, std::shared_ptr<Shared> shared, IoThread thread)
        : m_stream(std::move(socket), context), m_shared(std::move(shared)), m_thread(thread)
    {}

    ~Session()
    {
        const std::lock_guard lock(m_shared->mutex);
        m_shared->sessions.erase(this);
        m_shared->drained.notify_all();
    }

    void run()
    {
        {
            const std::lock_guard lock(m_shared->mutex);
            m_shared->sessions.emplace(this, weak_from_this());
        }
        net::dispatch(m_stream.get_executor(), [self = shared_from_this()] { self->handshake(); });
    }

    // On shutdown: closes a connection waiting for its next request; one inside a request finishes it.
    void closeIfIdle()
    {
        net::post(m_stream.get_executor(), [self = shared_from_this()] {
            if (self->m_idle) {
                beast::get_lowest_layer(self->m_stream).cancel();
            }
        });
    }

private:
    void handshake()
    {
        beast::get_lowest_layer(m_stream).expires_after(HandshakeTimeout);
        m_stream.async_handshake(ssl::stream_base::server,
                                 [self = shared_from_this()](beast::error_code ec) { self->onHandshake(ec); });
    }

    void onHandshake(beast::error_code ec)
    {
        if (ec) {
            // Unknown CA, expired client certificate, plain HTTP: refused at the TLS layer.
            qCInfo(lcPlatform).noquote() << "tls handshake refused:" << QString::fromStdString(ec.message());
            return;
        }
        m_peer = TlsPeer::identity(m_stream.native_handle());
        if (!m_shared->gate) {
            return readRequest();
        }
        // The gate asks the database (blocking): on a worker, then back on this connection's thread.
        net::post(m_shared->workers, [self = shared_from_this()] {
            auto refusal = self->m_shared->gate(self->m_peer);
            net::post(self->m_stream.get_executor(), [self, refusal = std::move(refusal)]() mutable {
                self->m_refusal = std::move(refusal);
                self->readRequest();
            });
        });
    }

    void readRequest()
    {
        m_parser.emplace();
        m_parser->body_limit(static_cast<std::uint64_t>(m_shared->options.maxBodyBytes));
        m_parser->header_limit(HeaderLimit);
        m_idle = true;
        if (m_shared->stopping) {
            return shutdown();
        }
        beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(m_shared->options.idleTimeoutSeconds));
        http::async_read(m_stream, m_buffer, *m_parser,
                         [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onRead(ec); });
    }

    void onRead(beast::error_code ec)
    {
        m_idle = false;
        if (ec == http::error::end_of_stream) {
            return shutdown();
        }
        if (ec == http::error::body_limit) {
            // Answer, then read and drop the rest of the upload: closing with unread data would reset
            // the connection and the client would never see the 413.
            m_drainAfterWrite = true;
            return write(HttpResponse::transportError(413, "body_too_large", "request body exceeds the limit"), false);
        }
        if (ec == http::error::header_limit) {
            return write(HttpResponse::transportError(431, "headers_too_large", "request headers exceed the limit"),
                         false);
        }
        if (ec && isHttpParseError(ec)) {
            return write(HttpResponse::transportError(400, "bad_http", "malformed HTTP request"), false);
        }
        if (ec) {
            return; // timeout, reset, cancelled by shutdown
        }
        if (m_refusal) {
            return respond(*m_refusal);
        }
        HttpRequest request = toRequest();
        Responder responder = [self = shared_from_this()](HttpResponse response) {
            net::dispatch(self->m_stream.get_executor(),
                          [self, response = std::move(response)]() mutable { self->respond(std::move(response)); });
        };
        if (m_shared->asyncHandler && m_shared->asyncHandler(request, m_thread, responder)) {
            return;
        }
        net::post(m_shared->workers, [self = shared_from_this(), request = std::move(request), responder] {
            responder(self->m_shared->handler(request));
        });
    }

    void respond(HttpResponse response)
    {
        const bool keepAlive = m_parser->keep_alive() && !response.closeConnection && !m_refusal && !m_shared->stopping;
        write(std::move(response), keepAlive);
    }

    HttpRequest toRequest() const
    {
        const auto& message = m_parser->get();
        HttpRequest request;
        request.method =
            QByteArray(message.method_string().data(), static_cast<qsizetype>(message.method_string().size()));
        const QString target =
            QString::fromUtf8(message.target().data(), static_cast<qsizetype>(message.target().size()));
        const qsizetype question = target.indexOf(QLatin1Char('?'));
        request.path = question < 0 ? target : target.left(question);
        request.query = question < 0 ? QString() : target.mid(question + 1);
        for (const auto& field : message) {
            request.headers.append(
                {QByteArray(field.name_string().data(), static_cast<qsizetype>(field.name_string().size())).toLower(),
                 QByteArray(field.value().data(), static_cast<qsizetype>(field.value().size()))});
        }
        request.body = QByteArray(message.body().data(), static_cast<qsizetype>(message.body().size()));
        request.peer = m_peer;
        return request;
    }

    // One buffer (HttpResponse::wireText): one TLS record, one send(), no Beast serializer.
    void write(HttpResponse response, bool keepAlive)
    {
        auto text =
            std::make_shared<std::string>(response.wireText(keepAlive, m_parser && m_parser->get().version() == 10));
        beast::get_lowest_layer(m_stream).expires_after(WriteTimeout);
        net::async_write(m_stream, net::buffer(*text),
                         [self = shared_from_this(), text, keepAlive](beast::error_code ec, std::size_t) {
                             if (ec) {
                                 return;
                             }
                             if (self->m_drainAfterWrite) {
                                 return self->drain(0);
                             }
                             keepAlive ? self->readRequest() : self->shutdown();
                         });
    }

    void drain(std::size_t drained)
    {
        constexpr std::size_t DrainLimit = 256u << 20;
        beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(2));
        m_buffer.consume(m_buffer.size());
        m_stream.async_read_some(m_buffer.prepare(64 * 1024),
                                 [self = shared_from_this(), drained](beast::error_code ec, std::size_t n) {
                                     self->m_buffer.commit(n);
                                     if (ec || drained + n > DrainLimit) {
                                         return self->shutdown();
                                     }
                                     self->drain(drained + n);
                                 });
    }

    void shutdown()
    {
        beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(5));
        m_stream.async_shutdown([self = shared_from_this()](beast::error_code) {});
    }

    beast::ssl_stream<beast::tcp_stream> m_stream;
    std::shared_ptr<Shared> m_shared;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    PeerIdentity m_peer;
    std::optional<HttpResponse> m_refusal;
    IoThread m_thread;
    bool m_idle = false;
    bool m_drainAfterWrite = false;
};

} // namespace

struct HttpsServer::Impl
{
    // One event loop per I/O thread (no locking between them); connections are dealt round-robin.
    Impl(int threads, int workers) : shared(std::make_shared<Shared>(workers))
    {
        for (int i = 0; i < threads; ++i) {
            contexts.push_back(std::make_unique<net::io_context>(1));
        }
        acceptor.emplace(*contexts.front());
    }

    std::vector<std::unique_ptr<net::io_context>> contexts;
    ssl::context context{ssl::context::tls_server};
    std::optional<tcp::acceptor> acceptor;
    std::shared_ptr<Shared> shared;
    std::vector<std::thread> threads;
    std::size_t next = 0;
    quint16 port = 0;
    bool stopped = false;

    void accept()
    {
        const std::size_t index = next++ % contexts.size();
        net::io_context& io = *contexts[index];
        acceptor->async_accept(io, [this, index, &io](beast::error_code ec, tcp::socket socket) {
            if (ec) {
                return; // closed by stop()
            }
            // TCP_NODELAY: a response in two TLS records would wait for the delayed ACK (~40 ms).
            socket.set_option(tcp::no_delay(true), ec);
            std::make_shared<Session>(std::move(socket), context, shared, IoThread{static_cast<int>(index), io})->run();
            accept();
        });
    }

    core::Result<void> listen(const HttpsServerOptions& options);
};

core::Result<void> HttpsServer::Impl::listen(const HttpsServerOptions& options)
{
    beast::error_code ec;
    const auto address = net::ip::make_address(options.address.toStdString(), ec);
    if (ec) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("listen address: %1").arg(options.address));
    }
    const tcp::endpoint endpoint(address, options.port);
    acceptor->open(endpoint.protocol(), ec);
    if (!ec) {
        acceptor->set_option(net::socket_base::reuse_address(true), ec);
    }
    if (!ec) {
        acceptor->bind(endpoint, ec);
    }
    if (!ec) {
        acceptor->listen(net::socket_base::max_listen_connections, ec);
    }
    if (ec) {
        return core::fail(core::Errc::NetworkFailure, QStringLiteral("listen on %1:%2: %3")
                                                          .arg(options.address)
                                                          .arg(options.port)
                                                          .arg(QString::fromStdString(ec.message())));
    }
    port = acceptor->local_endpoint().port();
    return {};
}

core::Result<std::unique_ptr<HttpsServer>> HttpsServer::start(const HttpsServerOptions& options, RequestHandler handler,
                                                              ConnectionGate gate, AsyncRequestHandler asyncHandler)
{
    auto impl = std::make_unique<Impl>(std::max(1, options.threads), std::max(1, options.workerThreads));
    impl->shared->options = options;
    impl->shared->handler = std::move(handler);
    impl->shared->gate = std::move(gate);
    impl->shared->asyncHandler = std::move(asyncHandler);
    if (auto ok = TlsServerContext::configure(impl->context, options); !ok) {
        return core::fail(ok.error());
    }
    if (auto ok = impl->listen(options); !ok) {
        return core::fail(ok.error());
    }
    impl->accept();
    for (const auto& io : impl->contexts) {
        impl->threads.emplace_back([io = io.get()] {
            pthread_setname_np(pthread_self(), "platformd-io"); // for top -H and perf
            const auto work = net::make_work_guard(*io);        // idle until stop(), even with no connection
            io->run();
        });
    }
    qCInfo(lcPlatform) << "listening on port" << impl->port;
    return std::unique_ptr<HttpsServer>(new HttpsServer(std::move(impl)));
}

HttpsServer::HttpsServer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

HttpsServer::~HttpsServer()
{
    stop();
}

quint16 HttpsServer::port() const
{
    return m_impl->port;
}

int HttpsServer::ioThreads() const
{
    return static_cast<int>(m_impl->contexts.size());
}

void HttpsServer::stop()
{
    if (m_impl->stopped) {
        return;
    }
    m_impl->stopped = true;
    auto& shared = *m_impl->shared;
    shared.stopping = true;
    net::post(m_impl->acceptor->get_executor(), [this] { m_impl->acceptor->close(); });
    std::vector<std::shared_ptr<Session>> live;
    {
        const std::lock_guard lock(shared.mutex);
        for (auto& [raw, weak] : shared.sessions) {
            if (auto session = weak.lock()) {
                live.push_back(std::move(session));
            }
        }
    }
    for (const auto& session : live) {
        session->closeIfIdle();
    }
    live.clear(); // outside the lock: a last reference runs ~Session, which takes it
    std::unique_lock lock(shared.mutex);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(shared.options.shutdownGraceSeconds);
    shared.drained.wait_until(lock, deadline, [&shared] { return shared.sessions.empty(); });
    lock.unlock();
    for (const auto& io : m_impl->contexts) {
        io->stop();
    }
    for (auto& thread : m_impl->threads) {
        thread.join();
    }
    shared.workers.join();
    qCInfo(lcPlatform) << "stopped";
}

} // namespace madoguchi::platformd
