#include "services/AccessPolicy.h"

#include <array>

namespace madoguchi::services {

namespace {

constexpr std::array RoleNames{"municipal_staff", "insurer_clerk", "auditor", "admin"};

core::Result<void> refuse(const Operator& op, const QString& action)
{
    return core::fail(core::Errc::PermissionDenied,
                      QStringLiteral("role %1 may not %2").arg(roleName(op.role), action));
}

} // namespace

QString roleName(Role role)
{
    return QString::fromLatin1(RoleNames.at(static_cast<std::size_t>(role)));
}

std::optional<Role> roleFromName(QStringView name)
{
    for (std::size_t i = 0; i < RoleNames.size(); ++i) {
        if (name == QLatin1String(RoleNames[i])) {
            return static_cast<Role>(i);
        }
    }
    return std::nullopt;
}

core::Result<void> AccessPolicy::mayRead(const Operator& op)
{
    if (op.id.isEmpty()) {
        return core::fail(core::Errc::PermissionDenied, QStringLiteral("no operator"));
    }
    return {};
}

core::Result<void> AccessPolicy::mayChangeKind(const Operator& op, const QString& kind)
{
    if (auto read = mayRead(op); !read) {
        return read;
    }
    switch (op.role) {
    case Role::Admin:
    case Role::MunicipalStaff:
        return {};
    case Role::InsurerClerk:
        return kind == QStringLiteral("health_insurance") ? core::Result<void>{}
                                                          : refuse(op, QStringLiteral("change %1 linkages").arg(kind));
    case Role::Auditor:
        break;
    }
    return refuse(op, QStringLiteral("change linkages"));
}

core::Result<void> AccessPolicy::mayChangeCard(const Operator& op)
{
    if (op.id.isEmpty() || (op.role != Role::Admin && op.role != Role::MunicipalStaff)) {
        return refuse(op, QStringLiteral("change a card's state"));
    }
    return {};
}

core::Result<void> AccessPolicy::mayRecordResident(const Operator& op)
{
    return mayChangeCard(op);
}

bool AccessPolicy::mayUse(const Operator& op, Workspace workspace)
{
    if (op.id.isEmpty()) {
        return false;
    }
    const bool changesCards = op.role == Role::Admin || op.role == Role::MunicipalStaff;
    switch (workspace) {
    case Workspace::Card:
    case Workspace::Linkages:
    case Workspace::Revocations:
    case Workspace::Settings:
        return true;
    case Workspace::Enrolment:
        return changesCards || op.role == Role::InsurerClerk;
    case Workspace::Audit:
        return op.role == Role::Admin || op.role == Role::Auditor;
    case Workspace::Sync:
        // Everyone may look at the sync state and its conflicts; starting a run is for those who
        // change registry data (SyncService::mayStart), resolving follows mayChangeKind (issue 6 item 6).
        return true;
    case Workspace::Operators:
        return op.role == Role::Admin;
    }
    return false;
}

core::Result<void> AccessPolicy::mayManageOperators(const Operator& op)
{
    if (op.id.isEmpty() || op.role != Role::Admin) {
        return refuse(op, QStringLiteral("manage operators"));
    }
    return {};
}

core::Result<void> AccessPolicy::mayViewOperators(const Operator& op)
{
    if (op.id.isEmpty() || (op.role != Role::Admin && op.role != Role::Auditor)) {
        return refuse(op, QStringLiteral("view operators"));
    }
    return {};
}

core::Result<void> AccessPolicy::mayChangeOfficeSettings(const Operator& op)
{
    if (op.id.isEmpty() || op.role != Role::Admin) {
        return refuse(op, QStringLiteral("change office settings"));
    }
    return {};
}

core::Result<void> AccessPolicy::mayChangePreferences(const Operator& op)
{
    return mayRead(op);
}

} // namespace madoguchi::services
