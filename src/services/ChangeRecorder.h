#pragma once

#include "core/Result.h"
#include "services/Operator.h"

#include <QByteArray>
#include <QString>

namespace madoguchi::store {
class Database;
}

namespace madoguchi::services {

// One change the registry made, handed to the audit log (architecture.md §6) INSIDE the same
// transaction: if recording fails, the change rolls back with it.
struct ChangeRecord
{
    QString entity; // "linkage", "card", "resident", "import"
    QByteArray entityId;
    QString op; // "enrol", "suspend", "end", "migrate", "revocation", ...
    int version = 0;
    Operator actor;
    QString summary; // no personal data, no card numbers
};

// The hook the audit issue plugs in. The default is none.
class ChangeRecorder
{
public:
    virtual ~ChangeRecorder() = default;
    [[nodiscard]] virtual core::Result<void> record(store::Database& db, const ChangeRecord& change) = 0;
};

} // namespace madoguchi::services
