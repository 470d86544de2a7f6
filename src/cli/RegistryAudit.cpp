#include "cli/RegistryAudit.h"

#include "audit/AuditLog.h"
#include "cli/StoreOptions.h"
#include "core/Clock.h"
#include "services/AuditSetup.h"
#include "services/AuditTrail.h"
#include "services/StoreSession.h"

namespace madoguchi::cli {

namespace {

core::Result<qint64> record(const QStringList& args, const QString& path, const QString& action, const QString& subject,
                            const QJsonObject& payload)
{
    auto op = cliOperator(args);
    if (!op) {
        return core::fail(op.error());
    }
    auto session = openStore(path, args);
    if (!session) {
        return core::fail(session.error());
    }
    core::SystemClock clock;
    auto log = services::AuditSetup::openLog(session->database(), path, clock);
    if (!log) {
        return core::fail(log.error());
    }
    return services::AuditTrail(*log).recordEvent(*op, action, subject, payload);
}

} // namespace

void recordInRegistry(CliIo& io, const QString& action, const QString& subject, const QJsonObject& payload)
{
    const QString path = databasePath(io.args());
    if (path.isEmpty()) {
        return;
    }
    if (auto recorded = record(io.args(), path, action, subject, payload); !recorded) {
        io.err() << "audit entry not written to " << path << ": " << recorded.error().toString() << Qt::endl;
    }
}

} // namespace madoguchi::cli
