#pragma once

// Shared set-up for the services tests: a fresh encrypted, migrated database in a temp dir.
#include "core/Clock.h"
#include "store/Database.h"
#include "store/KeyFile.h"
#include "store/Migrator.h"
#include "store/CardIdentity.h"

#include <QTemporaryDir>
#include <QTemporaryDir>

#include <optional>

namespace madoguchi::test {

inline core::SecureBytes fixtureKey()
{
    core::SecureBytes key(32);
    for (std::size_t i = 0; i < key.size(); ++i) {
        key[i] = static_cast<std::uint8_t>(0x40 + i);
    }
    return key;
}

inline std::optional<store::Database> openMigrated(const QString& path)
{
    auto db = store::Database::open(path, fixtureKey(), store::Database::Mode::CreateIfMissing);
    if (!db || !store::Migrator::migrate(*db)) {
        return std::nullopt;
    }
    return std::move(*db);
}

inline store::CardIdentity card(int n)
{
    return {QByteArray::fromHex("a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0"),
            QByteArray::number(n).rightJustified(8, '0')};
}

} // namespace madoguchi::test
