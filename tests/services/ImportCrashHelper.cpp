// Child process of TestImportCsvJob's crash test: imports a CSV in small batches and reports each
// committed batch on stdout, so the test can SIGKILL it in the middle of the import.
#include "ServiceFixture.h"

#include "services/ImportCsvJob.h"
#include "services/LinkageService.h"

#include <QCoreApplication>

#include <cstdio>

using namespace madoguchi;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: ImportCrashHelper DB CSV\n");
        return 2;
    }
    auto db = test::openMigrated(QString::fromLocal8Bit(argv[1]));
    if (!db) {
        return 3;
    }
    core::SystemClock clock;
    services::LinkageService service(*db, clock, QStringLiteral("T09"));
    services::ImportOptions options;
    options.createUnknownCards = true;
    options.batchSize = 200;
    services::ImportCsvJob job(service, {QStringLiteral("crash"), services::Role::Admin},
                               QString::fromLocal8Bit(argv[2]), options);
    job.setProgress([](qint64 rows, qint64, qint64) {
        std::printf("committed %lld\n", static_cast<long long>(rows));
        std::fflush(stdout);
    });
    auto report = job.run();
    std::printf("done %d\n", report ? 1 : 0);
    return report ? 0 : 1;
}
