#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>

#include <list>
#include <memory>
#include <mutex>
#include <optional>

struct evp_pkey_st;
struct evp_pkey_ctx_st;

namespace madoguchi::platformd {

// What card verification concluded about one auth certificate, apart from the per-request parts
// (the challenge signature and the revocation events, which are read from the database every time).
struct CertificateVerdict
{
    QString outcome;                  // "valid", or the core::Errc name of the validation failure
    QString cardId;                   // CardIdentity text; empty when the certificate does not parse
    std::shared_ptr<evp_pkey_st> key; // the auth public key, decoded once (valid verdicts only)
    QDateTime expires;                // UTC: never beyond the certificate's (or anchor's) validity
    // RSA PKCS#1 v1.5 SHA-256 verification already initialised for `key`, duplicated per request:
    // OpenSSL 3.0 looks the algorithms up by name on every initialisation (valid verdicts only).
    std::shared_ptr<evp_pkey_ctx_st> verifier;
};

// A bounded LRU of verdicts keyed by SHA-256 of the certificate DER, shared by the server threads.
// Why: chain, validity and policy checks cost ~0.7 ms per request in OpenSSL 3.0's decoders
// (docs/scaling.md) while a card logs in with the same certificate again and again; what remains per
// request is one RSA verification. Entries expire at `expires` (the caller caps it by a lifetime).
class CertificateVerdictCache final
{
public:
    explicit CertificateVerdictCache(qsizetype capacity) : m_capacity(std::max<qsizetype>(capacity, 1)) {}

    [[nodiscard]] std::optional<CertificateVerdict> find(const QByteArray& certSha256, const QDateTime& now);
    void insert(const QByteArray& certSha256, CertificateVerdict verdict);
    [[nodiscard]] qsizetype size() const;

private:
    using Entry = std::pair<QByteArray, CertificateVerdict>;
    const qsizetype m_capacity;
    mutable std::mutex m_mutex;
    std::list<Entry> m_order; // most recently used first
    QHash<QByteArray, std::list<Entry>::iterator> m_index;
};

} // namespace madoguchi::platformd
