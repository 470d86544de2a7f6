#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "pki/CrlIndex.h"
#include "pki/CrlInfo.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

class QFile;

namespace madoguchi::pki {

class CrlIssuer;

// CPU time of each thread of the last load() in milliseconds (CLOCK_THREAD_CPUTIME_ID), for the benchmark:
// the load is only as fast as its busier thread.
struct CrlLoadProfile
{
    double walkMs = 0;         // loading thread: walk + staging into the index
    double hashMs = 0;         // hashing thread: the TBS digest
    double settleLoaderMs = 0; // loading thread's share of settling the index
    double settleHasherMs = 0; // hashing thread's share
    double finishMs = 0;       // loading thread: last settling step + signature check
};

// One CRL, memory-mapped, signature-checked, indexed (performance.md §1, issue 3 item 4). The file is
// never turned into an OpenSSL X509_CRL: a streaming walk feeds the index while a second thread hashes
// the TBS bytes for the signature check, then both settle the index, so loading costs about one SHA-256
// pass over the file. An index is only kept (saveIndex) for a CRL whose signature verified.
class Crl final
{
public:
    Crl();
    ~Crl();
    Crl(Crl&&) noexcept;
    Crl& operator=(Crl&&) noexcept;

    // Parses, checks the issuer (key identifier + DN) and the signature, and builds the index.
    [[nodiscard]] static core::Result<Crl> load(const QString& path, const CrlIssuer& issuer, const core::Clock& clock);
    // Same, on bytes already in memory (tests, fuzzing): `data` must outlive the Crl.
    [[nodiscard]] static core::Result<Crl> fromMemory(const uchar* data, qint64 size, const CrlIssuer* issuer,
                                                      const core::Clock& clock);
    // Opens a CRL through the index saved by saveIndex(), without re-walking its entries or re-checking
    // its signature. Trade-off: the CRL file is recognised by size + modification time recorded at import
    // (re-hashing it would cost what a full load costs); the index itself is checksummed in full.
    [[nodiscard]] static core::Result<Crl> reopen(const QString& crlPath, const QString& indexPath);
    [[nodiscard]] core::Result<void> saveIndex(const QString& indexPath) const;

    [[nodiscard]] const CrlInfo& info() const { return m_info; }
    // SHA-256 over the file with the TBS replaced by its digest: it identifies every byte of the file
    // (the DER framing fixes where the TBS starts and ends) yet costs no second pass over the TBS.
    [[nodiscard]] const QByteArray& contentId() const { return m_contentId; }
    [[nodiscard]] qint64 fileSize() const { return m_size; }
    [[nodiscard]] qint64 indexBytes() const { return m_index.memoryBytes(); }
    [[nodiscard]] qint64 uniqueEntries() const { return m_index.size(); }
    [[nodiscard]] qint64 verifiedAt() const { return m_verifiedAt; }
    [[nodiscard]] const uchar* data() const { return m_data; }
    [[nodiscard]] const CrlLoadProfile& loadProfile() const { return m_profile; }

    // `serial` is the magnitude, big-endian; leading zero octets are ignored.
    [[nodiscard]] std::optional<CrlRevocation> find(QByteArrayView serial) const;
    [[nodiscard]] std::optional<CrlRevocation> find(const uchar* serial, int length) const
    {
        return m_index.find(m_data, serial, length);
    }
    // now > nextUpdate, or no nextUpdate at all (RFC 5280 §5.1.2.5 makes it mandatory).
    [[nodiscard]] bool isStale(const core::Clock& clock) const;
    [[nodiscard]] bool isNotYetValid(const core::Clock& clock) const;

    template <typename F>
    void forEachEntry(F&& f) const
    {
        m_index.forEach(m_data, std::forward<F>(f));
    }

private:
    enum Phase : int
    {
        Walking,
        Settling,
        Failed,
    };
    [[nodiscard]] static core::Result<Crl> build(Crl crl, const CrlIssuer* issuer, const core::Clock& clock);
    [[nodiscard]] core::Result<void> walkAndSettle(std::atomic<int>& phase);
    [[nodiscard]] core::Result<void> verify(const CrlIssuer& issuer, const QByteArray& digest) const;
    [[nodiscard]] QByteArray contentIdFrom(const QByteArray& tbsDigest) const;

    std::unique_ptr<QFile> m_file;
    const uchar* m_data = nullptr;
    qint64 m_size = 0;
    CrlInfo m_info;
    CrlIndex m_index;
    QByteArray m_contentId;
    qint64 m_mtimeMs = 0;
    qint64 m_verifiedAt = 0;
    CrlLoadProfile m_profile;
};

} // namespace madoguchi::pki
