#include "pki/CrlIndex.h"
#include "pki/CrlIndexHash.h"

#include <QFile>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace madoguchi::pki {

using namespace crlhash;

namespace {
constexpr int RegionBits = 12;      // ~4096 slots (64 KiB) per region: placed within L2
constexpr quint64 SlotsPerLine = 4; // 16-byte slots in a 64-byte cache line
} // namespace

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
    while (bits < 16 && (m_capacity >> (bits + RegionBits)) > 0) {
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
    m_lines.assign(partitions * SlotsPerLine, Slot{0, 0});
}

// Software write-combining: a store to each of ~1000 regions far apart misses the caches and fetches its line
// first; with that many streams the store buffer fills and the walk stalls (measured: stage() was the
// busiest function of the load). Each region's current cache line is assembled in m_lines (L2-resident) and
// written whole with non-temporal stores, which skip the fetch.
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
    const Slot slot{(quint64(tag) << 32) | (date & 0xFFFFFFFFU), quint64(entry.serialOffset) |
                                                                     (quint64(entry.serialLength) << 40) |
                                                                     (reason << 45) | ((date >> 32) << 49)};
    const quint64 p = tag >> m_partitionShift;
    const quint64 at = m_regionStart[p] + m_staged[p];
    if (at < m_regionStart[p + 1]) {
        m_lines[p * SlotsPerLine + (at % SlotsPerLine)] = slot;
        ++m_staged[p];
        if (at % SlotsPerLine == SlotsPerLine - 1) {
            flushLine(p, at);
        }
    } else {
        m_overflow.push_back(slot);
    }
    return true;
}

// Writes partition p's line buffer up to slot `last` (inclusive). A whole line inside the region goes out as
// non-temporal stores; the region's first line, shared with the previous region, slot by slot.
void CrlIndex::flushLine(quint64 p, quint64 last)
{
    const quint64 line = last - last % SlotsPerLine;
    const quint64 from = std::max(line, m_regionStart[p]);
    const Slot* buffer = m_lines.data() + p * SlotsPerLine;
#if defined(__SSE2__)
    if (from == line && last == line + SlotsPerLine - 1) {
        auto* to = reinterpret_cast<__m128i*>(m_slots + line); // 64-byte aligned: the table is page-aligned
        for (quint64 i = 0; i < SlotsPerLine; ++i) {
            _mm_stream_si128(to + i, _mm_loadu_si128(reinterpret_cast<const __m128i*>(buffer + i)));
        }
        return;
    }
#endif
    std::memcpy(static_cast<void*>(m_slots + from), buffer + (from - line), (last + 1 - from) * sizeof(Slot));
}

// The lines still being filled when the walk ends, then a fence: the non-temporal stores must be visible
// before another thread places these regions.
void CrlIndex::flushPartialLines()
{
    for (quint64 p = 0; p < m_staged.size(); ++p) {
        const quint64 end = m_regionStart[p] + m_staged[p];
        if (m_staged[p] > 0 && end % SlotsPerLine != 0) {
            flushLine(p, end - 1);
        }
    }
    m_lines = {};
#if defined(__SSE2__)
    _mm_sfence();
#endif
}

bool CrlIndex::sameSerial(const uchar* file, const Slot& a, const Slot& b) const
{
    return a.tag() == b.tag() && a.length() == b.length() &&
           std::memcmp(file + a.offset(), file + b.offset(), size_t(a.length())) == 0;
}

CrlIndex::Settled CrlIndex::settleAnywhere(const uchar* file, const Slot& slot)
{
    for (quint64 i = home(slot.tag());; i = i + 1 == m_capacity ? 0 : i + 1) { // load <= 0.85: a slot is free
        Slot& s = m_slots[i];
        if (s.isEmpty()) {
            s = slot;
            return Settled::Placed;
        }
        if (sameSerial(file, s, slot)) {
            return Settled::Duplicate;
        }
    }
}

// Moves partition p's staged entries (its region's prefix, then its overflow: file order) into `out` and
// clears their slots.
void CrlIndex::takeStaged(quint64 p, std::vector<Slot>& out)
{
    Slot* first = m_slots + m_regionStart[p];
    out.assign(first, first + m_staged[p]);
    std::memset(static_cast<void*>(first), 0, m_staged[p] * sizeof(Slot));
    std::vector<Slot>& overflow = m_settle->overflow[p];
    out.insert(out.end(), overflow.begin(), overflow.end());
    overflow = {};
}

// Places partition p's entries: a counting sort by home slot, then one pass in slot order where each entry
// goes to max(home, previous + 1) — the layout linear probing gives, built with sequential writes instead of
// probes. Returns the slot after the last one placed.
quint64 CrlIndex::placeRegion(const uchar* file, quint64 p, quint64 cursor, quint64 stop, Placing& work,
                              Settling& result)
{
    const quint64 base = m_regionStart[p];
    std::vector<quint32>& counts = work.counts;
    counts.assign(m_regionStart[p + 1] - base + 2, 0); // a home may equal the next region's start
    for (const Slot& s : work.current) {
        ++counts[home(s.tag()) - base + 1];
    }
    for (size_t i = 1; i < counts.size(); ++i) {
        counts[i] += counts[i - 1];
    }
    work.sorted.resize(work.current.size());
    for (const Slot& s : work.current) {
        work.sorted[counts[home(s.tag()) - base]++] = s; // stable: file order within one home
    }
    quint64 pos = std::max(cursor, base), group = pos, groupHome = ~quint64(0);
    for (const Slot& s : work.sorted) {
        const quint64 h = home(s.tag());
        pos = std::max(pos, h);
        if (h != groupHome) {
            groupHome = h;
            group = pos;
        } else if (std::any_of(m_slots + group, m_slots + std::min(pos, stop),
                               [&](const Slot& other) { return sameSerial(file, other, s); })) {
            ++result.duplicates; // a duplicate has the same tag, so the same home
            continue;
        }
        if (pos >= stop) { // beyond what this thread owns now: placed by endSettle()
            result.deferred.push_back(s);
            continue;
        }
        m_slots[pos++] = s;
        ++result.placed;
    }
    return pos;
}

// Regions in order, each taken out before its predecessor is placed: entries that run past their own region
// land in the next one's cleared slots, never on a staged entry. They stop before the region after that
// (still staged) and at the end of the chunk (another thread's); those rare entries are deferred.
void CrlIndex::settleRange(const uchar* file, quint64 from, quint64 to, Settling& result)
{
    Placing work;
    takeStaged(from, work.current);
    quint64 cursor = m_regionStart[from];
    for (quint64 p = from; p < to; ++p) {
        work.next.clear();
        if (p + 1 < to) {
            takeStaged(p + 1, work.next);
        }
        cursor = placeRegion(file, p, cursor, m_regionStart[std::min(p + 2, to)], work, result);
        work.current.swap(work.next);
    }
}

void CrlIndex::beginSettle(const uchar* file)
{
    m_settle = std::make_unique<SettleState>();
    if (m_staged.empty()) {
        return;
    }
    flushPartialLines();
    const quint64 partitions = m_staged.size();
    qint64 total = qint64(m_overflow.size());
    for (quint32 n : m_staged) {
        total += n;
    }
    m_settle->overflow.resize(partitions);
    for (const Slot& s : m_overflow) {
        m_settle->overflow[s.tag() >> m_partitionShift].push_back(s);
    }
    m_overflow = {};
    if (quint64(total) * 20 > m_capacity * 17) {
        m_settle->duplicates = rebuildLarger(file, total);
        return;
    }
    // 64 chunks: enough for two threads arriving at different times to finish together, few enough
    // that the entries deferred at chunk boundaries stay a handful.
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
        settleRange(file, from, std::min(from + state.perChunk, partitions), state.results[chunk]);
    }
}

qint64 CrlIndex::endSettle(const uchar* file)
{
    const std::unique_ptr<SettleState> state = std::move(m_settle);
    qint64 duplicates = state->duplicates;
    m_staged = {};
    m_regionStart = {};
    for (const Settling& chunk : state->results) {
        m_count += chunk.placed;
        duplicates += chunk.duplicates;
        for (const Slot& s : chunk.deferred) {
            const Settled outcome = settleAnywhere(file, s);
            m_count += outcome == Settled::Placed;
            duplicates += outcome == Settled::Duplicate;
        }
    }
    return duplicates;
}

qint64 CrlIndex::rebuildLarger(const uchar* file, qint64 total)
{
    // The first estimate (list length / 45 bytes) was too low: entries were shorter. Rare; settle everything
    // into a table of the right size, in file order per partition (the first of duplicates is kept).
    std::vector<Slot> all;
    all.reserve(size_t(total));
    for (quint64 p = 0; p < m_staged.size(); ++p) {
        all.insert(all.end(), m_slots + m_regionStart[p], m_slots + m_regionStart[p] + m_staged[p]);
        all.insert(all.end(), m_settle->overflow[p].begin(), m_settle->overflow[p].end());
    }
    m_capacity = quint64(total) + quint64(total) / 3 + 16;
    m_owned = allocate(m_capacity);
    m_slots = m_owned.get();
    m_count = 0;
    m_staged = {};
    m_regionStart = {};
    qint64 duplicates = 0;
    for (const Slot& s : all) {
        const Settled outcome = settleAnywhere(file, s);
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
    quint64 bad = 0, used = 0;
    for (quint64 i = 0; i < m_capacity; ++i) {
        const Slot& s = m_slots[i];
        used += quint64(!s.isEmpty());
        bad |= quint64(!s.isEmpty() &&
                       ((s.packed & ReservedBits) || quint64(s.offset() + s.length()) > quint64(fileSize)));
    }
    return bad == 0 && used == quint64(m_count) && used < m_capacity;
}

} // namespace madoguchi::pki
