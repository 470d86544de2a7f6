#include "services/AuditChangeRecorder.h"

#include "audit/AuditLog.h"

#include <QUuid>

namespace madoguchi::services {

core::Result<void> AuditChangeRecorder::record(store::Database& db, const ChangeRecord& change)
{
    if (&db != &m_log->database()) {
        // Another connection would commit the entry separately from the change.
        return core::fail(core::Errc::Internal, QStringLiteral("audit log and change on different connections"));
    }
    const QString id = change.entity == QLatin1String("linkage")
                           ? QUuid::fromRfc4122(change.entityId).toString(QUuid::WithoutBraces)
                           : QString::fromLatin1(change.entityId.toHex());
    audit::AuditEvent event{change.actor.id,
                            roleName(change.actor.role),
                            change.entity + QLatin1Char('.') + change.op,
                            change.entity + QLatin1Char(':') + id,
                            {{QStringLiteral("version"), change.version}, {QStringLiteral("summary"), change.summary}}};
    auto appended = m_log->append(event);
    if (!appended) {
        return core::fail(appended.error());
    }
    return {};
}

} // namespace madoguchi::services
