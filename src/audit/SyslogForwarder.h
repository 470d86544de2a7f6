#pragma once

#include "core/Result.h"

#include <QString>

#include <deque>
#include <memory>

namespace madoguchi::store {
class Database;
}

namespace madoguchi::audit {

// Forwards the audit log to a SIEM: RFC 5424 messages over TLS (RFC 5425), octet-counted.
//
// Delivery is AT-LEAST-ONCE, never exactly-once: TLS syslog has no application acknowledgement, a
// write that "succeeded" may still sit in either side's socket buffers (megabytes on loopback), and a
// receiver that dies loses what it had accepted but not yet written. So the log itself is the disk
// buffer (nothing is deleted); audit_forward.next_idx records how far writing got (checkpointed after
// each flushed batch); and after a failure the next connection rewinds to the newest point that had
// been written at least `settleMs` before the failure was noticed (or, failing that, to where this
// forwarder started) — whatever the receiver may have dropped is sent again. Every message carries
// seq = the entry index (and its leaf hash): the receiver drops duplicates by seq and sees any gap.
// The local log keeps everything whatever the receiver does.
class SyslogForwarder final
{
public:
    struct Options
    {
        QString sink = QStringLiteral("siem"); // key in audit_forward
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 6514;
        QString caFile;         // PEM the receiver's certificate must chain to
        QString clientCertFile; // optional mutual TLS
        QString clientKeyFile;
        qint64 settleMs = 10000; // how long a receiver may take to persist what it read
        int batch = 200;         // entries between checkpoints
    };

    explicit SyslogForwarder(Options options);
    ~SyslogForwarder();
    SyslogForwarder(const SyslogForwarder&) = delete;
    SyslogForwarder& operator=(const SyslogForwarder&) = delete;

    // Sends every entry from next_idx to the end of the log; returns how many were sent. On a
    // connection or TLS failure the error says so (Errc::NetworkFailure) and the next call resends.
    [[nodiscard]] core::Result<qint64> forwardPending(store::Database& db);
    // The first index not yet sent (0 for a new sink).
    [[nodiscard]] static core::Result<qint64> nextIndex(store::Database& db, const QString& sink);
    void disconnect();

private:
    [[nodiscard]] core::Result<void> connect();
    [[nodiscard]] core::Result<void> send(const QByteArray& bytes);

    struct Tls;
    Options m_options;
    std::unique_ptr<Tls> m_tls;
    void mark(qint64 index);
    void fail();

    std::deque<std::pair<qint64, qint64>> m_marks; // (ms since epoch, next index written by then)
    qint64 m_rewindTo = -1;                        // set by a failure, used by the next call
};

} // namespace madoguchi::audit
