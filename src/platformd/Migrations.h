#pragma once

#include "core/Result.h"
#include "platformd/PgConnection.h"

namespace madoguchi::platformd {

// Numbered SQL files embedded as :/platform/migrations/NNNN_name.sql (architecture.md §4), applied
// in order, each in its own transaction with its number recorded in schema_migrations. An advisory
// lock keeps two instances starting together from applying the same file twice.
class Migrations final
{
public:
    Migrations() = delete;
    // Returns how many files were applied now.
    [[nodiscard]] static core::Result<int> apply(PgConnection& connection);
};

} // namespace madoguchi::platformd
