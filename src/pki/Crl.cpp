#include "pki/Crl.h"

#include "pki/CrlIssuer.h"
#include "pki/CrlParser.h"

#include <QFile>
#include <QFileInfo>

#include <atomic>
#include <ctime>
#include <thread>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace madoguchi::pki {

namespace {

// Feeds the index from the walk: entries are staged region by region and settled at the end, so the
// random accesses of a hash table far larger than the caches become sequential streams (CrlIndex::stage).
class IndexSink final : public CrlParser::EntrySink
{
public:
    IndexSink(CrlIndex& index, const uchar* file) : m_index(index), m_file(file) {}

    void begin(qint64 listLength) override
    {
        // Typical entries are 35 bytes (no extension) to 49 bytes (reasonCode): size for 45 and let the
        // table grow in the rare case of smaller entries.
        m_index = CrlIndex::create(listLength / 45 + 1, m_index.seed());
    }

    bool add(const CrlRawEntry& entry) override
    {
        if (!m_index.stage(m_index.hash(m_file + entry.serialOffset, entry.serialLength), entry)) {
            m_unrepresentable = entry.serialOffset;
            return false;
        }
        return true;
    }

    // Set when an entry's date is outside what the index stores (CrlIndex::isRepresentable).
    [[nodiscard]] std::optional<qint64> unrepresentable() const { return m_unrepresentable; }

private:
    CrlIndex& m_index;
    const uchar* m_file;
    std::optional<qint64> m_unrepresentable;
};

quint64 seedFrom(const uchar* data, qint64 size)
{
    // Per-file seed: serial hashes are not predictable across CRLs (a fixed table layout could be attacked).
    return CrlIndex::checksum(data, std::min<qint64>(size, 64), quint64(size)) ^ quint64(size) * 0x9E3779B97F4A7C15ULL;
}

// Maps the page-cache pages in one call: otherwise the walker and the hasher fault on the same pages at the
// same time and contend for them (measured: up to 1.8x the load time on two cores). A hint only.
void prefault(const uchar* data, qint64 size)
{
#if defined(__linux__) && defined(MADV_POPULATE_READ)
    if (madvise(const_cast<uchar*>(data), size_t(size), MADV_POPULATE_READ) != 0) {
        madvise(const_cast<uchar*>(data), size_t(size), MADV_WILLNEED); // kernels before 5.14
    }
#else
    Q_UNUSED(data)
    Q_UNUSED(size)
#endif
}

double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

} // namespace

Crl::Crl() = default;
Crl::~Crl() = default;
Crl::Crl(Crl&&) noexcept = default;
Crl& Crl::operator=(Crl&&) noexcept = default;

core::Result<Crl> Crl::load(const QString& path, const CrlIssuer& issuer, const core::Clock& clock)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot open %1: %2").arg(path, file->errorString()));
    }
    const qint64 size = file->size();
    if (size < 2 || size >= (qint64(1) << 40)) {
        return core::fail(core::Errc::MalformedDer, QStringLiteral("offset 0: file size %1 out of range").arg(size));
    }
    const uchar* data = file->map(0, size);
    if (!data) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot map %1").arg(path));
    }
    Crl crl;
    crl.m_file = std::move(file);
    crl.m_data = data;
    crl.m_size = size;
    crl.m_mtimeMs = QFileInfo(path).lastModified().toMSecsSinceEpoch();
    prefault(data, size);
    return build(std::move(crl), &issuer, clock);
}

core::Result<Crl> Crl::fromMemory(const uchar* data, qint64 size, const CrlIssuer* issuer, const core::Clock& clock)
{
    Crl crl;
    crl.m_data = data;
    crl.m_size = size;
    return build(std::move(crl), issuer, clock);
}

// Two threads, one pass over the bytes (performance.md §1: the signature's hash is the floor): this one
// walks the entries and stages them into the index while `hasher` digests the raw TBS; whichever finishes
// first starts settling the index, the other joins in. Nothing is kept unless the signature verifies.
core::Result<Crl> Crl::build(Crl crl, const CrlIssuer* issuer, const core::Clock& clock)
{
    auto info = CrlParser::parseEnvelope(crl.m_data, crl.m_size);
    if (!info) {
        return core::fail(info.error());
    }
    crl.m_info = *info;
    std::atomic<int> phase{Walking};
    core::Result<QByteArray> digest = core::fail(core::Errc::Internal);
    std::thread hasher([&] {
        const double start = threadCpuMs();
        digest = CrlIssuer::digest(crl.m_info.algorithm, crl.m_data + crl.m_info.tbsOffset, crl.m_info.tbsLength);
        const double hashed = threadCpuMs();
        phase.wait(Walking);
        if (phase.load() == Settling) {
            crl.m_index.settleShare(crl.m_data);
        }
        crl.m_profile.hashMs = hashed - start;
        crl.m_profile.settleHasherMs = threadCpuMs() - hashed;
    });
    auto walked = crl.walkAndSettle(phase);
    hasher.join();
    if (!walked) {
        return core::fail(walked.error());
    }
    const double finishing = threadCpuMs();
    crl.m_index.endSettle(crl.m_data);
    if (!digest) {
        return core::fail(digest.error());
    }
    if (issuer) {
        if (auto ok = crl.verify(*issuer, *digest); !ok) {
            return core::fail(ok.error());
        }
        crl.m_verifiedAt = clock.now().toSecsSinceEpoch();
    }
    crl.m_contentId = crl.contentIdFrom(*digest);
    crl.m_profile.finishMs = threadCpuMs() - finishing;
    return crl;
}

core::Result<void> Crl::walkAndSettle(std::atomic<int>& phase)
{
    const double start = threadCpuMs();
    m_index = CrlIndex::create(0, seedFrom(m_data, m_size));
    IndexSink sink(m_index, m_data);
    auto walked = CrlParser::parseTbs(m_data, m_info, &sink);
    if (sink.unrepresentable()) {
        walked =
            core::fail(core::Errc::Unsupported,
                       QStringLiteral("offset %1: revocation date outside 1950-2494").arg(*sink.unrepresentable()));
    }
    if (walked) {
        m_index.beginSettle(m_data);
    }
    phase.store(walked ? Settling : Failed);
    phase.notify_one();
    const double walkedAt = threadCpuMs();
    if (walked) {
        m_index.settleShare(m_data);
    }
    m_profile.walkMs = walkedAt - start;
    m_profile.settleLoaderMs = threadCpuMs() - walkedAt;
    return walked;
}

core::Result<void> Crl::verify(const CrlIssuer& issuer, const QByteArray& digest) const
{
    if (auto match = issuer.matches(m_info); !match) {
        return match;
    }
    return issuer.verifyDigest(m_info.algorithm, digest, m_data + m_info.signatureOffset, m_info.signatureLength);
}

QByteArray Crl::contentIdFrom(const QByteArray& tbsDigest) const
{
    const qint64 tbsEnd = m_info.tbsOffset + m_info.tbsLength;
    const QByteArray framed = QByteArray(reinterpret_cast<const char*>(m_data), qsizetype(m_info.tbsOffset)) +
                              tbsDigest +
                              QByteArray(reinterpret_cast<const char*>(m_data + tbsEnd), qsizetype(m_size - tbsEnd));
    return CrlIssuer::sha256(reinterpret_cast<const uchar*>(framed.constData()), framed.size());
}

core::Result<Crl> Crl::reopen(const QString& crlPath, const QString& indexPath)
{
    CrlIndexMeta meta;
    auto index = CrlIndex::open(indexPath, meta);
    if (!index) {
        return core::fail(index.error());
    }
    auto file = std::make_unique<QFile>(crlPath);
    if (!file->open(QIODevice::ReadOnly)) {
        return core::fail(core::Errc::NotFound, QStringLiteral("cannot open %1: %2").arg(crlPath, file->errorString()));
    }
    const qint64 mtime = QFileInfo(crlPath).lastModified().toMSecsSinceEpoch();
    if (file->size() != meta.crlSize || mtime != meta.crlMtimeMs) {
        return core::fail(core::Errc::MalformedInput,
                          QStringLiteral("CRL %1 changed since its index was built").arg(crlPath));
    }
    if (!index->fitsFile(meta.crlSize)) {
        return core::fail(
            core::Errc::MalformedInput,
            QStringLiteral("CRL index %1 does not fit its CRL (slot out of range or count mismatch)").arg(indexPath));
    }
    Crl crl;
    crl.m_size = file->size();
    crl.m_data = file->map(0, crl.m_size);
    if (!crl.m_data) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot map %1").arg(crlPath));
    }
    crl.m_file = std::move(file);
    auto info = CrlParser::parseEnvelope(crl.m_data, crl.m_size);
    if (!info) {
        return core::fail(info.error());
    }
    crl.m_info = *info;
    if (auto tbs = CrlParser::parseTbs(crl.m_data, crl.m_info, nullptr); !tbs) { // skips the entries in O(1)
        return core::fail(tbs.error());
    }
    crl.m_info.entryCount = meta.entryCount;
    crl.m_info.removeFromCrlCount = meta.removeFromCrlCount;
    crl.m_index = std::move(*index);
    crl.m_contentId = meta.contentId;
    crl.m_mtimeMs = mtime;
    crl.m_verifiedAt = meta.verifiedAt;
    return crl;
}

core::Result<void> Crl::saveIndex(const QString& indexPath) const
{
    if (m_verifiedAt == 0) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("only a signature-checked CRL is persisted"));
    }
    const CrlIndexMeta meta{m_contentId, m_size, m_mtimeMs, m_info.entryCount, m_info.removeFromCrlCount, m_verifiedAt};
    return m_index.save(indexPath, meta);
}

std::optional<CrlRevocation> Crl::find(QByteArrayView serial) const
{
    while (serial.size() > 1 && serial.front() == '\0') {
        serial = serial.sliced(1);
    }
    if (serial.isEmpty() || serial.size() > 20) {
        return std::nullopt;
    }
    return find(reinterpret_cast<const uchar*>(serial.data()), int(serial.size()));
}

bool Crl::isStale(const core::Clock& clock) const
{
    return !m_info.nextUpdate || clock.now().toSecsSinceEpoch() > *m_info.nextUpdate;
}

bool Crl::isNotYetValid(const core::Clock& clock) const
{
    return clock.now().toSecsSinceEpoch() < m_info.thisUpdate;
}

} // namespace madoguchi::pki
