#pragma once

// The 64-bit mixing primitives of the CRL index: its serial hash (CrlIndex.cpp) and the persisted
// file's checksum (CrlIndexFile.cpp). Internal to the index; both must stay the same bytes on disk.
#include <QtGlobal>

#include <cstring>

namespace madoguchi::pki::crlhash {

inline constexpr quint64 P1 = 0x9E3779B185EBCA87ULL, P2 = 0xC2B2AE3D27D4EB4FULL, P3 = 0x165667B19E3779F9ULL;

inline quint64 rotl(quint64 x, int r)
{
    return (x << r) | (x >> (64 - r));
}

inline quint64 load64(const uchar* p)
{
    quint64 v;
    std::memcpy(&v, p, 8);
    return v;
}

// The 64-bit finaliser of MurmurHash3: every input bit affects every output bit.
inline quint64 fmix(quint64 h)
{
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    return h ^ (h >> 33);
}

} // namespace madoguchi::pki::crlhash
