#pragma once

#include "core/Result.h"
#include "services/Operator.h"

namespace madoguchi::services {

// Who may do what, in one table (issue 4 item 5): auditors read and export but change nothing;
// insurer clerks change health-insurance linkages only; municipal staff and admins change any kind;
// card-level actions (revocation events, succession) are for municipal staff and admins; operators
// and office settings are for admins.
// Refusals are Errc::PermissionDenied.
// The parts of the counter an operator may open (the GUI hides the rest; the services refuse anyway).
enum class Workspace
{
    Card,
    Enrolment,
    Linkages,
    Revocations,
    Audit,
    Sync,
    Settings,
    Operators,
};

class AccessPolicy final
{
public:
    [[nodiscard]] static bool mayUse(const Operator& op, Workspace workspace);
    // Operator administration (issue 6 item 1): only admins add, disable, reset or change roles.
    [[nodiscard]] static core::Result<void> mayManageOperators(const Operator& op);
    // Admins and auditors may see who has which role; nobody else.
    [[nodiscard]] static core::Result<void> mayViewOperators(const Operator& op);
    // Office settings (readers, platform, trust anchors, assurance policy, lock timeout): admins only.
    [[nodiscard]] static core::Result<void> mayChangeOfficeSettings(const Operator& op);
    // Personal display preferences (language): anyone signed in; they change no registry data.
    [[nodiscard]] static core::Result<void> mayChangePreferences(const Operator& op);
    [[nodiscard]] static core::Result<void> mayRead(const Operator& op);
    [[nodiscard]] static core::Result<void> mayChangeKind(const Operator& op, const QString& kind);
    [[nodiscard]] static core::Result<void> mayChangeCard(const Operator& op);
    [[nodiscard]] static core::Result<void> mayRecordResident(const Operator& op);
};

} // namespace madoguchi::services
