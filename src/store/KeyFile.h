#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QString>

namespace madoguchi::store {

// scrypt cost (RFC 7914 §2). N = 2^15, r = 8, p = 1 uses 32 MiB and takes ~100 ms here, inside the
// 300 ms open budget (performance.md §4) while costing an attacker 32 MiB per guess.
struct KdfParams
{
    quint8 log2N = 15;
    quint8 r = 8;
    quint8 p = 1;
};

// The small file beside the database that holds the 32-byte database key wrapped by the
// administrator's passphrase. Layout (version 1, 96 bytes, big-endian where it matters):
//   0  "MDGKEY\0\1"  magic + format version
//   8  kdf id (1 = scrypt), log2 N, r, p, 4 reserved zero bytes
//  16  salt (16)
//  32  AES-256-GCM nonce (12)
//  44  wrapped key (32)
//  76  GCM tag (16)       … 4 reserved zero bytes to 96
// Bytes 0..44 are the GCM additional data, so changing a KDF parameter breaks the tag.
class KeyFile final
{
public:
    [[nodiscard]] static core::Result<void> write(const QString& path, const core::SecureBytes& databaseKey,
                                                  const core::SecureBytes& passphrase, KdfParams params = {});
    // Errc::WrongKey for a wrong passphrase or a foreign/corrupted file, Errc::NotFound/Io for I/O.
    [[nodiscard]] static core::Result<core::SecureBytes> unwrap(const QString& path,
                                                                const core::SecureBytes& passphrase);
    // 32 fresh bytes from OpenSSL's CSPRNG.
    [[nodiscard]] static core::Result<core::SecureBytes> randomKey();
    // "<db>.key": where the key file lives by default.
    [[nodiscard]] static QString defaultPathFor(const QString& databasePath);
};

} // namespace madoguchi::store
