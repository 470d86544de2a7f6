#include "audit/SyslogForwarder.h"

#include "audit/AuditEntry.h"
#include "audit/SyslogMessage.h"
#include "core/Logging.h"
#include "store/Database.h"

#include <QDateTime>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#ifndef _WIN32
#include <csignal>
#endif

namespace madoguchi::audit {

namespace {

QString sslErrors()
{
    QStringList parts;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        parts << QString::fromLatin1(buffer);
    }
    return parts.join(QStringLiteral("; "));
}

core::Error networkError(const QString& what)
{
    return core::Error{core::Errc::NetworkFailure, what + QStringLiteral(": ") + sslErrors()};
}

} // namespace

struct SyslogForwarder::Tls
{
    SSL_CTX* ctx = nullptr;
    BIO* bio = nullptr;
    ~Tls()
    {
        BIO_free_all(bio);
        SSL_CTX_free(ctx);
    }
};

SyslogForwarder::SyslogForwarder(Options options) : m_options(std::move(options))
{
#ifndef _WIN32
    // A receiver that vanishes must surface as a write error, not kill the process with SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);
#endif
}

SyslogForwarder::~SyslogForwarder() = default;

void SyslogForwarder::disconnect()
{
    m_tls.reset();
}

core::Result<void> SyslogForwarder::connect()
{
    auto tls = std::make_unique<Tls>();
    tls->ctx = SSL_CTX_new(TLS_client_method());
    if (tls->ctx == nullptr) {
        return core::fail(networkError(QStringLiteral("TLS context")));
    }
    // RFC 5425 §5: the receiver is authenticated by its certificate; TLS 1.2 at least.
    SSL_CTX_set_min_proto_version(tls->ctx, TLS1_2_VERSION);
    SSL_CTX_set_verify(tls->ctx, SSL_VERIFY_PEER, nullptr);
    if (SSL_CTX_load_verify_locations(tls->ctx, m_options.caFile.toLocal8Bit().constData(), nullptr) != 1) {
        return core::fail(networkError(QStringLiteral("cannot load the receiver CA %1").arg(m_options.caFile)));
    }
    if (!m_options.clientCertFile.isEmpty() &&
        (SSL_CTX_use_certificate_chain_file(tls->ctx, m_options.clientCertFile.toLocal8Bit().constData()) != 1 ||
         SSL_CTX_use_PrivateKey_file(tls->ctx, m_options.clientKeyFile.toLocal8Bit().constData(), SSL_FILETYPE_PEM) !=
             1)) {
        return core::fail(networkError(QStringLiteral("cannot load the client certificate")));
    }
    tls->bio = BIO_new_ssl_connect(tls->ctx);
    SSL* ssl = nullptr;
    BIO_get_ssl(tls->bio, &ssl);
    const QByteArray host = m_options.host.toLatin1();
    X509_VERIFY_PARAM* param = SSL_get0_param(ssl);
    if (X509_VERIFY_PARAM_set1_ip_asc(param, host.constData()) != 1) {
        (void)X509_VERIFY_PARAM_set1_host(param, host.constData(), 0);
        (void)SSL_set_tlsext_host_name(ssl, host.constData());
    }
    const QByteArray target = host + ':' + QByteArray::number(m_options.port);
    BIO_set_conn_hostname(tls->bio, target.constData());
    if (BIO_do_connect(tls->bio) <= 0 || BIO_do_handshake(tls->bio) <= 0) {
        return core::fail(networkError(
            QStringLiteral("syslog receiver %1 unreachable or refused TLS").arg(QString::fromLatin1(target))));
    }
    m_tls = std::move(tls);
    qCInfo(lcAudit) << "connected to syslog receiver" << target;
    return {};
}

core::Result<void> SyslogForwarder::send(const QByteArray& bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const int n = BIO_write(m_tls->bio, bytes.constData() + done, static_cast<int>(bytes.size() - done));
        if (n <= 0 && !BIO_should_retry(m_tls->bio)) {
            return core::fail(networkError(QStringLiteral("syslog receiver went away")));
        }
        done += std::max(n, 0);
    }
    return {};
}

core::Result<qint64> SyslogForwarder::nextIndex(store::Database& db, const QString& sink)
{
    auto select = db.prepare("SELECT next_idx FROM audit_forward WHERE sink = ?");
    if (!select) {
        return core::fail(select.error());
    }
    select->bind(1, sink);
    auto row = select->step();
    if (!row) {
        return core::fail(row.error());
    }
    return *row ? select->columnInt64(0) : 0;
}

void SyslogForwarder::mark(qint64 index)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_marks.emplace_back(now, index);
    // Keep one mark older than the settle time (the rewind target) and everything newer.
    while (m_marks.size() > 1 && m_marks[1].first <= now - m_options.settleMs) {
        m_marks.pop_front();
    }
}

void SyslogForwarder::fail()
{
    disconnect();
    const qint64 settled = QDateTime::currentMSecsSinceEpoch() - m_options.settleMs;
    qint64 target = m_marks.empty() ? 0 : m_marks.front().second;
    for (const auto& [at, index] : m_marks) {
        if (at <= settled) {
            target = index;
        }
    }
    m_rewindTo = m_rewindTo < 0 ? target : std::min(m_rewindTo, target);
}

core::Result<qint64> SyslogForwarder::forwardPending(store::Database& db)
{
    auto next = nextIndex(db, m_options.sink);
    if (!next) {
        return next;
    }
    if (m_marks.empty()) {
        mark(*next); // where this forwarder started: the rewind floor until time has passed
    }
    if (!m_tls) {
        if (auto connected = connect(); !connected) {
            fail();
            return core::fail(connected.error());
        }
    }
    qint64 from = m_rewindTo >= 0 ? std::min(m_rewindTo, *next) : *next;
    m_rewindTo = -1;
    auto select = db.prepare("SELECT idx, body, leaf_hash FROM audit_entry WHERE idx >= ? ORDER BY idx LIMIT ?");
    auto checkpoint = db.prepare("INSERT OR REPLACE INTO audit_forward(sink, next_idx) VALUES (?, ?)");
    if (!select || !checkpoint) {
        return core::fail(!select ? select.error() : checkpoint.error());
    }
    qint64 sent = 0;
    while (true) {
        select->reset();
        select->bind(1, from).bind(2, m_options.batch);
        int rows = 0;
        while (select->step().value_or(false)) {
            auto entry = AuditEntry::fromCanonical(select->columnBlob(1));
            if (!entry) {
                return core::fail(entry.error());
            }
            const QByteArray frame = SyslogMessage::frame(SyslogMessage::format(*entry, select->columnBlob(2).toHex()));
            if (auto written = send(frame); !written) {
                fail();
                return core::fail(written.error());
            }
            from = entry->index + 1;
            ++rows;
        }
        if (rows == 0) {
            return sent;
        }
        // Checkpoint only after the batch was written and flushed into the connection.
        if (BIO_flush(m_tls->bio) <= 0) {
            fail();
            return core::fail(networkError(QStringLiteral("syslog receiver went away")));
        }
        sent += rows;
        checkpoint->bind(1, m_options.sink).bind(2, std::max(from, *next));
        if (auto saved = checkpoint->run(); !saved) {
            return core::fail(saved.error());
        }
        mark(from);
    }
}

} // namespace madoguchi::audit
