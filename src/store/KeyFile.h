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

// Who else holds the database key besides this file (byte 12 of the key file). Recorded in the clear so
// the app knows which route to take BEFORE unlocking (no prompt when the keychain has the key).
enum class KeyWrapping : quint8
{
    PassphraseOnly = 0, // the administrator passphrase is the only way in (the headless default)
    // The OS keychain holds the key too (KeychainKeyProvider, entry = the database's absolute path);
    // this file keeps it wrapped by a RECOVERY passphrase, so a lost keychain entry loses nothing.
    KeychainAndPassphrase = 1,
};

// The small file beside the database that holds the 32-byte database key wrapped by the
// administrator's passphrase. Layout (version 1, 96 bytes, big-endian where it matters):
//   0  "MDGKEY\0\1"  magic + format version
//   8  kdf id (1 = scrypt), log2 N, r, p
//  12  KeyWrapping (0 in files written before it existed), 3 reserved zero bytes
//  16  salt (16)
//  32  AES-256-GCM nonce (12)
//  44  wrapped key (32)
//  76  GCM tag (16)       … 4 reserved zero bytes to 96
// Bytes 0..44 are the GCM additional data, so changing a KDF parameter or the wrapping byte breaks the
// tag. The wrapping byte is read before the tag can be checked; flipping it only changes which route
// is TRIED first (a keychain key that does not fit the database fails as WrongKey at open).
class KeyFile final
{
public:
    [[nodiscard]] static core::Result<void> write(const QString& path, const core::SecureBytes& databaseKey,
                                                  const core::SecureBytes& passphrase, KdfParams params = {},
                                                  KeyWrapping wrapping = KeyWrapping::PassphraseOnly);
    // Errc::WrongKey for a wrong passphrase or a foreign/corrupted file, Errc::NotFound/Io for I/O.
    [[nodiscard]] static core::Result<core::SecureBytes> unwrap(const QString& path,
                                                                const core::SecureBytes& passphrase);
    // The recorded wrapping, from the header alone (no passphrase): Errc::NotFound without a file,
    // WrongKey for a foreign file, Unsupported for a wrapping this version does not know.
    [[nodiscard]] static core::Result<KeyWrapping> wrapping(const QString& path);
    // 32 fresh bytes from OpenSSL's CSPRNG.
    [[nodiscard]] static core::Result<core::SecureBytes> randomKey();
    // "<db>.key": where the key file lives by default.
    [[nodiscard]] static QString defaultPathFor(const QString& databasePath);
};

} // namespace madoguchi::store
