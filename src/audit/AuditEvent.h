#pragma once

#include <QJsonObject>
#include <QString>

namespace madoguchi::audit {

// What a caller hands to AuditLog::append(); the log adds index, time and terminal.
struct AuditEvent
{
    QString operatorId;
    QString role;
    QString action;
    QString subject;
    QJsonObject payload;
};

} // namespace madoguchi::audit
