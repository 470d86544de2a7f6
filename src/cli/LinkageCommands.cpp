// `madoguchi-cli linkage add|find|import|export` (issue 4 item 7).
#include "cli/Groups.h"
#include "cli/StoreOptions.h"

#include "audit/AuditLog.h"
#include "core/Clock.h"
#include "services/AuditChangeRecorder.h"
#include "services/AuditSetup.h"
#include "services/AuditTrail.h"
#include "services/ImportCsvJob.h"
#include "services/LinkageService.h"
#include "services/PanSealer.h"
#include "services/StoreSession.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <optional>

namespace madoguchi::cli {

namespace {

using services::LinkageService;

struct Context
{
    services::StoreSession session;
    services::Operator op;
    core::SystemClock clock;
    std::optional<services::PanSealer> sealer;
    // The audit log, as in the app (issue 5 item 1): each change's entry in the change's transaction.
    std::unique_ptr<audit::AuditLog> log{};
    std::unique_ptr<services::AuditChangeRecorder> recorder{};
};

// A failed entry fails the command: a change without its entry would be worse than none.
int recorded(CliIo& io, const core::Result<qint64>& entry, int exitCode)
{
    return entry ? exitCode : io.reportError(entry.error());
}

QString fileSha256(const QString& path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file)) {
        return QFileInfo(path).fileName();
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString terminalPrefix(const QStringList& args)
{
    QString prefix = optionValue(args, QStringLiteral("--terminal"));
    if (prefix.isEmpty()) {
        prefix = QString::fromLocal8Bit(qgetenv("MADOGUCHI_TERMINAL"));
    }
    return prefix.isEmpty() ? QStringLiteral("T00") : prefix;
}

core::Result<store::CardIdentity> parseCard(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() != 2) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("--card ISSUER_KEY_ID_HEX:SERIAL_HEX"));
    }
    auto card = store::CardIdentity::fromHex(parts[0].toLatin1(), parts[1].toLatin1());
    if (!card.isValid()) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("--card ISSUER_KEY_ID_HEX:SERIAL_HEX"));
    }
    return card;
}

int printLinkages(CliIo& io, const QList<store::Linkage>& linkages)
{
    if (io.json()) {
        QJsonArray array;
        for (const auto& l : linkages) {
            array.append(l.toJson());
        }
        io.printJson({{QStringLiteral("ok"), true}, {QStringLiteral("linkages"), array}});
        return ExitOk;
    }
    for (const auto& l : linkages) {
        io.out() << l.uuid.toString(QUuid::WithoutBraces) << " v" << l.version << ' ' << l.kind << ' '
                 << statusName(l.status) << ' ' << l.card.toString() << ' ' << l.searchKey << '\n';
    }
    io.out() << linkages.size() << " linkage(s)" << Qt::endl;
    return ExitOk;
}

int add(CliIo& io, Context& ctx, LinkageService& service)
{
    const QStringList& args = io.args();
    services::EnrolRequest request;
    auto card = parseCard(optionValue(args, QStringLiteral("--card")));
    if (!card) {
        return io.reportError(card.error());
    }
    request.card = *card;
    request.kind = optionValue(args, QStringLiteral("--kind"));
    for (qsizetype i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == QStringLiteral("--field")) { // --field name=value, repeatable
            const QString pair = args[i + 1];
            request.fields.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
        }
    }
    if (const QString a = optionValue(args, QStringLiteral("--assurance")); !a.isEmpty()) {
        request.assurance = store::assuranceFromName(a).value_or(store::Assurance::TapOnly);
    }
    if (const QString panFile = optionValue(args, QStringLiteral("--pan-file")); !panFile.isEmpty()) {
        // The PAN comes from a file (never argv, which `ps` shows); read straight into SecureBytes.
        auto pan = store::PassphraseKeyProvider::readPassphrase(panFile, "MADOGUCHI_UNUSED_PAN");
        if (!pan) {
            return io.reportError(pan.error());
        }
        request.pan = std::move(*pan);
    }
    auto linkage = service.enrol(ctx.op, std::move(request));
    if (!linkage) {
        return io.reportError(linkage.error());
    }
    return printLinkages(io, {*linkage});
}

int find(CliIo& io, Context& ctx, LinkageService& service)
{
    const QStringList& args = io.args();
    core::Result<QList<store::Linkage>> found = QList<store::Linkage>{};
    QString by = QStringLiteral("other");
    QString subject = QStringLiteral("linkage:query"); // the searched values may be personal: not recorded
    if (const QString c = optionValue(args, QStringLiteral("--card")); !c.isEmpty()) {
        auto card = parseCard(c);
        found = card ? service.findByCard(ctx.op, *card) : core::fail(card.error());
        by = QStringLiteral("card");
        subject = card ? QStringLiteral("card:") + card->toString() : subject;
    } else if (const QString p = optionValue(args, QStringLiteral("--platform-id")); !p.isEmpty()) {
        found = service.findByPlatformId(ctx.op, p);
        by = QStringLiteral("platform_id");
    } else if (const QString ins = optionValue(args, QStringLiteral("--insurance")); !ins.isEmpty()) {
        const QStringList part = ins.split(QLatin1Char(','));
        if (part.size() != 4) {
            return io.usageError(QStringLiteral("--insurance INSURER,SYMBOL,NUMBER,BRANCH"));
        }
        found = service.findByInsurance(ctx.op, part[0], part[1], part[2], part[3]);
        by = QStringLiteral("insurance");
    } else if (const QString n = optionValue(args, QStringLiteral("--name")); !n.isEmpty()) {
        found = service.findByName(ctx.op, n);
        by = QStringLiteral("name");
    } else {
        return io.usageError(QStringLiteral("linkage find --card|--platform-id|--insurance|--name"));
    }
    if (!found) {
        return io.reportError(found.error());
    }
    // Who looked at whom (issue 5): the kind of query and how many answers, not the values asked.
    auto entry = services::AuditTrail(*ctx.log).recordEvent(
        ctx.op, QStringLiteral("linkage.find"), subject,
        {{QStringLiteral("by"), by}, {QStringLiteral("results"), found->size()}});
    return recorded(io, entry, printLinkages(io, *found));
}

int importFile(CliIo& io, Context& ctx, LinkageService& service)
{
    const QStringList& args = io.args();
    const QString path = args.value(1);
    if (path.isEmpty() || path.startsWith(QStringLiteral("--"))) {
        return io.usageError(QStringLiteral("linkage import FILE [options]"));
    }
    services::ImportOptions options;
    if (args.contains(QStringLiteral("--all-or-nothing"))) {
        options.mode = services::ImportOptions::Mode::AllOrNothing;
    }
    const QString encoding = optionValue(args, QStringLiteral("--encoding"));
    options.encoding = encoding == QStringLiteral("cp932")  ? services::CsvEncoding::Cp932
                       : encoding == QStringLiteral("utf8") ? services::CsvEncoding::Utf8
                                                            : services::CsvEncoding::Auto;
    options.createUnknownCards = args.contains(QStringLiteral("--create-cards"));
    options.storeResidentNames = args.contains(QStringLiteral("--store-names"));
    if (const QString kind = optionValue(args, QStringLiteral("--kind")); !kind.isEmpty()) {
        options.defaultKind = kind;
    }
    services::ImportCsvJob job(service, ctx.op, path, options);
    auto report = job.run();
    if (!report) {
        return io.reportError(report.error());
    }
    QJsonArray issues;
    for (const auto& issue : report->issues) {
        issues.append(QJsonObject{{QStringLiteral("row"), issue.row},
                                  {QStringLiteral("field"), issue.field},
                                  {QStringLiteral("reason"), issue.reason}});
        if (!io.json()) {
            io.out() << "row " << issue.row << ' ' << issue.field << ": " << issue.reason << '\n';
        }
    }
    const QJsonObject summary{{QStringLiteral("ok"), report->stored},
                              {QStringLiteral("job"), report->jobId},
                              {QStringLiteral("rows"), report->rows},
                              {QStringLiteral("imported"), report->imported},
                              {QStringLiteral("rejected"), report->rejected},
                              {QStringLiteral("resumedAfter"), report->resumedAfter},
                              {QStringLiteral("issues"), issues}};
    if (io.json()) {
        io.printJson(summary);
    } else {
        io.out() << (report->stored ? "imported " : "REJECTED (all-or-nothing): ") << report->imported << " of "
                 << report->rows << " rows, " << report->rejected << " rejected" << Qt::endl;
    }
    // Each stored row has its own linkage.enrol entry; this one records the file as a whole.
    auto entry =
        services::AuditTrail(*ctx.log).linkageImported(ctx.op, fileSha256(path), report->rows, report->rejected);
    return recorded(io, entry, report->stored && report->rejected == 0 ? ExitOk : ExitParse);
}

int exportFile(CliIo& io, Context& ctx, LinkageService& service)
{
    const QString path = io.args().value(1);
    QFile out;
    const bool opened = path.isEmpty() || path == QStringLiteral("-")
                            ? out.open(stdout, QIODevice::WriteOnly)
                            : (out.setFileName(path), out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    if (!opened) {
        return io.reportError({core::Errc::Io, QStringLiteral("cannot write %1").arg(path), 0});
    }
    auto rows = service.exportCsv(ctx.op, out);
    if (!rows) {
        return io.reportError(rows.error());
    }
    const QString destination = out.fileName().isEmpty() ? QStringLiteral("stdout") : out.fileName();
    return recorded(io, services::AuditTrail(*ctx.log).linkageExported(ctx.op, destination, *rows), ExitOk);
}

int run(CliIo& io)
{
    const QStringList& args = io.args();
    const QString path = databasePath(args);
    if (path.isEmpty()) {
        return io.usageError(QStringLiteral("no database: --db PATH or MADOGUCHI_DB"));
    }
    auto op = cliOperator(args);
    if (!op) {
        return io.reportError(op.error());
    }
    auto session = openStore(path, args);
    if (!session) {
        return io.reportError(session.error());
    }
    Context ctx{std::move(*session), *op, {}, std::nullopt};
    auto log = services::AuditSetup::openLog(ctx.session.database(), path, ctx.clock);
    if (!log) {
        return io.reportError(log.error());
    }
    ctx.log = std::make_unique<audit::AuditLog>(std::move(*log));
    ctx.recorder = std::make_unique<services::AuditChangeRecorder>(*ctx.log);
    if (const QString pem = optionValue(args, QStringLiteral("--platform-key")); !pem.isEmpty()) {
        QFile file(pem);
        auto sealer = file.open(QIODevice::ReadOnly)
                          ? services::PanSealer::fromPublicKeyPem(file.readAll())
                          : core::fail(core::Errc::Io, QStringLiteral("cannot read %1").arg(pem));
        if (!sealer) {
            return io.reportError(sealer.error());
        }
        ctx.sealer.emplace(std::move(*sealer));
    }
    LinkageService service(ctx.session.database(), ctx.clock, terminalPrefix(args), ctx.sealer ? &*ctx.sealer : nullptr,
                           ctx.recorder.get());
    const QString verb = args.value(0);
    if (verb == QStringLiteral("add")) {
        return add(io, ctx, service);
    }
    if (verb == QStringLiteral("find")) {
        return find(io, ctx, service);
    }
    if (verb == QStringLiteral("import")) {
        return importFile(io, ctx, service);
    }
    if (verb == QStringLiteral("export")) {
        return exportFile(io, ctx, service);
    }
    return io.usageError(QStringLiteral("unknown verb: linkage %1").arg(verb));
}

} // namespace

CommandGroup linkageCommands()
{
    return {QStringLiteral("linkage"), QStringLiteral("the linkage registry (add, find, import, export)"),
            QStringLiteral(
                "madoguchi-cli linkage add --card IKID:SERIAL --kind KIND --field name=value... [--assurance A]\n"
                "                          [--pan-file F --platform-key PEM]   (credit cards)\n"
                "madoguchi-cli linkage find --card IKID:SERIAL | --platform-id ID | --insurance INS,SYM,NUM,BR | "
                "--name NAME\n"
                "madoguchi-cli linkage import FILE [--all-or-nothing] [--encoding utf8|cp932] [--create-cards]\n"
                "                          [--kind KIND] [--store-names]\n"
                "madoguchi-cli linkage export FILE|-\n"
                "  all verbs: [--db PATH] [--passphrase-file F] [--operator ID] [--role ROLE] [--terminal PREFIX]"),
            run};
}

} // namespace madoguchi::cli
