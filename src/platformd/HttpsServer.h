#pragma once

#include "core/Result.h"
#include "platformd/HttpMessage.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace boost::asio {
class io_context;
}

namespace madoguchi::platformd {

struct HttpsServerOptions
{
    QString address = QStringLiteral("127.0.0.1");
    quint16 port = 0; // 0: any free port (tests)
    // I/O threads, each with its own event loop (size it to the cores); handlers that block (SQL
    // through the pool) run on `workerThreads` instead, so a slow batch never stalls a loop.
    int threads = 2;
    int workerThreads = 8;
    QByteArray certificatePem; // the server's certificate chain
    QByteArray privateKeyPem;
    QByteArray clientCaPem;        // the terminal CA: client certificates must chain to it
    qint64 maxBodyBytes = 1 << 20; // larger bodies → 413
    int idleTimeoutSeconds = 30;   // keep-alive connections idle longer are closed
    int shutdownGraceSeconds = 10; // in-flight requests get this long on stop()
};

// Runs on a worker thread and may block.
using RequestHandler = std::function<HttpResponse(const HttpRequest&)>;
// Answers a request; may be called from any thread, exactly once.
using Responder = std::function<void(HttpResponse)>;
// The I/O thread a connection lives on: asynchronous work started there (a PgPipeline) completes there.
struct IoThread
{
    int index = 0;
    boost::asio::io_context& context;
};
// Runs on the connection's I/O thread and must not block: takes the request and answers later
// through `respond` (returns true), or returns false to pass it to the blocking RequestHandler.
using AsyncRequestHandler = std::function<bool(HttpRequest& request, const IoThread& thread, Responder respond)>;
// Called once per connection after the TLS handshake, on a worker thread: a response here (e.g. 403 terminal revoked)
// answers every request on that connection, which is then closed.
using ConnectionGate = std::function<std::optional<HttpResponse>(const PeerIdentity&)>;

// HTTPS/1.1 with keep-alive and mutual TLS on Boost.Asio/Beast + OpenSSL (architecture.md §8).
// A client certificate is optional at the TLS layer (a terminal that registers has none yet) but,
// when sent, it must chain to clientCaPem and be within its validity, or the handshake fails.
// This is the only translation unit that includes Beast (toolchain.md "Build time").
class HttpsServer final
{
public:
    [[nodiscard]] static core::Result<std::unique_ptr<HttpsServer>> start(const HttpsServerOptions& options,
                                                                          RequestHandler handler,
                                                                          ConnectionGate gate = {},
                                                                          AsyncRequestHandler asyncHandler = {});
    ~HttpsServer();
    HttpsServer(const HttpsServer&) = delete;
    HttpsServer& operator=(const HttpsServer&) = delete;

    [[nodiscard]] quint16 port() const;
    [[nodiscard]] int ioThreads() const;
    // Graceful: stop accepting, let requests in flight finish, close idle connections, join threads.
    void stop();

private:
    struct Impl;
    explicit HttpsServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace madoguchi::platformd
