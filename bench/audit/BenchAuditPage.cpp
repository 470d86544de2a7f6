// BenchAuditPage: how long the auditors' page takes to open on a large log (target <= 0.5 s for
// 10^6 entries, performance.md §4): own connection, lazy model, first window, shown.
//   build/bench/audit/BenchAudit --entries 1000000 --dir /tmp --keep   (prints the database path)
//   QT_QPA_PLATFORM=offscreen build/bench/audit/BenchAuditPage <that path>
#include "gui/AuditLogModel.h"
#include "gui/AuditPage.h"
#include "services/AuditViewSource.h"

#include <QApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace madoguchi;

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: BenchAuditPage DB (made by BenchAudit --keep)\n");
        return 2;
    }
    core::SecureBytes key(32); // BenchAudit's key
    for (std::size_t i = 0; i < key.size(); ++i) {
        key[i] = static_cast<std::uint8_t>(i * 7 + 1);
    }
    services::AuditViewSource source(QString::fromLocal8Bit(argv[1]), std::move(key),
                                     {QStringLiteral("auditor"), services::Role::Auditor});
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer t;
        t.start();
        gui::AuditPage page(source);
        page.resize(1100, 700);
        page.show();
        QApplication::processEvents();
        std::printf("audit page open + first window shown: %.1f ms (%d rows loaded)\n",
                    static_cast<double>(t.nsecsElapsed()) / 1e6, page.model() ? page.model()->rowCount() : -1);
    }
    return 0;
}
