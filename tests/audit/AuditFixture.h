#pragma once

// Shared set-up for the audit tests: an encrypted, migrated database in a temp dir and a log on it.
#include "audit/AuditLog.h"
#include "core/Clock.h"
#include "store/Database.h"
#include "store/Migrator.h"

#include <QTemporaryDir>

#include <optional>

namespace madoguchi::test {

inline core::SecureBytes auditKey()
{
    core::SecureBytes key(32);
    for (std::size_t i = 0; i < key.size(); ++i) {
        key[i] = static_cast<std::uint8_t>(0x20 + i);
    }
    return key;
}

inline std::optional<store::Database> openAuditDb(const QString& path)
{
    auto db = store::Database::open(path, auditKey(), store::Database::Mode::CreateIfMissing);
    if (!db || !store::Migrator::migrate(*db)) {
        return std::nullopt;
    }
    return std::move(*db);
}

inline audit::AuditEvent event(int i)
{
    return {QStringLiteral("op%1").arg(i % 3), QStringLiteral("municipal_staff"),
            i % 2 == 0 ? QStringLiteral("linkage.enrol") : QStringLiteral("card.read"),
            QStringLiteral("card-%1").arg(i % 17),
            QJsonObject{{QStringLiteral("n"), i}, {QStringLiteral("note"), QStringLiteral("entry %1").arg(i)}}};
}

inline core::FixedClock& fixtureClock()
{
    static core::FixedClock clock(QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC));
    return clock;
}

// Appends `count` events (one transaction per 50) and signs a head at the end.
inline bool fill(audit::AuditLog& log, store::Database& db, int count)
{
    for (int i = 0; i < count; ++i) {
        if (i % 50 == 0 && !db.exec("BEGIN IMMEDIATE")) {
            return false;
        }
        if (!log.append(event(i))) {
            return false;
        }
        if ((i % 50 == 49 || i == count - 1) && !db.exec("COMMIT")) {
            return false;
        }
    }
    return log.signTreeHead().has_value();
}

} // namespace madoguchi::test
