// madoguchi-cardsim: a simulated My Number Card plugged into pcscd through vsmartcard's vpcd
// (architecture.md §1). See CardSimOptions::usage().
#include "app/cardsim/CardSimController.h"
#include "app/cardsim/CardSimOptions.h"
#include "app/cardsim/ResidentSource.h"
#include "os/ProcessHardening.h"
#include "sim/JpkiCardSim.h"

#include <QCoreApplication>

#include <cstdio>

using namespace madoguchi;

int main(int argc, char* argv[])
{
    os::disableCoreDumps();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("madoguchi-cardsim"));

    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
        std::fputs(qPrintable(app::CardSimOptions::usage()), stdout);
        return 0;
    }
    const auto options = app::CardSimOptions::parse(args);
    if (!options) {
        std::fprintf(stderr, "%s\n%s", qPrintable(options.error().detail), qPrintable(app::CardSimOptions::usage()));
        return 2;
    }
    const auto resident = app::loadResident(*options);
    if (!resident) {
        std::fprintf(stderr, "cannot load the card: %s\n", qPrintable(resident.error().toString()));
        return 1;
    }
    auto card = sim::JpkiCardSim::create(*resident, {options->extendedLength, options->blockedSw});
    if (!card) {
        std::fprintf(stderr, "cannot build the card: %s\n", qPrintable(card.error().toString()));
        return 1;
    }
    app::CardSimController controller(**card, *options);
    QObject::connect(&controller, &app::CardSimController::quitRequested, &app, &QCoreApplication::quit,
                     Qt::QueuedConnection);
    std::printf("ready %s:%u %s\n", qPrintable(options->host), options->port, qPrintable(resident->id));
    std::fflush(stdout);
    controller.start(options->schedule);
    return QCoreApplication::exec();
}
