#pragma once

#include "core/Result.h"
#include "services/Operator.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace madoguchi::store {
class Database;
}

namespace madoguchi::services {

// One change the registry made, handed to the audit log (architecture.md §6) INSIDE the same
// transaction: if recording fails, the change rolls back with it.
struct ChangeRecord
{
    QString entity;      // "linkage", "card", "resident", "import", "operator", "setting"
    QByteArray entityId; // linkage: 16-byte UUID; operator, setting, card: UTF-8 text; others: bytes

    QString op; // "enrol", "suspend", "end", "migrate", "revocation", ...
    int version = 0;
    Operator actor;        // an empty id: the system itself (a CRL, the platform's feed), recorded without a role
    QString summary;       // no personal data, no card numbers
    QJsonObject details{}; // structured extras for the entry's payload; same rules as summary
};

// The hook the audit issue plugs in. The default is none.
class ChangeRecorder
{
public:
    virtual ~ChangeRecorder() = default;
    [[nodiscard]] virtual core::Result<void> record(store::Database& db, const ChangeRecord& change) = 0;
};

} // namespace madoguchi::services
