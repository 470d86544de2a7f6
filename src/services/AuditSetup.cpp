#include "services/AuditSetup.h"

#include "audit/AuditSigner.h"
#include "audit/AuditStore.h"
#include "services/CsvWriter.h"

#include <QDateTime>
#include <QFile>
#include <QSysInfo>

namespace madoguchi::services {

QString AuditSetup::keyPathFor(const QString& databasePath)
{
    return databasePath + QStringLiteral(".audit.pem");
}

QString AuditSetup::defaultTerminal()
{
    const QString fromEnv = QString::fromLocal8Bit(qgetenv("MADOGUCHI_TERMINAL"));
    return fromEnv.isEmpty() ? QSysInfo::machineHostName() : fromEnv;
}

core::Result<audit::AuditLog> AuditSetup::openLog(store::Database& db, const QString& databasePath,
                                                  const core::Clock& clock, QString terminal)
{
    auto signer = audit::AuditSigner::loadOrCreate(keyPathFor(databasePath));
    if (!signer) {
        return core::fail(signer.error());
    }
    if (terminal.isEmpty()) {
        // The database's own terminal first: a log belongs to one terminal for its whole life.
        auto registered = audit::AuditStore::terminalKey(db);
        terminal = registered ? registered->first : defaultTerminal();
    }
    return audit::AuditLog::open(db, std::move(*signer), clock, {std::move(terminal), 4096});
}

QByteArray AuditSetup::trustedKey(const QString& databasePath, const QString& publicKeyFile)
{
    if (!publicKeyFile.isEmpty()) {
        QFile file(publicKeyFile);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("unreadable");
    }
    if (QFile::exists(keyPathFor(databasePath))) {
        auto signer = audit::AuditSigner::loadOrCreate(keyPathFor(databasePath));
        return signer ? signer->publicKeyDer() : QByteArray("unreadable");
    }
    return {};
}

core::Result<qint64> AuditSetup::writeCsv(store::Database& db, const audit::AuditFilter& filter, QIODevice& out)
{
    CsvWriter csv(out);
    csv.writeRow({QStringLiteral("index"), QStringLiteral("time_utc"), QStringLiteral("operator"),
                  QStringLiteral("role"), QStringLiteral("action"), QStringLiteral("subject")});
    qint64 after = -1;
    qint64 written = 0;
    while (true) {
        auto rows = audit::AuditQuery::page(db, filter, after, 5000);
        if (!rows) {
            return core::fail(rows.error());
        }
        for (const audit::AuditRow& row : *rows) {
            csv.writeRow({QString::number(row.index),
                          QDateTime::fromMSecsSinceEpoch(row.timeMs, Qt::UTC).toString(Qt::ISODateWithMs),
                          row.operatorId, row.role, row.action, row.subject});
            after = row.index;
            ++written;
        }
        if (rows->size() < 5000) {
            break;
        }
    }
    if (!csv.ok()) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot write the CSV"));
    }
    return written;
}

} // namespace madoguchi::services
