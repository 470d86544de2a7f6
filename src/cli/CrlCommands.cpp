// `madoguchi-cli crl import|check|diff|stats` (issue 3 item 8) over the CRL engine in src/pki.
#include "cli/Groups.h"
#include "cli/RegistryAudit.h"

#include "core/Clock.h"
#include "pki/Crl.h"
#include "pki/CrlCache.h"
#include "pki/CrlDelta.h"
#include "pki/CrlIssuer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QStandardPaths>

#include <map>

namespace madoguchi::cli {

namespace {

using pki::Crl;
using pki::CrlReason;

// `--name value` from the arguments after the verb, or `fallback`.
QString option(const QStringList& args, const QString& name, const QString& fallback = {})
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
}

// Positional arguments (not options, not option values) after the verb.
QStringList positionals(const QStringList& args)
{
    QStringList out;
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i).startsWith(QStringLiteral("--"))) {
            ++i;
            continue;
        }
        out << args.at(i);
    }
    return out;
}

QString cacheDir(const QStringList& args)
{
    return option(args, QStringLiteral("--cache"),
                  QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/crl"));
}

QString isoTime(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QString reasonName(CrlReason reason)
{
    return QString::fromLatin1(pki::crlReasonName(reason));
}

QJsonObject describe(const Crl& crl, const core::Clock& clock)
{
    const pki::CrlInfo& info = crl.info();
    QJsonObject out{{QStringLiteral("id"), QString::fromLatin1(crl.contentId().toHex())},
                    {QStringLiteral("issuerKeyId"), QString::fromLatin1(info.authorityKeyId.toHex())},
                    {QStringLiteral("entries"), double(info.entryCount)},
                    {QStringLiteral("thisUpdate"), isoTime(info.thisUpdate)},
                    {QStringLiteral("nextUpdate"), info.nextUpdate ? isoTime(*info.nextUpdate) : QString()},
                    {QStringLiteral("stale"), crl.isStale(clock)},
                    {QStringLiteral("notYetValid"), crl.isNotYetValid(clock)},
                    {QStringLiteral("verified"), crl.verifiedAt() != 0}};
    if (info.crlNumber) {
        out.insert(QStringLiteral("crlNumber"), QString::number(*info.crlNumber));
    }
    if (info.deltaBaseCrlNumber) {
        out.insert(QStringLiteral("deltaBaseCrlNumber"), QString::number(*info.deltaBaseCrlNumber));
    }
    return out;
}

void printObject(CliIo& io, const QJsonObject& object)
{
    if (io.json()) {
        io.printJson(object);
        return;
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isArray() && !it.value().isObject()) {
            io.out() << it.key().leftJustified(20) << it.value().toVariant().toString() << '\n';
        }
    }
    io.out().flush();
}

int runImport(CliIo& io, const core::Clock& clock)
{
    const QStringList files = positionals(io.args());
    const QString issuerPath = option(io.args(), QStringLiteral("--issuer"));
    if (files.size() != 1 || issuerPath.isEmpty()) {
        return io.usageError(QStringLiteral("crl import FILE --issuer CA.pem [--cache DIR]"));
    }
    auto issuer = pki::CrlIssuer::fromPemFile(issuerPath);
    if (!issuer) {
        return io.reportError(issuer.error());
    }
    pki::CrlCache cache(cacheDir(io.args()));
    QElapsedTimer timer;
    timer.start();
    auto crl = cache.import(files.first(), *issuer, clock);
    if (!crl) {
        recordInRegistry(io, QStringLiteral("crl.import"), QStringLiteral("crl:"),
                         {{QStringLiteral("outcome"), QStringLiteral("refused")},
                          {QStringLiteral("error"), core::errcName(crl.error().code)}});
        return io.reportError(crl.error());
    }
    QJsonObject out = describe(*crl, clock);
    QJsonObject recorded = out;
    recorded.insert(QStringLiteral("outcome"), QStringLiteral("ok"));
    recordInRegistry(io, QStringLiteral("crl.import"),
                     QStringLiteral("crl:") + QString::fromLatin1(crl->contentId().toHex()), recorded);
    out.insert(QStringLiteral("ok"), true);
    out.insert(QStringLiteral("cache"), cache.directory());
    out.insert(QStringLiteral("milliseconds"), double(timer.elapsed()));
    printObject(io, out);
    return ExitOk;
}

// The CRLs to answer from, per CA key: the complete CRL with the highest number, with the newest delta
// that applies to it (RFC 5280 §5.2.4).
struct CurrentCrl
{
    const Crl* base = nullptr;
    const Crl* delta = nullptr;
};

std::map<QByteArray, CurrentCrl> currentCrls(const std::vector<Crl>& crls)
{
    std::map<QByteArray, CurrentCrl> current;
    for (const Crl& crl : crls) {
        CurrentCrl& slot = current[crl.info().authorityKeyId];
        if (!crl.info().isDelta() && (!slot.base || crl.info().crlNumber > slot.base->info().crlNumber)) {
            slot.base = &crl;
        }
    }
    for (const Crl& crl : crls) {
        CurrentCrl& slot = current[crl.info().authorityKeyId];
        if (crl.info().isDelta() && slot.base && pki::CrlDelta::apply(*slot.base, crl) &&
            (!slot.delta || crl.info().crlNumber > slot.delta->info().crlNumber)) {
            slot.delta = &crl;
        }
    }
    return current;
}

QJsonObject checkOne(const CurrentCrl& current, const QByteArray& serial, const core::Clock& clock, bool& revoked,
                     bool& unknown)
{
    QJsonObject out = describe(*current.base, clock);
    std::optional<pki::CrlRevocation> hit = current.base->find(serial);
    if (current.delta) {
        hit = pki::CrlDelta::apply(*current.base, *current.delta)->find(serial);
        out.insert(QStringLiteral("deltaCrlNumber"), QString::number(current.delta->info().crlNumber.value_or(0)));
    }
    const bool stale = (current.delta ? current.delta : current.base)->isStale(clock);
    if (hit) {
        revoked = true;
        out.insert(QStringLiteral("status"), QStringLiteral("revoked"));
        out.insert(QStringLiteral("reason"), reasonName(hit->reason));
        out.insert(QStringLiteral("revocationDate"), isoTime(hit->revocationDate));
    } else {
        // Fail closed: a stale CRL cannot say "good" (issue 3 item 6).
        unknown = unknown || stale;
        out.insert(QStringLiteral("status"), stale ? QStringLiteral("unknown") : QStringLiteral("good"));
    }
    return out;
}

int runCheck(CliIo& io, const core::Clock& clock)
{
    const QStringList serials = positionals(io.args());
    const QByteArray serial = serials.size() == 1 ? QByteArray::fromHex(serials.first().toLatin1()) : QByteArray();
    if (serial.isEmpty()) {
        return io.usageError(QStringLiteral("crl check SERIALHEX [--cache DIR]"));
    }
    pki::CrlCache cache(cacheDir(io.args()));
    std::vector<Crl> crls;
    for (const QString& id : cache.ids()) {
        auto crl = cache.open(id, clock);
        if (!crl) {
            return io.reportError(crl.error());
        }
        crls.push_back(std::move(*crl));
    }
    if (crls.empty()) {
        return io.reportError(
            core::Error{core::Errc::RevocationUnknown, QStringLiteral("no CRL in %1").arg(cache.directory()), 0});
    }
    bool revoked = false, unknown = false;
    QJsonArray results;
    for (const auto& [keyId, current] : currentCrls(crls)) {
        if (current.base) {
            results.append(checkOne(current, serial, clock, revoked, unknown));
        }
    }
    const QString verdict = revoked   ? QStringLiteral("revoked")
                            : unknown ? QStringLiteral("unknown")
                                      : QStringLiteral("good");
    recordInRegistry(io, QStringLiteral("revocation.check"),
                     QStringLiteral("serial:") + QString::fromLatin1(serial.toHex()),
                     {{QStringLiteral("source"), QStringLiteral("crl")}, {QStringLiteral("status"), verdict}});
    if (io.json()) {
        io.printJson({{QStringLiteral("serial"), QString::fromLatin1(serial.toHex())},
                      {QStringLiteral("status"), verdict},
                      {QStringLiteral("crls"), results}});
    } else {
        for (const auto& value : results) {
            const QJsonObject r = value.toObject();
            io.out() << "CA " << r.value(QStringLiteral("issuerKeyId")).toString() << " CRL #"
                     << r.value(QStringLiteral("crlNumber")).toString() << ": "
                     << r.value(QStringLiteral("status")).toString()
                     << (r.contains(QStringLiteral("reason"))
                             ? QStringLiteral(" (%1, %2)")
                                   .arg(r.value(QStringLiteral("reason")).toString(),
                                        r.value(QStringLiteral("revocationDate")).toString())
                             : QString())
                     << (r.value(QStringLiteral("stale")).toBool() ? " [stale CRL]" : "") << '\n';
        }
        io.out() << "status: " << verdict << Qt::endl;
    }
    return verdict == QStringLiteral("good") ? ExitOk : ExitPki;
}

QJsonArray eventsJson(const std::vector<pki::CrlEvent>& events, bool withPrevious)
{
    QJsonArray out;
    for (const auto& event : events) {
        QJsonObject e{{QStringLiteral("serial"), QString::fromLatin1(event.serial.toHex())},
                      {QStringLiteral("reason"), reasonName(event.reason)},
                      {QStringLiteral("date"), isoTime(event.date)}};
        if (withPrevious) {
            e.insert(QStringLiteral("previousReason"), reasonName(event.previousReason));
        }
        out.append(e);
    }
    return out;
}

int runDiff(CliIo& io, const core::Clock& clock)
{
    const QStringList files = positionals(io.args());
    const QString issuerPath = option(io.args(), QStringLiteral("--issuer"));
    if (files.size() != 2 || issuerPath.isEmpty()) {
        return io.usageError(QStringLiteral("crl diff OLD NEW --issuer CA.pem"));
    }
    auto issuer = pki::CrlIssuer::fromPemFile(issuerPath);
    if (!issuer) {
        return io.reportError(issuer.error());
    }
    auto older = Crl::load(files.at(0), *issuer, clock);
    if (!older) {
        return io.reportError(older.error());
    }
    auto newer = Crl::load(files.at(1), *issuer, clock);
    if (!newer) {
        return io.reportError(newer.error());
    }
    auto diff = pki::CrlDelta::diff(*older, *newer);
    if (!diff) {
        return io.reportError(diff.error());
    }
    if (io.json()) {
        io.printJson({{QStringLiteral("old"), describe(*older, clock)},
                      {QStringLiteral("new"), describe(*newer, clock)},
                      {QStringLiteral("added"), eventsJson(diff->added, false)},
                      {QStringLiteral("changed"), eventsJson(diff->changed, true)},
                      {QStringLiteral("removed"), eventsJson(diff->removed, false)}});
        return ExitOk;
    }
    io.out() << "added " << diff->added.size() << ", changed " << diff->changed.size() << ", removed "
             << diff->removed.size() << '\n';
    const auto print = [&](const char* kind, const std::vector<pki::CrlEvent>& events) {
        for (const auto& e : events) {
            io.out() << kind << ' ' << e.serial.toHex() << ' ' << reasonName(e.reason) << ' ' << isoTime(e.date)
                     << '\n';
        }
    };
    print("+", diff->added);
    print("~", diff->changed);
    print("-", diff->removed);
    io.out().flush();
    return ExitOk;
}

int runStats(CliIo& io, const core::Clock& clock)
{
    const QStringList files = positionals(io.args());
    if (files.size() != 1) {
        return io.usageError(QStringLiteral("crl stats FILE [--issuer CA.pem]"));
    }
    std::optional<pki::CrlIssuer> issuer;
    if (const QString path = option(io.args(), QStringLiteral("--issuer")); !path.isEmpty()) {
        auto loaded = pki::CrlIssuer::fromPemFile(path);
        if (!loaded) {
            return io.reportError(loaded.error());
        }
        issuer = std::move(*loaded);
    }
    QFile file(files.first());
    const uchar* data = file.open(QIODevice::ReadOnly) ? file.map(0, file.size()) : nullptr;
    if (!data) {
        return io.reportError(core::Error{core::Errc::Io, QStringLiteral("cannot map %1").arg(files.first()), 0});
    }
    auto crl = Crl::fromMemory(data, file.size(), issuer ? &*issuer : nullptr, clock);
    if (!crl) {
        return io.reportError(crl.error());
    }
    std::map<int, qint64> counts;
    crl->forEachEntry([&](const uchar*, int, const pki::CrlRevocation& r) { ++counts[int(r.reason)]; });
    QJsonObject byReason;
    for (const auto& [reason, count] : counts) {
        byReason.insert(reasonName(CrlReason(reason)), double(count));
    }
    QJsonObject out = describe(*crl, clock);
    out.insert(QStringLiteral("byReason"), byReason);
    out.insert(QStringLiteral("duplicates"), double(crl->info().entryCount - crl->uniqueEntries()));
    printObject(io, out);
    if (!io.json()) {
        for (auto it = byReason.begin(); it != byReason.end(); ++it) {
            io.out() << "  " << it.key().leftJustified(22) << it.value().toInteger() << '\n';
        }
        io.out().flush();
    }
    return ExitOk;
}

} // namespace

CommandGroup crlCommands()
{
    return {QStringLiteral("crl"), QStringLiteral("revocation lists: import, check a serial, diff, stats"),
            QStringLiteral("madoguchi-cli crl import FILE --issuer CA.pem [--cache DIR]\n"
                           "madoguchi-cli crl check SERIALHEX [--cache DIR]\n"
                           "madoguchi-cli crl diff OLD NEW --issuer CA.pem\n"
                           "madoguchi-cli crl stats FILE [--issuer CA.pem]\n"
                           "  import and check: with --db PATH (or MADOGUCHI_DB) the result is recorded in that\n"
                           "  registry's audit log (passphrase and --operator/--role as for `linkage`)\n"
                           "(all with --json; check exits 0 only for a fresh 'good')"),
            [](CliIo& io) {
                static const core::SystemClock clock;
                const QString verb = io.args().value(0);
                if (verb == QStringLiteral("import")) {
                    return runImport(io, clock);
                }
                if (verb == QStringLiteral("check")) {
                    return runCheck(io, clock);
                }
                if (verb == QStringLiteral("diff")) {
                    return runDiff(io, clock);
                }
                if (verb == QStringLiteral("stats")) {
                    return runStats(io, clock);
                }
                return io.usageError(QStringLiteral("unknown verb %1").arg(verb));
            }};
}

} // namespace madoguchi::cli
