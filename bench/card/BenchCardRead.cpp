// BenchCardRead: how fast and with how few APDUs Madoguchi knows an inserted card (performance.md §3,
// §4 target: ≤ 12 APDUs short, ≤ 5 extended, ≤ 20 ms after the card-present event), over the real
// stack: a private pcscd, vsmartcard's vpcd, madoguchi-cardsim. Each run: the card is inserted, the
// clock starts when SCardGetStatusChange reports it present, and stops when the auth certificate is
// read and its chain checked. Then the same for `madoguchi-cli card read` as a whole process, and
// OpenSC's pkcs15-tool as the baseline when it is installed and can read the card.
#include "CardStack.h"

#include "card/JpkiCard.h"
#include "card/PcscBackend.h"
#include "core/Clock.h"
#include "pki/CertificateValidator.h"
#include "pki/TrustStore.h"
#include "services/CardSummaryReader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace madoguchi;
using tests::CardStack;
using tests::PcscdProcess;

namespace {

constexpr int Runs = 25;
constexpr quint16 Port = 41790;

struct Sample
{
    double ms = 0;
    int apdus = 0;
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

void report(const char* what, const std::vector<Sample>& samples)
{
    std::vector<double> ms;
    std::vector<double> apdus;
    for (const Sample& s : samples) {
        ms.push_back(s.ms);
        apdus.push_back(s.apdus);
    }
    std::printf("%-58s n=%-3zu median %8.2f ms  p90 %8.2f ms  APDUs %g (min %g, max %g)\n", what, samples.size(),
                percentile(ms, 0.5), percentile(ms, 0.9), percentile(apdus, 0.5), percentile(apdus, 0),
                percentile(apdus, 1));
    std::fflush(stdout);
}

// What the counter needs first: SELECT AP, the auth certificate, its chain. Returns the APDU count or
// -1 with a message on stderr.
int readAndValidate(card::CardConnection& connection, bool extended, const pki::TrustStore& trust)
{
    card::JpkiCard jpki(connection, card::JpkiCardOptions{extended});
    auto transaction = jpki.transaction();
    auto cert = transaction ? jpki.readAuthCertificate() : core::Result<QByteArray>(core::fail(transaction.error()));
    if (!cert) {
        std::fprintf(stderr, "read failed: %s\n", qPrintable(cert.error().toString()));
        return -1;
    }
    const core::SystemClock clock;
    auto valid = pki::CertificateValidator(trust, clock).validate(*cert, pki::JpkiCertificateKind::Auth);
    if (!valid) {
        std::fprintf(stderr, "chain failed: %s\n", qPrintable(valid.error().toString()));
        return -1;
    }
    return jpki.apduCount();
}

// One insertion: "insert" → wait for the present event → measure `work` from there.
template <typename Work>
bool measureInsertion(CardStack& stack, card::PcscBackend& backend, Work work, Sample& sample)
{
    if (!stack.control("insert", "inserted")) {
        return false;
    }
    if (!CardStack::waitForCard(backend, PcscdProcess::readerName(), true)) {
        return false;
    }
    QElapsedTimer timer;
    timer.start(); // the card-present event
    sample.apdus = work();
    sample.ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    const bool removed =
        stack.control("remove", "removed") && CardStack::waitForCard(backend, PcscdProcess::readerName(), false);
    return sample.apdus >= 0 && removed;
}

bool benchInProcess(CardStack& stack, const pki::TrustStore& trust, bool extended)
{
    card::PcscBackend backend(card::PcscBackendOptions{extended});
    std::vector<Sample> direct;
    std::vector<Sample> summary;
    const core::SystemClock clock;
    const services::CardSummaryReader reader(trust, clock);
    for (int i = 0; i < Runs * 2; ++i) {
        Sample s;
        const bool plain = i % 2 == 0; // interleave the two paths so drift hits both alike
        const auto work = [&]() -> int {
            auto connection = backend.connect(PcscdProcess::readerName());
            if (!connection) {
                std::fprintf(stderr, "connect failed: %s\n", qPrintable(connection.error().toString()));
                return -1;
            }
            if (plain) {
                return readAndValidate(**connection, extended, trust);
            }
            auto read = reader.read(**connection);
            return read ? read->apduCount : -1;
        };
        if (!measureInsertion(stack, backend, work, s)) {
            return false;
        }
        (plain ? direct : summary).push_back(s);
    }
    const char* mode = extended ? "extended" : "short";
    report(qPrintable(QStringLiteral("present → auth cert + chain (JpkiCard), %1").arg(QLatin1String(mode))), direct);
    report(qPrintable(QStringLiteral("present → CardSummaryReader (+token, PIN check), %1").arg(QLatin1String(mode))),
           summary);
    return true;
}

bool benchCli(CardStack& stack, bool extended)
{
    std::vector<Sample> wall;
    std::vector<double> internal;
    QStringList args{QStringLiteral("--json"), QStringLiteral("card"), QStringLiteral("read"),
                     QStringLiteral("--trust"), QStringLiteral("training")};
    if (extended) {
        args << QStringLiteral("--extended");
    }
    for (int i = 0; i < Runs; ++i) {
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        const int rc = stack.runCli(args, {}, &out);
        const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        const QJsonObject json = QJsonDocument::fromJson(out).object();
        if (rc != 0) {
            std::fprintf(stderr, "madoguchi-cli failed (%d): %s\n", rc, out.constData());
            return false;
        }
        wall.push_back({ms, json.value(QStringLiteral("apduCount")).toInt()});
        internal.push_back(json.value(QStringLiteral("elapsedMicros")).toDouble() / 1000.0);
    }
    report(extended ? "madoguchi-cli --json card read --extended (process wall time)"
                    : "madoguchi-cli --json card read (process wall time)",
           wall);
    std::printf("%-58s median %8.2f ms (connect → summary, as the CLI reports it)\n", "  … of which the card read",
                percentile(internal, 0.5));
    return true;
}

// OpenSC's JPKI driver (card-jpki.c) reading the auth certificate, as the baseline.
void benchOpenSc(CardStack& stack)
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("pkcs15-tool"));
    if (tool.isEmpty()) {
        std::printf("OpenSC pkcs15-tool: not installed (apt-get install opensc) — no baseline\n");
        return;
    }
    std::vector<Sample> samples;
    QByteArray lastOutput;
    for (int i = 0; i < Runs; ++i) {
        const qint64 before = stack.cardSimApduCount();
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        QElapsedTimer timer;
        timer.start();
        // Certificate ID 01 is the first one OpenSC's JPKI emulation lists (the auth cert).
        p.start(tool, {QStringLiteral("--reader"), PcscdProcess::readerName(), QStringLiteral("--read-certificate"),
                       QStringLiteral("01")});
        p.waitForFinished(60000);
        const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        lastOutput = p.readAll();
        if (p.exitCode() != 0 || !lastOutput.contains("BEGIN CERTIFICATE")) {
            std::printf("OpenSC pkcs15-tool: cannot read this card (exit %d): %s\n", p.exitCode(),
                        lastOutput.left(300).constData());
            return;
        }
        samples.push_back({ms, static_cast<int>(stack.cardSimApduCount() - before)});
    }
    report("OpenSC pkcs15-tool --read-certificate 01 (process wall time)", samples);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    CardStack stack(QStringLiteral(MADOGUCHI_BENCH_CACHE), QStringLiteral(MADOGUCHI_CARDSIM_EXE),
                    QStringLiteral(MADOGUCHI_CLI_EXE));
    if (PcscdProcess::otherPcscdRunning()) {
        std::fprintf(stderr, "another pcscd is running: stop it first\n");
        return 1;
    }
    QString problem = stack.prepareDemoSet();
    if (problem.isEmpty()) {
        problem = stack.startPcscd(Port);
    }
    if (problem.isEmpty()) {
        problem = stack.startCardSim(QStringLiteral("valid"));
    }
    auto trust = pki::TrustStore::load(pki::TrustMode::Training);
    for (const QByteArray& ca : {stack.demoSet().authCaCertDer, stack.demoSet().signCaCertDer}) {
        if (trust && !trust->addTestAnchor(ca)) {
            problem = QStringLiteral("cannot trust the demo roots");
        }
    }
    if (!problem.isEmpty() || !trust) {
        std::fprintf(stderr, "setup failed: %s\n", qPrintable(problem));
        return 1;
    }
    std::printf("BenchCardRead: %d runs each, pcscd + vpcd + madoguchi-cardsim (demo card \"valid\")\n", Runs);
    std::printf("targets: ≤ 12 APDUs short, ≤ 5 extended, ≤ 20 ms after the card-present event\n\n");
    // The card is in after startCardSim: take it out so every run starts from an insertion.
    card::PcscBackend backend;
    if (!CardStack::waitForCard(backend, PcscdProcess::readerName(), true) || !stack.control("remove", "removed") ||
        !CardStack::waitForCard(backend, PcscdProcess::readerName(), false)) {
        std::fprintf(stderr, "setup failed: the card did not come and go\n");
        return 1;
    }
    bool ok = benchInProcess(stack, *trust, false) && benchInProcess(stack, *trust, true);
    ok = ok && stack.control("insert", "inserted") && CardStack::waitForCard(backend, PcscdProcess::readerName(), true);
    ok = ok && benchCli(stack, false) && benchCli(stack, true);
    if (ok) {
        benchOpenSc(stack);
    }
    return ok ? 0 : 1;
}
