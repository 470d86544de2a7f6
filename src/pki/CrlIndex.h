#pragma once

#include "core/Result.h"
#include "pki/CrlInfo.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

class QFile;

namespace madoguchi::pki {

// What the persisted index records about the CRL it was built from (the "verified at import" state).
struct CrlIndexMeta
{
    QByteArray contentId; // 32 bytes, see Crl::contentId()
    qint64 crlSize = 0;
    qint64 crlMtimeMs = 0;
    qint64 entryCount = 0;
    qint64 removeFromCrlCount = 0;
    qint64 verifiedAt = 0; // Unix seconds of the signature check
};

// serial → (reason, revocation date): an open-addressing table (linear probing, load ≤ 0.85) of 16-byte
// slots {32-bit hash tag, file offset, length, reason, date}. The serial itself stays in the mapped CRL and is
// compared in full on a tag match, so the index costs ~23 bytes per entry (performance.md §4: ≤ 40) and a
// lookup touches one or two cache lines of the table plus one of the file.
class CrlIndex final
{
public:
    static constexpr quint64 OffsetMask = (quint64(1) << 40) - 1;
    static constexpr quint64 ReservedBits = ~((quint64(1) << 51) - 1); // zero in every slot
    // Dates are kept as 34-bit seconds from 1950-01-01 (the first UTCTime year, RFC 5280 §4.1.2.5.1):
    // 1950 to 2494. Entries dated outside are refused (Errc::Unsupported) rather than misfiled.
    static constexpr qint64 DateEpoch = -631152000;
    static constexpr qint64 DateSpan = qint64(1) << 34;

    struct Slot
    {
        quint64 key;    // hash tag << 32 | date bits 0..31
        quint64 packed; // offset (40 bits) | length << 40 (5) | reason << 45 (4) | date bits 32..33 << 49

        [[nodiscard]] bool isEmpty() const { return ((packed >> 40) & 0x1F) == 0; } // serials have 1..20 octets
        [[nodiscard]] quint32 tag() const { return quint32(key >> 32); }
        [[nodiscard]] int length() const { return int((packed >> 40) & 0x1F); }
        [[nodiscard]] qint64 offset() const { return qint64(packed & OffsetMask); }
        [[nodiscard]] CrlReason reason() const
        {
            const auto r = quint8((packed >> 45) & 0xF);
            return r == 0xF ? CrlReason::NotGiven : CrlReason(r);
        }
        [[nodiscard]] qint64 date() const
        {
            return DateEpoch + qint64((key & 0xFFFFFFFFU) | (((packed >> 49) & 3) << 32));
        }
    };
    static_assert(sizeof(Slot) == 16);

    CrlIndex();
    ~CrlIndex();
    CrlIndex(CrlIndex&&) noexcept;
    CrlIndex& operator=(CrlIndex&&) noexcept;

    // An empty table sized for about `expectedEntries`; finishStaged() enlarges it if more arrive.
    [[nodiscard]] static CrlIndex create(qint64 expectedEntries, quint64 seed);

    [[nodiscard]] static quint64 hashSerial(const uchar* serial, int length, quint64 seed);
    [[nodiscard]] quint64 hash(const uchar* serial, int length) const { return hashSerial(serial, length, m_seed); }
    [[nodiscard]] static bool isRepresentable(qint64 date) { return date >= DateEpoch && date - DateEpoch < DateSpan; }

    // Bulk build for tables far larger than the caches. stage() appends each entry to the table region its
    // hash maps to (one sequential stream per region, written a whole cache line at a time); finishStaged()
    // then places the regions one after the other, each small enough (~8192 slots, 128 KiB) to stay in L2.
    // Memory: none beyond the table. stage() is false for a date outside isRepresentable(); finishStaged()
    // returns the number of duplicate serials dropped (the first entry in file order is kept).
    [[nodiscard]] bool stage(quint64 hash, const CrlRawEntry& entry);
    qint64 finishStaged(const uchar* file)
    {
        beginSettle(file);
        settleShare(file);
        return endSettle(file);
    }
    // finishStaged() in three steps, so that several threads can share the settling: beginSettle() once
    // after the last stage(); then settleShare() from any number of threads at the same time (each claims
    // chunks of regions until none is left; a thread that arrives late just finds less work); then, once
    // every settleShare() has returned, endSettle() places the few entries that ran past their chunk.
    void beginSettle(const uchar* file);
    void settleShare(const uchar* file);
    qint64 endSettle(const uchar* file);

    [[nodiscard]] std::optional<CrlRevocation> find(const uchar* file, const uchar* serial, int length) const;

    // Calls f(serialPointer, serialLength, revocation) for every entry, in table order.
    template <typename F>
    void forEach(const uchar* file, F&& f) const
    {
        for (quint64 i = 0; i < m_capacity; ++i) {
            const Slot& s = m_slots[i];
            if (!s.isEmpty()) {
                f(file + s.offset(), s.length(), CrlRevocation{s.reason(), s.date()});
            }
        }
    }

    // For a reopened index: true if every slot's serial lies inside a file of `fileSize` bytes, no reserved bit
    // is set, the header's count matches the slots and one slot at least is free (so that every probe ends).
    [[nodiscard]] bool fitsFile(qint64 fileSize) const;

    [[nodiscard]] qint64 size() const { return m_count; }
    [[nodiscard]] qint64 capacity() const { return qint64(m_capacity); }
    [[nodiscard]] qint64 memoryBytes() const { return qint64(m_capacity * sizeof(Slot)); }
    [[nodiscard]] quint64 seed() const { return m_seed; }

    // Writes header + slots atomically (temp file + rename). Little-endian hosts only, recorded in the
    // header so another byte order is refused on open.
    [[nodiscard]] core::Result<void> save(const QString& path, const CrlIndexMeta& meta) const;
    // Maps a saved index (no copy) after checking magic, version, sizes and the checksum of every byte.
    [[nodiscard]] static core::Result<CrlIndex> open(const QString& path, CrlIndexMeta& meta);

    // 64-bit checksum (XXH64-style, 4 lanes) used for the persisted file: integrity against corruption,
    // not against an attacker — the cache directory must be as protected as the application's data.
    [[nodiscard]] static quint64 checksum(const uchar* data, qint64 length, quint64 seed);

private:
    [[nodiscard]] quint64 home(quint32 tag) const { return (quint64(tag) * m_capacity) >> 32; }
    void preparePartitions();
    void flushLine(quint64 partition, quint64 last);
    void flushPartialLines();
    qint64 rebuildLarger(const uchar* file, qint64 total);
    enum class Settled
    {
        Placed,
        Duplicate,
        Deferred,
    };
    struct Settling
    {
        qint64 placed = 0;
        qint64 duplicates = 0;
        std::vector<Slot> deferred;
    };
    // Between beginSettle() and endSettle(): chunk c (partitions [c * perChunk, ...)) belongs to the one
    // thread that claimed it, and so do the table slots of its regions, overflow[p] of its partitions and
    // results[c].
    struct SettleState
    {
        std::vector<std::vector<Slot>> overflow; // per partition: staged entries that did not fit its region
        std::vector<Settling> results;           // per chunk
        quint64 perChunk = 1;
        std::atomic<quint64> nextChunk{0};
        qint64 duplicates = 0; // from rebuildLarger(), when it ran instead
    };
    // Scratch of one settling thread.
    struct Placing
    {
        std::vector<Slot> current, next, sorted;
        std::vector<quint32> counts;
    };
    void takeStaged(quint64 partition, std::vector<Slot>& out);
    quint64 placeRegion(const uchar* file, quint64 partition, quint64 cursor, quint64 stop, Placing& work,
                        Settling& result);
    void settleRange(const uchar* file, quint64 from, quint64 to, Settling& result);
    [[nodiscard]] bool sameSerial(const uchar* file, const Slot& a, const Slot& b) const;
    // Linear-probing insert with wrap-around, for the single-threaded steps: always places or drops.
    Settled settleAnywhere(const uchar* file, const Slot& slot);

    struct FreeSlots
    {
        size_t bytes;
        void operator()(Slot* table) const;
    };
    [[nodiscard]] static std::unique_ptr<Slot[], FreeSlots> allocate(quint64 capacity);

    std::unique_ptr<Slot[], FreeSlots> m_owned;
    std::unique_ptr<QFile> m_file; // set when the slots are mapped from a saved index
    Slot* m_slots = nullptr;       // m_owned.data() or the mapped file (read-only: never inserted into)
    quint64 m_capacity = 0;
    qint64 m_count = 0;
    quint64 m_seed = 0;
    int m_partitionShift = 31;          // partition = tag >> shift
    std::vector<quint64> m_regionStart; // partition p stages into [m_regionStart[p], m_regionStart[p + 1])
    std::vector<quint32> m_staged;      // per partition, written or waiting in m_lines
    std::vector<Slot> m_lines;          // per partition, the table's cache line it is filling (4 slots)
    std::vector<Slot> m_overflow;       // staged entries that did not fit their region
    std::unique_ptr<SettleState> m_settle;
};

} // namespace madoguchi::pki
