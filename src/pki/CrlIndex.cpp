#include "pki/CrlIndex.h"
#include "pki/CrlIndexHash.h"

#include <QFile>

#include <cstdlib>
#include <cstring>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace madoguchi::pki {

using namespace crlhash;

CrlIndex::CrlIndex() = default;
CrlIndex::~CrlIndex() = default;
CrlIndex::CrlIndex(CrlIndex&&) noexcept = default;
CrlIndex& CrlIndex::operator=(CrlIndex&&) noexcept = default;

void CrlIndex::FreeSlots::operator()(Slot* table) const
{
#ifdef __linux__
    munmap(table, bytes);
#else
    std::free(table);
#endif
}

std::unique_ptr<CrlIndex::Slot[], CrlIndex::FreeSlots> CrlIndex::allocate(quint64 capacity)
{
    const size_t bytes = std::max<size_t>(1, capacity * sizeof(Slot));
#ifdef __linux__
    // Fresh anonymous pages are zero (no second clearing pass) and, with MADV_HUGEPAGE, backed by 2 MiB
    // pages: inserts and lookups hit random slots of a table far beyond the TLB reach of 4 KiB pages.
    void* memory = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED) {
        throw std::bad_alloc(); // as std::vector would: out of memory is not a recoverable CRL error
    }
    madvise(memory, bytes, MADV_HUGEPAGE);
#else
    void* memory = std::calloc(1, bytes);
    if (!memory) {
        throw std::bad_alloc();
    }
#endif
    return std::unique_ptr<Slot[], FreeSlots>(static_cast<Slot*>(memory), FreeSlots{bytes});
}

CrlIndex CrlIndex::create(qint64 expectedEntries, quint64 seed)
{
    CrlIndex index;
    index.m_seed = seed;
    index.m_capacity = quint64(std::max<qint64>(16, expectedEntries + expectedEntries / 3 + 1));
    index.m_owned = allocate(index.m_capacity);
    index.m_slots = index.m_owned.get();
    return index;
}

quint64 CrlIndex::hashSerial(const uchar* p, int length, quint64 seed)
{
    quint64 h = seed ^ (quint64(length) * P1);
    while (length >= 8) {
        h = rotl(h ^ (load64(p) * P2), 31) * P1;
        p += 8;
        length -= 8;
    }
    quint64 tail = 0;
    std::memcpy(&tail, p, size_t(length));
    h = fmix(h ^ (tail * P3));
    return h;
}

void CrlIndex::preparePartitions()
{
    int bits = 1;
    while (bits < 16 && (m_capacity >> (bits + 12)) > 0) { // ~4096 slots (96 KiB) per region
        ++bits;
    }
    m_partitionShift = 32 - bits;
    const quint64 partitions = quint64(1) << bits;
    m_regionStart.resize(partitions + 1);
    for (quint64 p = 0; p < partitions; ++p) {
        m_regionStart[p] = home(quint32(p << m_partitionShift)); // home() is monotonic in the tag
    }
    m_regionStart[partitions] = m_capacity;
    m_staged.assign(partitions, 0);
}

bool CrlIndex::stage(quint64 hash, const CrlRawEntry& entry)
{
    if (!isRepresentable(entry.revocationDate)) {
        return false;
    }
    if (m_staged.empty()) {
        preparePartitions();
    }
    const auto date = quint64(entry.revocationDate - DateEpoch);
    const auto reason = entry.reason == CrlReason::NotGiven ? quint64(0xF) : quint64(entry.reason);
    const auto tag = quint32(hash >> 32);
    const Slot slot{(quint64(tag) << 32) | (date & 0xFFFFFFFFU), StagedBit | quint64(entry.serialOffset) |
                                                                     (quint64(entry.serialLength) << 40) |
                                                                     (reason << 45) | ((date >> 32) << 49)};
    const quint64 p = tag >> m_partitionShift;
    const quint64 at = m_regionStart[p] + m_staged[p];
    if (at < m_regionStart[p + 1]) {
        m_slots[at] = slot;
        ++m_staged[p];
    } else {
        m_overflow.push_back(slot);
    }
    return true;
}

CrlIndex::Settled CrlIndex::settle(const uchar* file, Slot slot, std::vector<std::vector<Slot>>& evicted, quint64 end)
{
    slot.packed &= ~StagedBit;
    const int length = slot.length();
    const uchar* serial = file + slot.offset();
    quint64 i = home(slot.tag());
    for (;;) {
        if (i >= end) { // past this worker's range: settled after both workers are done
            return Settled::Deferred;
        }
        Slot& s = m_slots[i];
        if (s.isEmpty() || (s.packed & StagedBit)) {
            if (!s.isEmpty()) { // a later region's staged entry: it is settled when its region comes
                evicted[s.tag() >> m_partitionShift].push_back(s);
            }
            s = slot;
            return Settled::Placed;
        }
        if (s.tag() == slot.tag() && s.length() == length &&
            std::memcmp(file + s.offset(), serial, size_t(length)) == 0) {
            return Settled::Duplicate;
        }
        if (i + 1 == m_capacity) { // wrapping into the other worker's half is deferred too
            if (end <= m_capacity) {
                return Settled::Deferred;
            }
            i = 0;
        } else {
            ++i;
        }
    }
}

void CrlIndex::settleRange(const uchar* file, quint64 from, quint64 to, std::vector<std::vector<Slot>>& pending,
                           Settling& result)
{
    const quint64 end = to == m_staged.size() ? m_capacity : m_regionStart[to];
    std::vector<Slot> region;
    for (quint64 p = from; p < to; ++p) {
        region.clear();
        for (quint64 i = m_regionStart[p]; i < m_regionStart[p] + m_staged[p]; ++i) {
            if (m_slots[i].packed & StagedBit) { // else evicted earlier, now in pending[p]
                region.push_back(m_slots[i]);
                m_slots[i] = Slot{0, 0};
            }
        }
        region.insert(region.end(), pending[p].begin(), pending[p].end());
        pending[p] = {};
        for (const Slot& s : region) {
            switch (settle(file, s, pending, end)) {
            case Settled::Placed:
                ++result.placed;
                break;
            case Settled::Duplicate:
                ++result.duplicates;
                break;
            case Settled::Deferred:
                result.deferred.push_back(s);
                break;
            }
        }
    }
}

void CrlIndex::beginSettle(const uchar* file)
{
    m_settle = std::make_unique<SettleState>();
    if (m_staged.empty()) {
        return;
    }
    const quint64 partitions = m_staged.size();
    qint64 total = qint64(m_overflow.size());
    for (quint32 n : m_staged) {
        total += n;
    }
    m_settle->pending.resize(partitions);
    for (const Slot& s : m_overflow) {
        m_settle->pending[s.tag() >> m_partitionShift].push_back(s);
    }
    m_overflow = {};
    if (quint64(total) * 20 > m_capacity * 17) {
        m_settle->duplicates = rebuildLarger(file, total, m_settle->pending);
        return;
    }
    // 64 chunks: enough for two threads arriving at different times to finish together, few enough
    // that the probes deferred at chunk boundaries stay a handful.
    const quint64 chunks = std::min<quint64>(partitions, 64);
    m_settle->perChunk = partitions / chunks;
    m_settle->results.resize(chunks);
}

void CrlIndex::settleShare(const uchar* file)
{
    SettleState& state = *m_settle;
    const quint64 partitions = m_staged.size();
    for (;;) {
        const quint64 chunk = state.nextChunk.fetch_add(1);
        if (chunk >= state.results.size()) {
            return;
        }
        const quint64 from = chunk * state.perChunk;
        settleRange(file, from, std::min(from + state.perChunk, partitions), state.pending, state.results[chunk]);
    }
}

qint64 CrlIndex::endSettle(const uchar* file)
{
    const std::unique_ptr<SettleState> state = std::move(m_settle);
    qint64 duplicates = state->duplicates;
    m_staged = {};
    m_regionStart = {};
    std::vector<std::vector<Slot>> none(1);
    for (const Settling& chunk : state->results) {
        m_count += chunk.placed;
        duplicates += chunk.duplicates;
        for (const Slot& s : chunk.deferred) {
            const Settled outcome = settle(file, s, none, m_capacity + 1);
            m_count += outcome == Settled::Placed;
            duplicates += outcome == Settled::Duplicate;
        }
    }
    return duplicates;
}

qint64 CrlIndex::rebuildLarger(const uchar* file, qint64 total, std::vector<std::vector<Slot>>& pending)
{
    // The first estimate (list length / 45 bytes) was too low: entries were shorter. Rare; settle everything
    // into a table of the right size (no staged slots there, so nothing is evicted).
    std::vector<Slot> all;
    all.reserve(size_t(total));
    for (quint64 p = 0; p < m_staged.size(); ++p) {
        all.insert(all.end(), m_slots + m_regionStart[p], m_slots + m_regionStart[p] + m_staged[p]);
        all.insert(all.end(), pending[p].begin(), pending[p].end());
    }
    m_capacity = quint64(total) + quint64(total) / 3 + 16;
    m_owned = allocate(m_capacity);
    m_slots = m_owned.get();
    m_count = 0;
    m_staged = {};
    m_regionStart = {};
    qint64 duplicates = 0;
    std::vector<std::vector<Slot>> none(1);
    for (const Slot& s : all) {
        const Settled outcome = settle(file, s, none, m_capacity + 1);
        m_count += outcome == Settled::Placed;
        duplicates += outcome == Settled::Duplicate;
    }
    return duplicates;
}

std::optional<CrlRevocation> CrlIndex::find(const uchar* file, const uchar* serial, int length) const
{
    if (m_capacity == 0) {
        return std::nullopt;
    }
    const auto tag = quint32(hashSerial(serial, length, m_seed) >> 32);
    quint64 i = home(tag);
    for (;;) {
        const Slot& s = m_slots[i];
        if (s.isEmpty()) {
            return std::nullopt;
        }
        if (s.tag() == tag && s.length() == length && std::memcmp(file + s.offset(), serial, size_t(length)) == 0) {
            return CrlRevocation{s.reason(), s.date()};
        }
        i = i + 1 == m_capacity ? 0 : i + 1;
    }
}

bool CrlIndex::fitsFile(qint64 fileSize) const
{
    quint64 bad = 0;
    for (quint64 i = 0; i < m_capacity; ++i) {
        const Slot& s = m_slots[i];
        bad |=
            quint64(!s.isEmpty() && ((s.packed & StagedBit) || quint64(s.offset() + s.length()) > quint64(fileSize)));
    }
    return bad == 0;
}

} // namespace madoguchi::pki
