#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace madoguchi::bench {

struct LoadResult
{
    qint64 requests = 0;
    qint64 failures = 0; // non-2xx or I/O errors
    double seconds = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    [[nodiscard]] double throughput() const { return seconds > 0 ? static_cast<double>(requests) / seconds : 0; }
};

struct LoadOptions
{
    quint16 port = 0;
    QByteArray certPem; // client certificate (mutual TLS)
    QByteArray keyPem;
    QByteArray caPem;
    int connections = 16; // fixed concurrency: one thread per keep-alive connection
    double seconds = 10;
    qint64 maxRequests = 0; // 0: no limit
};

// One request: method, path, body. Called concurrently with the request's global index.
using RequestFactory = std::function<void(qint64 index, QByteArray& method, QByteArray& path, QByteArray& body)>;

// A closed-loop load generator over OpenSSL with client certificates (wrk cannot present one):
// `connections` threads, each a keep-alive HTTP/1.1 connection sending the next request as soon
// as the previous answer is read. Latency per request → p50/p99.
[[nodiscard]] LoadResult runLoad(const LoadOptions& options, const RequestFactory& factory);

} // namespace madoguchi::bench
