// Manual check of the PC/SC backend against pcscd + vpcd (tests/card/manual/run-manual-check.sh).
// Not a ctest: it needs a running pcscd with a virtual card. Prints APDU counts and timings.
#include "card/CardMonitor.h"
#include "card/JpkiCard.h"
#include "card/PcscBackend.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace madoguchi;
using namespace madoguchi::card;
using namespace std::chrono_literals;

namespace {

QString findReader(PcscBackend& backend, const QString& part)
{
    for (int round = 0; round < 20; ++round) {
        auto readers = backend.readers();
        if (readers) {
            for (const auto& reader : *readers) {
                if (reader.name.contains(part) && reader.cardPresent) {
                    return reader.name;
                }
            }
            auto changed = backend.waitForChange(*readers, 1000ms);
            static_cast<void>(changed);
        } else {
            std::printf("readers: %s\n", qPrintable(readers.error().toString()));
            return {};
        }
    }
    return {};
}

int measure(PcscBackend& backend, const QString& reader, JpkiCardOptions options, bool withCa)
{
    std::vector<double> times;
    int apdus = 0;
    for (int run = 0; run < 21; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto connection = backend.connect(reader);
        if (!connection) {
            std::printf("connect: %s\n", qPrintable(connection.error().toString()));
            return 1;
        }
        JpkiCard card(**connection, options);
        auto tx = card.transaction();
        auto cert = card.readAuthCertificate();
        if (!tx || !cert) {
            std::printf("read: %s\n", qPrintable(cert ? tx.error().toString() : cert.error().toString()));
            return 1;
        }
        if (withCa && !card.readAuthCaCertificate()) {
            std::printf("CA read failed\n");
            return 1;
        }
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
        apdus = card.apduCount();
    }
    std::sort(times.begin(), times.end());
    std::printf("probe %3d extended %d with CA %d: %2d APDUs, median %.2f ms (connect + read, 21 runs)\n",
                options.probeLength, options.allowExtendedLength, withCa, apdus, times[times.size() / 2]);
    return 0;
}

int pinCheck(PcscBackend& backend, const QString& reader)
{
    auto connection = backend.connect(reader);
    JpkiCard card(**connection);
    auto status = card.pinStatus(PinKind::Auth);
    std::printf("auth PIN: %s\n", status ? qPrintable(QString::number(status->triesLeft) + QStringLiteral(" tries"))
                                         : qPrintable(status.error().toString()));
    auto wrong = card.verifyPin(PinKind::Auth, core::SecureBytes(QByteArrayView("0000")));
    std::printf("wrong PIN: %s\n", wrong ? "accepted?!" : qPrintable(wrong.error().toString()));
    auto right = card.verifyPin(PinKind::Auth, core::SecureBytes(QByteArrayView("4721")));
    std::printf("right PIN: %s\n", right ? "verified" : qPrintable(right.error().toString()));
    auto token = card.readToken();
    std::printf("token: %s, ATR %s\n", token ? qPrintable(tokenKindName(*token)) : "error",
                (*connection)->atr().toHex(' ').constData());
    return status && !wrong && right ? 0 : 1;
}

// Watches with CardMonitor for `seconds`, printing every event (used across a pcscd restart).
int watch(int seconds)
{
    CardMonitor monitor([] { return std::make_unique<PcscBackend>(); }, CardMonitor::Timing{2000ms, 500ms});
    QObject::connect(&monitor, &CardMonitor::readersChanged, [](const QList<ReaderState>& readers) {
        QStringList names;
        for (const auto& r : readers) {
            names << r.name + (r.cardPresent ? QStringLiteral(" [card]") : QString());
        }
        std::printf("readers: %s\n", qPrintable(names.join(QStringLiteral(", "))));
        std::fflush(stdout);
    });
    QObject::connect(&monitor, &CardMonitor::cardInserted,
                     [](const QString& r) { std::printf("inserted: %s\n", qPrintable(r)), std::fflush(stdout); });
    QObject::connect(&monitor, &CardMonitor::cardRemoved,
                     [](const QString& r) { std::printf("removed: %s\n", qPrintable(r)), std::fflush(stdout); });
    QObject::connect(&monitor, &CardMonitor::backendError, [](const core::Error& e) {
        std::printf("error: %s\n", qPrintable(e.toString()));
        std::fflush(stdout);
    });
    monitor.start();
    QTimer::singleShot(seconds * 1000, qApp, &QCoreApplication::quit);
    return qApp->exec();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() > 2 && args[1] == QStringLiteral("watch")) {
        return watch(args[2].toInt());
    }
    PcscBackend backend(PcscBackendOptions{true});
    const QString reader = findReader(backend, args.value(1, QStringLiteral("Madoguchi")));
    if (reader.isEmpty()) {
        std::printf("no reader with a card\n");
        return 1;
    }
    std::printf("reader: %s\n", qPrintable(reader));
    int rc = 0;
    rc |= measure(backend, reader, JpkiCardOptions{false, 8}, false);
    rc |= measure(backend, reader, JpkiCardOptions{false, 8}, true);
    rc |= measure(backend, reader, JpkiCardOptions{false, 256}, true);
    rc |= measure(backend, reader, JpkiCardOptions{true, 8}, false);
    rc |= measure(backend, reader, JpkiCardOptions{true, 8}, true);
    rc |= pinCheck(backend, reader);
    return rc;
}
