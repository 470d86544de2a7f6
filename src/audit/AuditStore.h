#pragma once

#include "audit/AuditEntry.h"
#include "audit/TreeHead.h"

#include <utility>
#include <vector>

namespace madoguchi::store {
class Database;
}

namespace madoguchi::audit {

// Read side shared by the verifier, the CLI and the GUI (no key needed).
class AuditStore final
{
public:
    [[nodiscard]] static core::Result<qint64> size(store::Database& db);
    [[nodiscard]] static core::Result<std::vector<TreeHead>> heads(store::Database& db);
    [[nodiscard]] static core::Result<AuditEntry> entry(store::Database& db, qint64 index);
    // The public key registered for `terminal` (SubjectPublicKeyInfo DER), or the only one if empty.
    [[nodiscard]] static core::Result<std::pair<QString, QByteArray>> terminalKey(store::Database& db,
                                                                                  const QString& terminal = {});
};

} // namespace madoguchi::audit
