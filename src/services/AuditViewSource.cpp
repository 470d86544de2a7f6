#include "services/AuditViewSource.h"

#include "audit/AuditVerifier.h"
#include "services/AuditSetup.h"
#include "services/AuditTrail.h"

namespace madoguchi::services {

AuditViewSource::AuditViewSource(QString databasePath, core::SecureBytes databaseKey, Operator viewer)
    : m_path(std::move(databasePath)), m_key(std::move(databaseKey)), m_viewer(std::move(viewer))
{}

core::Result<store::Database> AuditViewSource::openConnection() const
{
    return store::Database::open(m_path, m_key, store::Database::Mode::OpenExisting);
}

core::Result<audit::VerifyReport> AuditViewSource::verify(const audit::VerifyProgress& progress) const
{
    auto db = openConnection();
    if (!db) {
        return core::fail(db.error());
    }
    return audit::AuditVerifier::verifyDatabase(*db, AuditSetup::trustedKey(m_path), progress);
}

core::Result<void> AuditViewSource::recordExport(const QString& format, const QString& filter, qint64 rows) const
{
    auto db = openConnection();
    if (!db) {
        return core::fail(db.error());
    }
    core::SystemClock clock;
    auto log = AuditSetup::openLog(*db, m_path, clock);
    if (!log) {
        return core::fail(log.error());
    }
    auto recorded = AuditTrail(*log).auditExported(m_viewer, format, 0, rows, filter);
    if (!recorded) {
        return core::fail(recorded.error());
    }
    return {};
}

} // namespace madoguchi::services
