#include "services/WorkerAudit.h"

#include "services/AuditSetup.h"

namespace madoguchi::services {

WorkerAudit::WorkerAudit(audit::AuditLog log) : m_log(std::move(log)), m_recorder(m_log), m_trail(m_log) {}

core::Result<std::unique_ptr<WorkerAudit>> WorkerAudit::open(store::Database& db, const QString& databasePath,
                                                             const core::Clock& clock)
{
    auto log = AuditSetup::openLog(db, databasePath, clock);
    if (!log) {
        return core::fail(log.error());
    }
    return std::unique_ptr<WorkerAudit>(new WorkerAudit(std::move(*log)));
}

core::Result<void> WorkerAudit::record(store::Database& db, const ChangeRecord& change)
{
    return m_recorder.record(db, change);
}

} // namespace madoguchi::services
