#pragma once

#include "core/Clock.h"
#include "pki/RevocationStatus.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

#include <optional>

namespace madoguchi::pki {

// OCSP answers kept until their nextUpdate, keyed by the DER CertID (RFC 6960 §4.1.1), in memory
// and optionally on disk. Answers without nextUpdate are never cached: the responder says newer
// information is always available (RFC 6960 §4.2.2.1). The disk holds the raw signed response
// only; whoever reads it back must verify it again (everything but the nonce), so a tampered
// file never becomes an answer. Thread-safe: one cache serves every worker thread.
class OcspCache final
{
public:
    explicit OcspCache(const core::Clock& clock, QString diskDirectory = {});

    // A still-current verified answer from memory, marked fromCache.
    [[nodiscard]] std::optional<RevocationStatus> find(const QByteArray& certIdDer) const;
    // The raw response stored on disk for this CertID, if any (unverified: verify before use).
    [[nodiscard]] std::optional<QByteArray> findOnDisk(const QByteArray& certIdDer) const;
    // Keeps a verified answer (and its raw response, on disk) if it has a future nextUpdate.
    void store(const QByteArray& certIdDer, const RevocationStatus& status, const QByteArray& responseDer);
    // Drops an entry, e.g. a disk file that failed verification.
    void remove(const QByteArray& certIdDer);
    void clearMemory();
    [[nodiscard]] int memorySize() const;

private:
    [[nodiscard]] QString pathFor(const QByteArray& certIdDer) const;

    const core::Clock& m_clock;
    QString m_diskDirectory;
    mutable QMutex m_mutex;
    QHash<QByteArray, RevocationStatus> m_entries;
};

} // namespace madoguchi::pki
