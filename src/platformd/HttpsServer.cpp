#include "platformd/HttpsServer.h"

#include "core/Logging.h"
#include "platformd/TlsPeer.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <openssl/ssl.h>

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

// A transport-level refusal, before the API sees the request: same JSON error shape as the API's.
HttpResponse transportError(int status, const char* code, const char* message)
{
    HttpResponse response;
    response.status = status;
    response.body = QByteArrayLiteral("{\"error\":{\"code\":\"") + code + QByteArrayLiteral("\",\"message\":\"") +
                    message + QByteArrayLiteral("\"}}");
    response.closeConnection = true;
    return response;
}

bool isHttpParseError(const beast::error_code& ec)
{
    return &ec.category() == &http::make_error_code(http::error::bad_method).category();
}

class Session;

struct Shared
{
    HttpsServerOptions options;
    RequestHandler handler;
    ConnectionGate gate;
    std::atomic<bool> stopping{false};
    std::mutex mutex;
    std::condition_variable drained;
    std::map<Session*, std::weak_ptr<Session>> sessions;
};

class Session final : public std::enable_shared_from_this<Session>
{
public:
    Session(tcp::socket&& socket, ssl::context& context, std::shared_ptr<Shared> shared)
        : m_stream(std::move(socket), context), m_shared(std::move(shared))
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

    // On shutdown: a connection waiting for its next request is closed now; one inside a request
    // finishes it first (the response then carries Connection: close).
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
        if (m_shared->gate) {
            m_refusal = m_shared->gate(m_peer);
        }
        readRequest();
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
            return write(transportError(413, "body_too_large", "request body exceeds the limit"), false);
        }
        if (ec == http::error::header_limit) {
            return write(transportError(431, "headers_too_large", "request headers exceed the limit"), false);
        }
        if (ec && isHttpParseError(ec)) {
            return write(transportError(400, "bad_http", "malformed HTTP request"), false);
        }
        if (ec) {
            return; // timeout, reset, cancelled by shutdown
        }
        HttpResponse response = m_refusal ? *m_refusal : m_shared->handler(toRequest());
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

    void write(HttpResponse response, bool keepAlive)
    {
        auto message = std::make_shared<http::response<http::string_body>>();
        message->version(11);
        message->result(static_cast<unsigned>(response.status));
        message->set(http::field::server, "madoguchi-platformd");
        message->set(http::field::content_type, response.contentType.toStdString());
        for (const auto& [name, value] : response.headers) {
            message->set(name.toStdString(), value.toStdString());
        }
        message->body() = response.body.toStdString();
        message->keep_alive(keepAlive);
        message->prepare_payload();
        beast::get_lowest_layer(m_stream).expires_after(WriteTimeout);
        http::async_write(m_stream, *message,
                          [self = shared_from_this(), message, keepAlive](beast::error_code ec, std::size_t) {
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
    bool m_idle = false;
    bool m_drainAfterWrite = false;
};

} // namespace

struct HttpsServer::Impl
{
    explicit Impl(int threads) : ioc(threads), acceptor(net::make_strand(ioc)) {}

    net::io_context ioc;
    ssl::context context{ssl::context::tls_server};
    tcp::acceptor acceptor;
    std::shared_ptr<Shared> shared = std::make_shared<Shared>();
    std::vector<std::thread> threads;
    quint16 port = 0;
    bool stopped = false;

    void accept()
    {
        acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
            if (ec) {
                return; // closed by stop()
            }
            // Responses go out as header and body records: without TCP_NODELAY the second waits for
            // the client's delayed ACK (~40 ms on Linux).
            socket.set_option(tcp::no_delay(true), ec);
            std::make_shared<Session>(std::move(socket), context, shared)->run();
            accept();
        });
    }

    core::Result<void> configureTls(const HttpsServerOptions& options);
    core::Result<void> listen(const HttpsServerOptions& options);
};

core::Result<void> HttpsServer::Impl::configureTls(const HttpsServerOptions& options)
{
    try {
        // TLS 1.2+ only (no SSLv2/3, TLS 1.0/1.1).
        context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                            ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
        context.use_certificate_chain(net::buffer(options.certificatePem.constData(), options.certificatePem.size()));
        context.use_private_key(net::buffer(options.privateKeyPem.constData(), options.privateKeyPem.size()),
                                ssl::context::pem);
        context.add_certificate_authority(net::buffer(options.clientCaPem.constData(), options.clientCaPem.size()));
        // verify_peer without fail_if_no_peer_cert: a sent certificate must verify (chain to the terminal
        // CA, within validity); a missing one is left to the API, which only serves health and
        // registration without it.
        context.set_verify_mode(ssl::verify_peer);
        static const unsigned char sessionContext[] = "madoguchi-platformd";
        SSL_CTX_set_session_id_context(context.native_handle(), sessionContext, sizeof sessionContext - 1);
    } catch (const boost::system::system_error& e) {
        return core::fail(core::Errc::CryptoFailure,
                          QStringLiteral("TLS setup: %1").arg(QString::fromStdString(e.what())));
    }
    return {};
}

core::Result<void> HttpsServer::Impl::listen(const HttpsServerOptions& options)
{
    beast::error_code ec;
    const auto address = net::ip::make_address(options.address.toStdString(), ec);
    if (ec) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("listen address: %1").arg(options.address));
    }
    const tcp::endpoint endpoint(address, options.port);
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) {
        acceptor.set_option(net::socket_base::reuse_address(true), ec);
    }
    if (!ec) {
        acceptor.bind(endpoint, ec);
    }
    if (!ec) {
        acceptor.listen(net::socket_base::max_listen_connections, ec);
    }
    if (ec) {
        return core::fail(core::Errc::NetworkFailure, QStringLiteral("listen on %1:%2: %3")
                                                          .arg(options.address)
                                                          .arg(options.port)
                                                          .arg(QString::fromStdString(ec.message())));
    }
    port = acceptor.local_endpoint().port();
    return {};
}

core::Result<std::unique_ptr<HttpsServer>> HttpsServer::start(const HttpsServerOptions& options, RequestHandler handler,
                                                              ConnectionGate gate)
{
    auto impl = std::make_unique<Impl>(std::max(1, options.threads));
    impl->shared->options = options;
    impl->shared->handler = std::move(handler);
    impl->shared->gate = std::move(gate);
    if (auto ok = impl->configureTls(options); !ok) {
        return core::fail(ok.error());
    }
    if (auto ok = impl->listen(options); !ok) {
        return core::fail(ok.error());
    }
    impl->accept();
    for (int i = 0; i < std::max(1, options.threads); ++i) {
        impl->threads.emplace_back([ioc = &impl->ioc] { ioc->run(); });
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

void HttpsServer::stop()
{
    if (m_impl->stopped) {
        return;
    }
    m_impl->stopped = true;
    auto& shared = *m_impl->shared;
    shared.stopping = true;
    net::post(m_impl->acceptor.get_executor(), [this] { m_impl->acceptor.close(); });
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
    m_impl->ioc.stop();
    for (auto& thread : m_impl->threads) {
        thread.join();
    }
    qCInfo(lcPlatform) << "stopped";
}

} // namespace madoguchi::platformd
