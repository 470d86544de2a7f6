// Child process of TestAuditChangeRecorder's crash test: enrols linkages one transaction at a time,
// each with its audit entry through AuditChangeRecorder, and reports each commit on stdout so the test
// can SIGKILL it between or inside transactions.
#include "AuditFixture.h"

#include "services/AuditChangeRecorder.h"
#include "services/LinkageService.h"

#include <QCoreApplication>

#include <cstdio>

using namespace madoguchi;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 4) {
        std::fprintf(stderr, "usage: AuditCrashHelper DB AUDIT_KEY FIRST\n");
        return 2;
    }
    auto db = test::openAuditDb(QString::fromLocal8Bit(argv[1]));
    auto signer = audit::AuditSigner::loadOrCreate(QString::fromLocal8Bit(argv[2]));
    if (!db || !signer) {
        return 3;
    }
    core::SystemClock clock;
    auto log = audit::AuditLog::open(*db, std::move(*signer), clock, {QStringLiteral("T-CRASH"), 64});
    if (!log) {
        return 4;
    }
    services::AuditChangeRecorder recorder(*log);
    services::LinkageService service(*db, clock, QStringLiteral("T09"), nullptr, &recorder);
    const services::Operator op{QStringLiteral("crash"), services::Role::MunicipalStaff};
    for (int n = std::atoi(argv[3]);; ++n) {
        services::EnrolRequest r;
        r.card = {QByteArray::fromHex("a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0"),
                  QByteArray::number(n).rightJustified(8, '0')};
        r.kind = QStringLiteral("health_insurance");
        r.fields = {{QStringLiteral("insurer_number"), QStringLiteral("33120015")},
                    {QStringLiteral("symbol"), QStringLiteral("S")},
                    {QStringLiteral("number"), QString::number(n)},
                    {QStringLiteral("branch"), QStringLiteral("01")}};
        auto enrolled = service.enrol(op, std::move(r));
        if (!enrolled) {
            std::fprintf(stderr, "%s\n", qPrintable(enrolled.error().toString()));
            return 5;
        }
        std::printf("enrolled %d\n", n);
        std::fflush(stdout);
    }
}
