#pragma once

#include <QString>

#include <optional>

namespace madoguchi::services {

enum class Role
{
    MunicipalStaff,
    InsurerClerk,
    Auditor,
    Admin,
};

[[nodiscard]] QString roleName(Role role);
[[nodiscard]] std::optional<Role> roleFromName(QStringView name);

// Who acts. Every service call takes one; roles are checked in services (architecture.md §2).
struct Operator
{
    QString id;
    Role role = Role::Auditor;
};

} // namespace madoguchi::services
