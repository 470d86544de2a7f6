#include "pki/CrlIndex.h"
#include "pki/CrlIndexHash.h"

#include <QFile>
#include <QSaveFile>

#include <cstring>

// The persisted form of CrlIndex (save/open) and its checksum: a header plus the raw slot table, mapped
// back without a copy so a restart reopens a 10^7-entry index in milliseconds (performance.md §4).
namespace madoguchi::pki {

namespace {

constexpr char Magic[8] = {'M', 'D', 'G', 'C', 'R', 'L', 'I', 'X'};
constexpr quint32 Version = 2; // 2: 16-byte slots
constexpr quint32 ByteOrderMark = 0x01020304;
constexpr qint64 HeaderSize = 256;
using namespace crlhash;

// Persisted header; every field native little-endian (checked through ByteOrderMark).
struct Header
{
    char magic[8];
    quint32 version;
    quint32 byteOrder;
    quint8 contentId[32];
    qint64 crlSize;
    qint64 crlMtimeMs;
    quint64 seed;
    quint64 capacity;
    qint64 count;
    qint64 entryCount;
    qint64 removeFromCrlCount;
    qint64 verifiedAt;
    quint64 checksum; // over the header with this field zero, then every slot
    quint8 reserved[HeaderSize - 120];
};
static_assert(sizeof(Header) == HeaderSize);

quint64 headerChecksum(Header header, const CrlIndex::Slot* table, quint64 capacity)
{
    header.checksum = 0;
    const quint64 h = CrlIndex::checksum(reinterpret_cast<const uchar*>(&header), sizeof header, header.seed);
    return CrlIndex::checksum(reinterpret_cast<const uchar*>(table), qint64(capacity * sizeof(CrlIndex::Slot)), h);
}

core::Error corrupt(const QString& path, const char* why)
{
    return core::Error{core::Errc::MalformedInput,
                       QStringLiteral("CRL index %1: %2").arg(path, QString::fromLatin1(why)), 0};
}

} // namespace

quint64 CrlIndex::checksum(const uchar* p, qint64 length, quint64 seed)
{
    quint64 a = seed + P1 + P2, b = seed + P2, c = seed, d = seed - P1;
    const uchar* end = p + length;
    for (; end - p >= 32; p += 32) {
        a = rotl(a + load64(p) * P2, 31) * P1;
        b = rotl(b + load64(p + 8) * P2, 31) * P1;
        c = rotl(c + load64(p + 16) * P2, 31) * P1;
        d = rotl(d + load64(p + 24) * P2, 31) * P1;
    }
    quint64 h = rotl(a, 1) + rotl(b, 7) + rotl(c, 12) + rotl(d, 18) + quint64(length);
    for (; p < end; ++p) {
        h = rotl(h ^ (*p * P3), 11) * P1;
    }
    return fmix(h);
}

core::Result<void> CrlIndex::save(const QString& path, const CrlIndexMeta& meta) const
{
    Header header{};
    std::memcpy(header.magic, Magic, sizeof Magic);
    header.version = Version;
    header.byteOrder = ByteOrderMark;
    std::memcpy(header.contentId, meta.contentId.constData(), std::min<size_t>(32, size_t(meta.contentId.size())));
    header.crlSize = meta.crlSize;
    header.crlMtimeMs = meta.crlMtimeMs;
    header.seed = m_seed;
    header.capacity = m_capacity;
    header.count = m_count;
    header.entryCount = meta.entryCount;
    header.removeFromCrlCount = meta.removeFromCrlCount;
    header.verifiedAt = meta.verifiedAt;
    header.checksum = headerChecksum(header, m_slots, m_capacity);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(reinterpret_cast<const char*>(&header), sizeof header) != HeaderSize ||
        file.write(reinterpret_cast<const char*>(m_slots), qint64(m_capacity * sizeof(Slot))) !=
            qint64(m_capacity * sizeof(Slot)) ||
        !file.commit()) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    }
    return {};
}

core::Result<CrlIndex> CrlIndex::open(const QString& path, CrlIndexMeta& meta)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        return core::fail(core::Errc::NotFound, QStringLiteral("cannot open %1: %2").arg(path, file->errorString()));
    }
    const qint64 size = file->size();
    if (size < HeaderSize) {
        return core::fail(corrupt(path, "shorter than its header"));
    }
    uchar* data = file->map(0, size);
    if (!data) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot map %1").arg(path));
    }
    Header header;
    std::memcpy(&header, data, sizeof header);
    if (std::memcmp(header.magic, Magic, sizeof Magic) != 0 || header.byteOrder != ByteOrderMark) {
        return core::fail(corrupt(path, "not an index of this byte order"));
    }
    if (header.version != Version) { // another slot layout: never reinterpreted, CrlCache rebuilds it
        return core::fail(
            core::Errc::MalformedInput,
            QStringLiteral("CRL index %1: version %2, this build reads %3").arg(path).arg(header.version).arg(Version));
    }
    if (header.capacity == 0 || header.capacity >= (quint64(1) << 32) ||
        header.capacity > quint64(size) / sizeof(Slot) ||
        quint64(size - HeaderSize) != header.capacity * sizeof(Slot) || header.count < 0 ||
        quint64(header.count) > header.capacity) {
        return core::fail(corrupt(path, "sizes do not add up"));
    }
    CrlIndex index;
    index.m_slots = reinterpret_cast<Slot*>(data + HeaderSize);
    index.m_capacity = header.capacity;
    index.m_count = header.count;
    index.m_seed = header.seed;
    if (headerChecksum(header, index.m_slots, index.m_capacity) != header.checksum) {
        return core::fail(corrupt(path, "checksum mismatch"));
    }
    index.m_file = std::move(file);
    meta.contentId = QByteArray(reinterpret_cast<const char*>(header.contentId), 32);
    meta.crlSize = header.crlSize;
    meta.crlMtimeMs = header.crlMtimeMs;
    meta.entryCount = header.entryCount;
    meta.removeFromCrlCount = header.removeFromCrlCount;
    meta.verifiedAt = header.verifiedAt;
    return index;
}

} // namespace madoguchi::pki
