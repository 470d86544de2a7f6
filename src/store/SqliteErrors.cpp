#include "store/SqliteErrors.h"

#include <sqlite3.h>

#include <array>

namespace madoguchi::store {

namespace {

struct RcInfo
{
    int primary;
    core::Errc code;
};

// Primary result codes (rc & 0xff), https://www.sqlite.org/rescode.html.
constexpr std::array RcTable{
    RcInfo{SQLITE_NOTADB, core::Errc::WrongKey},
    RcInfo{SQLITE_IOERR, core::Errc::Io},
    RcInfo{SQLITE_CANTOPEN, core::Errc::Io},
    RcInfo{SQLITE_FULL, core::Errc::DiskFull}, // ENOSPC, or max_page_count reached
    RcInfo{SQLITE_PERM, core::Errc::Io},
    RcInfo{SQLITE_READONLY, core::Errc::Io},
    RcInfo{SQLITE_NOMEM, core::Errc::Internal},
    RcInfo{SQLITE_MISUSE, core::Errc::Internal},
    RcInfo{SQLITE_INTERRUPT, core::Errc::Cancelled},
    RcInfo{SQLITE_RANGE, core::Errc::InvalidArgument},
    RcInfo{SQLITE_MISMATCH, core::Errc::InvalidArgument},
    RcInfo{SQLITE_TOOBIG, core::Errc::InvalidArgument},
};

} // namespace

core::Errc errcForSqlite(int rc) noexcept
{
    const int primary = rc & 0xff;
    for (const auto& info : RcTable) {
        if (info.primary == primary) {
            return info.code;
        }
    }
    // CORRUPT, CONSTRAINT, BUSY, LOCKED, SCHEMA, ERROR...: the store itself failed.
    return core::Errc::StoreFailure;
}

core::Error sqliteError(int rc, const QString& what, const char* message)
{
    QString detail = what;
    const char* text = message != nullptr ? message : sqlite3_errstr(rc);
    if (text != nullptr) {
        detail += QStringLiteral(": ") + QString::fromUtf8(text);
    }
    return core::Error{errcForSqlite(rc), detail, rc};
}

} // namespace madoguchi::store
