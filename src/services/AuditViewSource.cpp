#include "services/AuditViewSource.h"

#include "audit/AuditVerifier.h"
#include "services/AuditSetup.h"
#include "services/AuditTrail.h"

#include <memory>

namespace madoguchi::services {

AuditViewSource::AuditViewSource(QString databasePath, core::SecureBytes databaseKey, Operator viewer)
    : m_path(std::move(databasePath)), m_ownViewer(std::move(viewer)), m_viewer(&m_ownViewer)
{
    auto key = std::make_shared<core::SecureBytes>(std::move(databaseKey));
    m_open = [path = m_path, key]() { return store::Database::open(path, *key, store::Database::Mode::OpenExisting); };
}

AuditViewSource::AuditViewSource(QString databasePath, ConnectionOpener open, const Operator& viewer)
    : m_path(std::move(databasePath)), m_open(std::move(open)), m_viewer(&viewer)
{}

core::Result<store::Database> AuditViewSource::openConnection() const
{
    return m_open();
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
    auto recorded = AuditTrail(*log).auditExported(*m_viewer, format, 0, rows, filter);
    if (!recorded) {
        return core::fail(recorded.error());
    }
    return {};
}

} // namespace madoguchi::services
