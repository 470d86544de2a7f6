#pragma once

#include "core/Result.h"

#include <QStringList>

namespace madoguchi::store {

class Database;

// Applies the numbered SQL files embedded under :/migrations (resources/migrations/NNNN_name.sql),
// each in its own transaction together with its row in `schema_version` (architecture.md §4).
class Migrator final
{
public:
    // Resource paths, in order.
    [[nodiscard]] static QStringList migrations();
    [[nodiscard]] static int latestVersion();
    // 0 for an empty database.
    [[nodiscard]] static core::Result<int> currentVersion(Database& db);
    // Applies every migration above the current version up to `target` (default: all); returns the
    // version reached. A database newer than this program is refused (Errc::Unsupported).
    [[nodiscard]] static core::Result<int> migrate(Database& db, int target = -1);
};

} // namespace madoguchi::store
