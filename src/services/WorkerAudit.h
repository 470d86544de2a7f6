#pragma once

#include "audit/AuditLog.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "services/AuditChangeRecorder.h"
#include "services/AuditTrail.h"

#include <functional>
#include <memory>

namespace madoguchi::services {

class WorkerAudit;
// Opens the audit log on a worker's connection; given to the GUI by the app (it knows the paths).
using WorkerAuditOpener = std::function<core::Result<std::unique_ptr<WorkerAudit>>(store::Database&)>;

// The audit log on a worker's OWN connection (the bulk import runs on one, issue 4 item 8): its
// ChangeRecorder writes each entry in the worker's transactions, so a change and its entry still
// commit together (architecture.md §6); trail() records the worker's summary (linkage.import).
// Lives on the worker's thread, as long as the connection it was opened on.
class WorkerAudit final : public ChangeRecorder
{
public:
    // `clock` must outlive the result. The log's terminal key lies beside `databasePath`.
    [[nodiscard]] static core::Result<std::unique_ptr<WorkerAudit>>
    open(store::Database& db, const QString& databasePath, const core::Clock& clock);
    WorkerAudit(const WorkerAudit&) = delete;
    WorkerAudit& operator=(const WorkerAudit&) = delete;

    [[nodiscard]] core::Result<void> record(store::Database& db, const ChangeRecord& change) override;
    [[nodiscard]] AuditTrail& trail() { return m_trail; }

private:
    explicit WorkerAudit(audit::AuditLog log);

    audit::AuditLog m_log;
    AuditChangeRecorder m_recorder;
    AuditTrail m_trail;
};

} // namespace madoguchi::services
