#pragma once

#include "core/Result.h"

namespace madoguchi::store {

// SQLite result codes turned into core::Errc by one table (style.md "Errors and secrets").
// SQLITE_NOTADB means "wrong key, or not an encrypted Madoguchi database": SQLCipher cannot tell a
// wrong key from a foreign or corrupted first page, so both are Errc::WrongKey. I/O failures
// (including a full disk) stay Errc::Io so the two are never confused.
[[nodiscard]] core::Errc errcForSqlite(int rc) noexcept;
[[nodiscard]] core::Error sqliteError(int rc, const QString& what, const char* message = nullptr);

} // namespace madoguchi::store
