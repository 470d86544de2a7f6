#pragma once

namespace madoguchi::store {

// The pinned SQLCipher settings (architecture.md §4, docs/storage.md). They are chosen so that the
// same file opens in SQLCipher 3.4.1 (Debian 12, toolchain.md "SQLCipher 3.4.1") and in 4.x:
//
// - The key is always a RAW 32-byte key, given as the blob literal x'<64 hex>'. SQLCipher then skips
//   PBKDF2 for the page key (opening costs ~0.3 ms instead of ~170 ms, performance.md §2); the
//   passphrase KDF lives in our key file instead (KeyFile). The 16-byte salt stays in the file's
//   first bytes, as SQLCipher writes it.
// - Page size 4096 (`PRAGMA cipher_page_size`), NOT 3.4's default 1024: 4 KiB pages with a 64 MB
//   cache make encrypted inserts as fast as plain SQLite (performance.md §2).
// - Everything else is SQLCipher 3.x's default: AES-256-CBC, HMAC-SHA1 per page, HMAC key derived with
//   2 PBKDF2-HMAC-SHA1 iterations from the raw key, kdf_iter 64000 (unused with a raw key).
//
// SQLCipher 4.x must run, right after the key and before reading anything:
//     PRAGMA cipher_compatibility = 3;   -- HMAC-SHA1, PBKDF2-HMAC-SHA1, 64000 iterations, 1024 pages
//     PRAGMA cipher_page_size = 4096;    -- then override the page size back to ours
// 3.4.1 ignores `cipher_compatibility` silently, so one statement list serves both.
inline constexpr int CipherPageSize = 4096;
inline constexpr int DatabaseKeySize = 32;
// Negative cache_size is in KiB: 64 MB (performance.md §2).
inline constexpr int CacheSizeKiB = 65536;

inline constexpr const char* CipherCompatibilityPragmas = "PRAGMA cipher_compatibility = 3;"
                                                          "PRAGMA cipher_page_size = 4096;";

} // namespace madoguchi::store
