#include "cli/CliIo.h"
#include "cli/CommandGroup.h"
#include "cli/Groups.h"
#include "os/ProcessHardening.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

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

} // namespace

int main(int argc, char* argv[])
{
    madoguchi::os::disableCoreDumps();
    QCoreApplication app(argc, argv);
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
