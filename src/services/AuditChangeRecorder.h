#pragma once

#include "services/ChangeRecorder.h"

namespace madoguchi::audit {
class AuditLog;
}

namespace madoguchi::services {

// The audit log behind LinkageService's ChangeRecorder hook: each registry change gets its entry in
// the SAME transaction (architecture.md §6), so a crash leaves both or neither.
class AuditChangeRecorder final : public ChangeRecorder
{
public:
    explicit AuditChangeRecorder(audit::AuditLog& log) : m_log(&log) {}
    [[nodiscard]] core::Result<void> record(store::Database& db, const ChangeRecord& change) override;

private:
    audit::AuditLog* m_log;
};

} // namespace madoguchi::services
