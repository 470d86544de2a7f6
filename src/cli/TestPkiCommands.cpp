// `madoguchi-cli testpki generate`: writes the demo set of the JPKI-profile TEST PKI (issue 2 item 5).
#include "cli/Groups.h"

#include "pki/DemoSet.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

namespace madoguchi::cli {

namespace {

struct GenerateArgs
{
    QString out;
    pki::DemoSetOptions options;
};

// Returns an error message, or empty when the arguments parsed.
QString parseGenerateArgs(const QStringList& args, GenerateArgs& parsed)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        if (i + 1 >= args.size()) {
            return QStringLiteral("missing value for ") + arg;
        }
        const QString value = args.at(++i);
        if (arg == QStringLiteral("--out")) {
            parsed.out = value;
        } else if (arg == QStringLiteral("--seed")) {
            bool ok = false;
            parsed.options.seed = value.toULongLong(&ok);
            if (!ok) {
                return QStringLiteral("--seed wants an unsigned number");
            }
        } else if (arg == QStringLiteral("--now")) {
            parsed.options.now = QDateTime::fromString(value, Qt::ISODate);
            if (!parsed.options.now.isValid()) {
                return QStringLiteral("--now wants an ISO 8601 date-time, e.g. 2025-04-01T00:00:00Z");
            }
        } else {
            return QStringLiteral("unknown option ") + arg;
        }
    }
    return parsed.out.isEmpty() ? QStringLiteral("--out DIR is required") : QString();
}

int generate(CliIo& io)
{
    GenerateArgs args;
    if (const QString problem = parseGenerateArgs(io.args(), args); !problem.isEmpty()) {
        return io.usageError(problem);
    }
    QElapsedTimer timer;
    timer.start();
    auto set = pki::makeDemoSet(args.options);
    if (!set) {
        return io.reportError(set.error());
    }
    const qint64 generatedMs = timer.elapsed();
    if (auto saved = set->saveTo(args.out); !saved) {
        return io.reportError(saved.error());
    }
    QJsonArray residents;
    for (const auto& resident : set->residents) {
        residents.append(resident.id);
    }
    if (io.json()) {
        io.printJson({{QStringLiteral("ok"), true},
                      {QStringLiteral("out"), args.out},
                      {QStringLiteral("seed"), QString::number(set->seed)},
                      {QStringLiteral("now"), set->now.toString(Qt::ISODate)},
                      {QStringLiteral("residents"), residents},
                      {QStringLiteral("generateMs"), generatedMs}});
        return ExitOk;
    }
    io.out() << "TEST PKI demo set written to " << args.out << " (seed " << set->seed << ", now "
             << set->now.toString(Qt::ISODate) << ", generated in " << generatedMs << " ms)\n"
             << "residents: " << residents.toVariantList().size() << '\n'
             << "serve revocation status with: openssl ocsp -port N -index " << args.out << "/ocsp/auth/index.txt -CA "
             << args.out << "/ocsp/auth/ca.pem -rsigner " << args.out << "/ocsp/auth/signer.pem -rkey " << args.out
             << "/ocsp/auth/signer-key.pem\n";
    return ExitOk;
}

} // namespace

CommandGroup testPkiCommands()
{
    return {QStringLiteral("testpki"), QStringLiteral("generate the TEST PKI and demo residents (training, tests)"),
            QStringLiteral("madoguchi-cli testpki generate --out DIR [--seed N] [--now ISO8601]\n"
                           "  writes CA certs, resident cards, CRLs and the files `openssl ocsp` serves.\n"
                           "  Same seed and --now: byte-identical output. Default seed 20151001, now "
                           "2025-04-01T00:00:00Z."),
            [](CliIo& io) {
                if (io.args().first() == QStringLiteral("generate")) {
                    return generate(io);
                }
                return io.usageError(QStringLiteral("unknown verb ") + io.args().first());
            }};
}

} // namespace madoguchi::cli
