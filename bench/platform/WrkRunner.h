#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace madoguchi::bench {

struct WrkResult
{
    double rps = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    qint64 errors = -1; // HTTP statuses > 399; -1: wrk did not report
};

struct WrkOptions
{
    quint16 port = 0;
    QByteArray certPem; // the terminal's client certificate (mutual TLS)
    QByteArray keyPem;
    QString workDirectory; // where the PEM files for the shim are written
    int connections = 16;
    // wrk threads: one per connection by default, so that wrk gets the CPU share our generator (a
    // thread per connection) gets on a loaded machine; with -t2 its latency measured its own waits.
    int threads = 16;
    double seconds = 8;
};

// `wrk -t<threads> -c<connections> -d<seconds>s -s bench/platform/wrk/<script> https://127.0.0.1:<port> -- <args>`,
// keep-alive (wrk's default), with the client certificate through the LD_PRELOAD shim
// (WrkClientCertificate.cpp); the script's done() prints the numbers parsed here.
[[nodiscard]] WrkResult runWrk(const WrkOptions& options, const char* script, const QStringList& scriptArgs);

} // namespace madoguchi::bench
