#include "LoadGenerator.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace madoguchi::bench {

namespace {

using Clock = std::chrono::steady_clock;

SSL_CTX* makeContext(const LoadOptions& o)
{
    SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
    BIO* certBio = BIO_new_mem_buf(o.certPem.constData(), static_cast<int>(o.certPem.size()));
    BIO* keyBio = BIO_new_mem_buf(o.keyPem.constData(), static_cast<int>(o.keyPem.size()));
    BIO* caBio = BIO_new_mem_buf(o.caPem.constData(), static_cast<int>(o.caPem.size()));
    X509* cert = PEM_read_bio_X509(certBio, nullptr, nullptr, nullptr);
    EVP_PKEY* key = PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr);
    X509* ca = PEM_read_bio_X509(caBio, nullptr, nullptr, nullptr);
    SSL_CTX_use_certificate(ctx, cert);
    SSL_CTX_use_PrivateKey(ctx, key);
    X509_STORE_add_cert(SSL_CTX_get_cert_store(ctx), ca);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
    X509_free(cert);
    EVP_PKEY_free(key);
    X509_free(ca);
    BIO_free(certBio);
    BIO_free(keyBio);
    BIO_free(caBio);
    return ctx;
}

struct Connection
{
    int fd = -1;
    SSL* ssl = nullptr;
    QByteArray buffer;

    bool open(SSL_CTX* ctx, quint16 port)
    {
        fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
            return false;
        }
        ssl = SSL_new(ctx);
        SSL_set_fd(ssl, fd);
        return SSL_connect(ssl) == 1;
    }
    ~Connection()
    {
        if (ssl != nullptr) {
            SSL_shutdown(ssl);
            SSL_free(ssl);
        }
        if (fd >= 0) {
            ::close(fd);
        }
    }

    // Sends one request and reads one response; returns the status (0: I/O error).
    int exchange(const QByteArray& request)
    {
        if (SSL_write(ssl, request.constData(), static_cast<int>(request.size())) <= 0) {
            return 0;
        }
        qsizetype headerEnd = -1;
        qsizetype contentLength = 0;
        char chunk[16384];
        while (true) {
            if (headerEnd < 0 && (headerEnd = buffer.indexOf("\r\n\r\n")) >= 0) {
                const QByteArray headers = buffer.left(headerEnd).toLower();
                const qsizetype at = headers.indexOf("content-length:");
                contentLength =
                    at < 0 ? 0 : headers.mid(at + 15, headers.indexOf('\r', at) - at - 15).trimmed().toLongLong();
            }
            if (headerEnd >= 0 && buffer.size() >= headerEnd + 4 + contentLength) {
                const int status = buffer.mid(9, 3).toInt();
                buffer.remove(0, headerEnd + 4 + contentLength);
                return status;
            }
            const int n = SSL_read(ssl, chunk, sizeof chunk);
            if (n <= 0) {
                return 0;
            }
            buffer.append(chunk, n);
        }
    }
};

} // namespace

LoadResult runLoad(const LoadOptions& options, const RequestFactory& factory)
{
    SSL_CTX* ctx = makeContext(options);
    std::atomic<qint64> next{0};
    std::atomic<qint64> failures{0};
    std::mutex mutex;
    std::vector<double> latencies;
    const auto start = Clock::now();
    const auto deadline = start + std::chrono::duration<double>(options.seconds);
    std::vector<std::thread> threads;
    for (int c = 0; c < options.connections; ++c) {
        threads.emplace_back([&] {
            Connection connection;
            if (!connection.open(ctx, options.port)) {
                ++failures;
                return;
            }
            std::vector<double> mine;
            QByteArray method, path, body;
            while (Clock::now() < deadline) {
                const qint64 index = next++;
                if (options.maxRequests > 0 && index >= options.maxRequests) {
                    break;
                }
                factory(index, method, path, body);
                const QByteArray request = method + ' ' + path +
                                           " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                           "Content-Length: " +
                                           QByteArray::number(body.size()) + "\r\n\r\n" + body;
                const auto t0 = Clock::now();
                const int status = connection.exchange(request);
                mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
                if (status < 200 || status >= 300) {
                    ++failures;
                    if (status == 0) {
                        break;
                    }
                }
            }
            const std::lock_guard lock(mutex);
            latencies.insert(latencies.end(), mine.begin(), mine.end());
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    LoadResult result;
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    result.requests = static_cast<qint64>(latencies.size());
    result.failures = failures;
    std::sort(latencies.begin(), latencies.end());
    if (!latencies.empty()) {
        result.p50Ms = latencies[latencies.size() / 2];
        result.p99Ms = latencies[std::min(latencies.size() - 1, latencies.size() * 99 / 100)];
    }
    SSL_CTX_free(ctx);
    return result;
}

} // namespace madoguchi::bench
