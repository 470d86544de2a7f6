#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <cstdint>

namespace madoguchi::audit {

// One SHA-256 value of the audit tree (RFC 6962 §2.1).
using Hash = std::array<std::uint8_t, 32>;

// RFC 6962 §2.1: MTH({d}) = SHA-256(0x00 || d) for a leaf, SHA-256(0x01 || l || r) for a node. The
// prefixes keep a leaf from ever being passed off as an inner node (second-preimage resistance).
[[nodiscard]] Hash leafHash(QByteArrayView entryBytes);
[[nodiscard]] Hash nodeHash(const Hash& left, const Hash& right);
// SHA-256 of arbitrary bytes (the benchmark's floor, bundle fingerprints).
[[nodiscard]] Hash sha256(QByteArrayView bytes);
// RFC 6962 §2.1: the hash of an empty tree is SHA-256 of the empty string.
[[nodiscard]] Hash emptyTreeHash();

[[nodiscard]] QByteArray toBytes(const Hash& hash);
// false when `bytes` is not 32 bytes long.
[[nodiscard]] bool fromBytes(QByteArrayView bytes, Hash& out);

} // namespace madoguchi::audit
