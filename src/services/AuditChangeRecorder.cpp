#include "services/AuditChangeRecorder.h"

#include "audit/AuditLog.h"

#include <QUuid>

namespace madoguchi::services {

namespace {

// The subject auditors filter by: a linkage by its UUID, named things by their name (the same
// "operator:<login>" and "card:<issuer>:<serial>" that AuditTrail writes; a work item by its number),
// anything else in hex.
QString subjectOf(const ChangeRecord& change)
{
    QString id;
    if (change.entity == QLatin1String("linkage") && change.entityId.size() == 16) {
        id = QUuid::fromRfc4122(change.entityId).toString(QUuid::WithoutBraces);
    } else if (change.entity == QLatin1String("operator") || change.entity == QLatin1String("setting") ||
               change.entity == QLatin1String("card") || change.entity == QLatin1String("revocation_work")) {
        id = QString::fromUtf8(change.entityId);
    } else {
        id = QString::fromLatin1(change.entityId.toHex());
    }
    return change.entity + QLatin1Char(':') + id;
}

} // namespace

core::Result<void> AuditChangeRecorder::record(store::Database& db, const ChangeRecord& change)
{
    if (&db != &m_log->database()) {
        // Another connection would commit the entry separately from the change.
        return core::fail(core::Errc::Internal, QStringLiteral("audit log and change on different connections"));
    }
    QJsonObject payload = change.details;
    payload.insert(QStringLiteral("version"), change.version);
    payload.insert(QStringLiteral("summary"), change.summary);
    const bool bySystem = change.actor.id.isEmpty();
    audit::AuditEvent event{change.actor.id, bySystem ? QString() : roleName(change.actor.role),
                            change.entity + QLatin1Char('.') + change.op, subjectOf(change), payload};
    auto appended = m_log->append(event);
    if (!appended) {
        return core::fail(appended.error());
    }
    return {};
}

} // namespace madoguchi::services
