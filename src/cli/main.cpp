#include "cli/CliIo.h"
#include "cli/CommandGroup.h"
#include "cli/Groups.h"
#include "os/ProcessHardening.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <cstring>
#include <memory>

using namespace madoguchi::cli;

namespace {

void printHelp(const std::vector<CommandGroup>& groups)
{
    QTextStream out(stdout);
    out << "madoguchi-cli — Madoguchi's services without a window\n\n"
           "usage: madoguchi-cli [--json] <group> <verb> [options]\n\n";
    for (const auto& group : groups) {
        out << "  " << group.name.leftJustified(10) << group.summary << '\n';
    }
    out << "\n`madoguchi-cli <group> --help` lists a group's verbs.\n";
}

// A PDF report lays out text, which needs Qt's font database and so a QGuiApplication: only then
// (`audit export --pdf`), on the offscreen platform unless one is set, so no display is needed.
std::unique_ptr<QCoreApplication> makeApplication(int& argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--pdf") == 0) {
            if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) {
                qputenv("QT_QPA_PLATFORM", "offscreen");
            }
            return std::make_unique<QGuiApplication>(argc, argv);
        }
    }
    return std::make_unique<QCoreApplication>(argc, argv);
}

} // namespace

int main(int argc, char* argv[])
{
    madoguchi::os::disableCoreDumps();
    const auto app = makeApplication(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("madoguchi-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Madoguchi"));

    QStringList args = QCoreApplication::arguments().mid(1);
    const bool json = args.removeAll(QStringLiteral("--json")) > 0;
    const std::vector<CommandGroup> groups = allCommandGroups();
    if (args.isEmpty() || args.first() == QStringLiteral("--help") || args.first() == QStringLiteral("-h")) {
        printHelp(groups);
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    const QString groupName = args.takeFirst();
    for (const auto& group : groups) {
        if (group.name != groupName) {
            continue;
        }
        if (args.isEmpty() || args.first() == QStringLiteral("--help")) {
            QTextStream(stdout) << group.usage << '\n';
            return args.isEmpty() ? ExitUsage : ExitOk;
        }
        CliIo io(args, json);
        return group.run(io);
    }
    QTextStream(stderr) << "unknown group: " << groupName << " (see madoguchi-cli --help)\n";
    return ExitUsage;
}
