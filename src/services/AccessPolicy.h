#pragma once

#include "core/Result.h"
#include "services/Operator.h"

namespace madoguchi::services {

// Who may do what, in one table (issue 4 item 5): auditors read and export but change nothing;
// insurer clerks change health-insurance linkages only; municipal staff and admins change any kind;
// card-level actions (revocation events, succession) are for municipal staff and admins.
// Refusals are Errc::PermissionDenied.
class AccessPolicy final
{
public:
    [[nodiscard]] static core::Result<void> mayRead(const Operator& op);
    [[nodiscard]] static core::Result<void> mayChangeKind(const Operator& op, const QString& kind);
    [[nodiscard]] static core::Result<void> mayChangeCard(const Operator& op);
    [[nodiscard]] static core::Result<void> mayRecordResident(const Operator& op);
};

} // namespace madoguchi::services
