#pragma once

#include "services/Operator.h"

#include <QDateTime>
#include <QString>

namespace madoguchi::services {

// One local operator account as the Operators page lists it (never the password hash).
struct OperatorAccount
{
    QString login;
    QString displayName;
    Role role = Role::Auditor;
    bool disabled = false;
    int failedAttempts = 0;
    QDateTime lockedUntil; // invalid when not locked
    QDateTime createdAt;

    [[nodiscard]] Operator toOperator() const { return Operator{login, role}; }
};

// What an administrator enters for a new account.
struct NewOperator
{
    QString login; // [a-z0-9._-], 1–32 characters
    QString displayName;
    Role role = Role::MunicipalStaff;
};

} // namespace madoguchi::services
