// `madoguchi-cli audit verify|verify-bundle|export-bundle|export-csv|sign-head|list` (issue 5 items 3, 4).
#include "cli/Groups.h"
#include "cli/StoreOptions.h"

#include "audit/AuditBundle.h"
#include "audit/AuditSigner.h"
#include "audit/AuditStore.h"
#include "audit/AuditVerifier.h"
#include "report/AuditPdfReport.h"
#include "services/AuditSetup.h"
#include "services/AuditTrail.h"
#include "services/StoreSession.h"

#include <QFile>
#include <QJsonObject>

namespace madoguchi::cli {

namespace {

using services::AuditSetup;

int reportVerification(CliIo& io, const audit::VerifyReport& report)
{
    if (io.json()) {
        io.printJson({{QStringLiteral("ok"), report.ok()},
                      {QStringLiteral("problem"), audit::problemName(report.problem)},
                      {QStringLiteral("firstBadIndex"), report.firstBadIndex},
                      {QStringLiteral("headSize"), report.headSize},
                      {QStringLiteral("entries"), report.entries},
                      {QStringLiteral("heads"), report.heads},
                      {QStringLiteral("detail"), report.detail}});
    } else if (report.ok()) {
        io.out() << QStringLiteral("audit log intact: %1 entries, %2 signed tree heads")
                        .arg(report.entries)
                        .arg(report.heads)
                 << (report.detail.isEmpty() ? QString() : QStringLiteral(" (") + report.detail + u')') << Qt::endl;
    } else {
        io.err()
            << QStringLiteral("audit log NOT intact (%1): %2").arg(audit::problemName(report.problem), report.detail);
        if (report.firstBadIndex >= 0) {
            io.err() << QStringLiteral("; first bad index %1").arg(report.firstBadIndex);
        }
        io.err() << Qt::endl;
    }
    // A failed verification is a PKI-like integrity failure for scripts.
    return report.ok() ? ExitOk : ExitPki;
}

audit::AuditFilter filterFrom(const QStringList& args)
{
    audit::AuditFilter filter;
    filter.fromIndex = optionValue(args, QStringLiteral("--from")).toLongLong();
    const QString to = optionValue(args, QStringLiteral("--to"));
    filter.toIndex = to.isEmpty() ? -1 : to.toLongLong();
    filter.from = QDateTime::fromString(optionValue(args, QStringLiteral("--since")), Qt::ISODate);
    filter.to = QDateTime::fromString(optionValue(args, QStringLiteral("--until")), Qt::ISODate);
    filter.operatorId = optionValue(args, QStringLiteral("--by"));
    filter.action = optionValue(args, QStringLiteral("--action"));
    filter.subject = optionValue(args, QStringLiteral("--subject"));
    return filter;
}

int verifyBundle(CliIo& io)
{
    const QString path = io.args().value(1);
    if (path.isEmpty()) {
        return io.usageError(QStringLiteral("audit verify-bundle DIR|FILE [--public-key PEM] [--terminal ID]"));
    }
    QByteArray pinned;
    if (const QString keyFile = optionValue(io.args(), QStringLiteral("--public-key")); !keyFile.isEmpty()) {
        QFile file(keyFile);
        if (!file.open(QIODevice::ReadOnly)) {
            return io.reportError({core::Errc::Io, QStringLiteral("cannot read %1").arg(keyFile)});
        }
        pinned = file.readAll();
    }
    return reportVerification(
        io, audit::AuditBundle::verify(path, pinned, optionValue(io.args(), QStringLiteral("--terminal"))));
}

int exportBundle(CliIo& io, store::Database& db, audit::AuditLog& log, const services::Operator& op)
{
    const QString out = optionValue(io.args(), QStringLiteral("--out"));
    const qint64 size = log.size().value_or(0);
    const QString toText = optionValue(io.args(), QStringLiteral("--to"));
    const qint64 from = optionValue(io.args(), QStringLiteral("--from")).toLongLong();
    const qint64 to = toText.isEmpty() ? size : toText.toLongLong();
    if (out.isEmpty()) {
        return io.usageError(QStringLiteral("audit export-bundle --out DIR [--from N] [--to M]"));
    }
    if (auto head = log.signTreeHead(); !head) {
        return io.reportError(head.error());
    }
    auto digest = audit::AuditBundle::exportRange(db, from, to, out);
    if (!digest) {
        return io.reportError(digest.error());
    }
    if (auto recorded = services::AuditTrail(log).auditExported(op, QStringLiteral("bundle"), from, to,
                                                                QString::fromLatin1(digest->toHex()));
        !recorded) {
        return io.reportError(recorded.error());
    }
    io.out() << QStringLiteral("exported entries [%1, %2) to %3 (bundle.json sha256 %4)")
                    .arg(from)
                    .arg(to)
                    .arg(out, QString::fromLatin1(digest->toHex()))
             << Qt::endl;
    return ExitOk;
}

int exportCsv(CliIo& io, store::Database& db, audit::AuditLog& log, const services::Operator& op)
{
    QString out = optionValue(io.args(), QStringLiteral("--out"));
    if (out.isEmpty()) {
        out = optionValue(io.args(), QStringLiteral("--csv"));
    }
    QFile file(out);
    if (out.isEmpty() || !file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return io.usageError(QStringLiteral("audit export-csv --out FILE | audit export --csv FILE | --pdf FILE "
                                            "[filters]"));
    }
    const audit::AuditFilter filter = filterFrom(io.args());
    auto rows = AuditSetup::writeCsv(db, filter, file);
    if (!rows) {
        return io.reportError(rows.error());
    }
    if (auto recorded = services::AuditTrail(log).auditExported(op, QStringLiteral("csv"), filter.fromIndex,
                                                                filter.toIndex, filter.describe());
        !recorded) {
        return io.reportError(recorded.error());
    }
    io.out() << QStringLiteral("%1 entries written to %2").arg(*rows).arg(out) << Qt::endl;
    return ExitOk;
}

// `audit export --pdf FILE [filters]` (or --csv FILE): the report for people, itself recorded.
int exportReport(CliIo& io, store::Database& db, audit::AuditLog& log, const services::Operator& op)
{
    const QString pdf = optionValue(io.args(), QStringLiteral("--pdf"));
    if (pdf.isEmpty()) {
        return exportCsv(io, db, log, op);
    }
    const audit::AuditFilter filter = filterFrom(io.args());
    auto rows = report::AuditPdfReport::write(db, filter, QStringLiteral("Audit log report"), pdf);
    if (!rows) {
        return io.reportError(rows.error());
    }
    if (auto recorded = services::AuditTrail(log).auditExported(op, QStringLiteral("pdf"), filter.fromIndex,
                                                                filter.toIndex, filter.describe());
        !recorded) {
        return io.reportError(recorded.error());
    }
    if (io.json()) {
        io.printJson({{QStringLiteral("ok"), true}, {QStringLiteral("rows"), *rows}, {QStringLiteral("pdf"), pdf}});
    } else {
        io.out() << QStringLiteral("%1 entries written to %2").arg(*rows).arg(pdf) << Qt::endl;
    }
    return ExitOk;
}

int list(CliIo& io, store::Database& db)
{
    const QString limit = optionValue(io.args(), QStringLiteral("--limit"));
    const audit::AuditFilter filter = filterFrom(io.args());
    auto rows = audit::AuditQuery::page(db, filter, filter.fromIndex - 1, limit.isEmpty() ? 50 : limit.toInt());
    if (!rows) {
        return io.reportError(rows.error());
    }
    for (const audit::AuditRow& row : *rows) {
        io.out() << row.index << '\t' << QDateTime::fromMSecsSinceEpoch(row.timeMs, Qt::UTC).toString(Qt::ISODateWithMs)
                 << '\t' << row.operatorId << '\t' << row.role << '\t' << row.action << '\t' << row.subject << Qt::endl;
    }
    return ExitOk;
}

int withLog(CliIo& io, const QString& verb, store::Database& db, const QString& path)
{
    auto op = cliOperator(io.args());
    if (!op) {
        return io.reportError(op.error());
    }
    core::SystemClock clock;
    auto log = AuditSetup::openLog(db, path, clock, optionValue(io.args(), QStringLiteral("--terminal")));
    if (!log) {
        return io.reportError(log.error());
    }
    if (verb == QStringLiteral("export-bundle")) {
        return exportBundle(io, db, *log, *op);
    }
    if (verb == QStringLiteral("export-csv")) {
        return exportCsv(io, db, *log, *op);
    }
    if (verb == QStringLiteral("export")) {
        return exportReport(io, db, *log, *op);
    }
    if (verb == QStringLiteral("archive")) {
        const QString out = optionValue(io.args(), QStringLiteral("--out"));
        const QString to = optionValue(io.args(), QStringLiteral("--to"));
        if (out.isEmpty()) {
            return io.usageError(QStringLiteral("audit archive --out DIR [--to M]"));
        }
        auto sealed = AuditSetup::archive(*log, *op, out, to.isEmpty() ? -1 : to.toLongLong());
        if (!sealed) {
            return io.reportError(sealed.error());
        }
        io.out() << QStringLiteral("archived entries [%1, %2) into %3").arg(sealed->from).arg(sealed->to).arg(out)
                 << Qt::endl;
        return ExitOk;
    }
    auto head = log->signTreeHead(); // sign-head
    if (!head) {
        return io.reportError(head.error());
    }
    io.out() << QStringLiteral("tree head at %1: %2")
                    .arg(head->size)
                    .arg(QString::fromLatin1(audit::toBytes(head->root).toHex()))
             << Qt::endl;
    return ExitOk;
}

int run(CliIo& io)
{
    const QString verb = io.args().value(0);
    if (verb == QStringLiteral("verify-bundle")) {
        return verifyBundle(io);
    }
    const QString path = databasePath(io.args());
    if (path.isEmpty()) {
        return io.usageError(QStringLiteral("no database: --db PATH or MADOGUCHI_DB"));
    }
    auto session = openStore(path, io.args());
    if (!session) {
        return io.reportError(session.error());
    }
    store::Database& db = session->database();
    if (verb == QStringLiteral("verify")) {
        const QByteArray key = AuditSetup::trustedKey(path, optionValue(io.args(), QStringLiteral("--public-key")));
        auto report = audit::AuditVerifier::verifyDatabase(db, key);
        return report ? reportVerification(io, *report) : io.reportError(report.error());
    }
    if (verb == QStringLiteral("list")) {
        return list(io, db);
    }
    if (verb == QStringLiteral("export-bundle") || verb == QStringLiteral("export-csv") ||
        verb == QStringLiteral("export") || verb == QStringLiteral("sign-head") || verb == QStringLiteral("archive")) {
        return withLog(io, verb, db, path);
    }
    return io.usageError(QStringLiteral("unknown verb: audit %1").arg(verb));
}

} // namespace

CommandGroup auditCommands()
{
    return {
        QStringLiteral("audit"), QStringLiteral("the tamper-evident audit log (verify, bundles, exports)"),
        QStringLiteral("madoguchi-cli audit verify [--public-key PEM]\n"
                       "madoguchi-cli audit verify-bundle DIR|FILE [--public-key PEM] [--terminal ID]\n"
                       "madoguchi-cli audit export-bundle --out DIR [--from N] [--to M]\n"
                       "madoguchi-cli audit export-csv --out FILE [filters]\n"
                       "madoguchi-cli audit export --pdf FILE | --csv FILE [filters]   (a report for people)\n"
                       "madoguchi-cli audit list [--limit K] [filters]\n"
                       "madoguchi-cli audit sign-head\n"
                       "madoguchi-cli audit archive --out DIR [--to M]   (seals the next range into a bundle)\n"
                       "  filters: --from N --to M --since ISO --until ISO --by OPERATOR --action A --subject PREFIX\n"
                       "  database/passphrase as for `db`; tree-head key: <db>.audit.pem; terminal: --terminal "
                       "or MADOGUCHI_TERMINAL"),
        run};
}

} // namespace madoguchi::cli
