#include "services/AuditSetup.h"

#include "audit/AuditBundle.h"
#include "audit/AuditSigner.h"
#include "audit/AuditStore.h"
#include "services/AuditTrail.h"
#include "services/CsvWriter.h"
#include "store/Database.h"
#include "store/Transaction.h"

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

core::Result<AuditSetup::Archive> AuditSetup::archive(audit::AuditLog& log, const Operator& op,
                                                      const QString& directory, qint64 to)
{
    store::Database& db = log.database();
    auto from = db.queryInt("SELECT coalesce(max(end_idx), 0) FROM audit_archive");
    auto size = log.size();
    if (!from || !size) {
        return core::fail(!from ? from.error() : size.error());
    }
    Archive sealed{*from, to < 0 ? *size : to, {}};
    auto head = log.signTreeHead();
    if (!head) {
        return core::fail(head.error());
    }
    auto digest = audit::AuditBundle::exportRange(db, sealed.from, sealed.to, directory);
    if (!digest) {
        return core::fail(digest.error());
    }
    sealed.bundleSha256 = *digest;
    auto tx = store::Transaction::begin(db);
    auto insert = db.prepare("INSERT INTO audit_archive(first_idx, end_idx, tree_size, bundle_sha256, sealed_at, "
                             "sealed_by) VALUES (?, ?, ?, ?, ?, ?)");
    if (!tx || !insert) {
        return core::fail(!tx ? tx.error() : insert.error());
    }
    insert->bind(1, sealed.from).bind(2, sealed.to).bind(3, head->size).bindBlob(4, sealed.bundleSha256);
    insert->bind(5, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)).bind(6, op.id);
    if (auto ran = insert->run(); !ran) {
        return core::fail(ran.error());
    }
    auto recorded = log.append(AuditTrail::event(op, QStringLiteral("audit.archive"), QStringLiteral("audit:bundle"),
                                                 {{QStringLiteral("from"), sealed.from},
                                                  {QStringLiteral("to"), sealed.to},
                                                  {QStringLiteral("bundle"), QString::fromLatin1(digest->toHex())}}));
    if (!recorded) {
        return core::fail(recorded.error());
    }
    if (auto committed = tx->commit(); !committed) {
        return core::fail(committed.error());
    }
    return sealed;
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
