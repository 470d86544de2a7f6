// BenchImport (issue 4 "Measure", performance.md §2/§4): a 1 M-row linkage CSV import
// (parse + validate + insert + journal + audit: one entry per committed chunk) into the encrypted database and, in the
// same run, the same code on SQLCipher without a key; lookup by card identity; opening with the passphrase KDF. usage:
// BenchImport [rows=1000000] [dir]
#include "core/Clock.h"
#include "services/AuditChangeRecorder.h"
#include "services/AuditSetup.h"
#include "services/ImportCsvJob.h"
#include "services/LinkageService.h"
#include "store/Database.h"
#include "store/KeyFile.h"
#include "store/Migrator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace madoguchi;

namespace {

const QByteArray IssuerHex = "a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0";

QByteArray serialHex(int n)
{
    return QByteArray::number(n).rightJustified(10, '0').toHex();
}

bool writeCsv(const QString& path, int rows)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        return false;
    }
    f.write("issuer_key_id,serial,insurer_number,symbol,number,branch,valid_from\r\n");
    QByteArray chunk;
    for (int n = 1; n <= rows; ++n) {
        chunk += IssuerHex + ',' + serialHex(n) + ",33120015,S" + QByteArray::number(n % 97) + ',' +
                 QByteArray::number(n) + ",0" + QByteArray::number(n % 10) + ",2026-04-01\r\n";
        if (chunk.size() > (1 << 20)) {
            f.write(chunk);
            chunk.clear();
        }
    }
    f.write(chunk);
    return true;
}

// CPU seconds of this process (RUSAGE_SELF) or of the calling thread (RUSAGE_THREAD): the machine is
// shared, so wall time alone overstates the cost. The import writes on the calling thread and reads,
// decodes and validates the file on a second one (ImportRowSource): process minus caller = reader.
double cpuSeconds(int who = RUSAGE_SELF)
{
    rusage usage{};
    getrusage(who, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double g_lastCpu = 0;
double g_lastWriterCpu = 0;

double importSeconds(store::Database& db, const QString& dbPath, const QString& csv, int rows)
{
    core::SystemClock clock;
    auto log = services::AuditSetup::openLog(db, dbPath, clock, QStringLiteral("bench"));
    if (!log) {
        std::fprintf(stderr, "audit log: %s\n", qPrintable(log.error().toString()));
        return -1;
    }
    services::AuditChangeRecorder recorder(*log);
    services::LinkageService service(db, clock, QStringLiteral("B01"), nullptr, &recorder);
    services::ImportOptions options;
    options.createUnknownCards = true;
    services::ImportCsvJob job(service, {QStringLiteral("bench"), services::Role::Admin}, csv, options);
    QElapsedTimer timer;
    timer.start();
    const double cpuBefore = cpuSeconds();
    const double writerBefore = cpuSeconds(RUSAGE_THREAD);
    auto report = job.run();
    const double seconds = timer.nsecsElapsed() / 1e9;
    g_lastCpu = cpuSeconds() - cpuBefore;
    g_lastWriterCpu = cpuSeconds(RUSAGE_THREAD) - writerBefore;
    if (!report || report->imported != rows) {
        std::fprintf(stderr, "import failed: %s\n", report ? "row count" : qPrintable(report.error().toString()));
        return -1;
    }
    return seconds;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double lookupMicros(store::Database& db, int rows)
{
    core::SystemClock clock;
    services::LinkageService service(db, clock, QStringLiteral("B01"));
    const services::Operator reader{QStringLiteral("bench"), services::Role::Auditor};
    std::vector<double> samples;
    QElapsedTimer timer;
    for (int i = 0; i < 20000; ++i) {
        const int n = 1 + static_cast<int>(QRandomGenerator::global()->bounded(rows));
        const store::CardIdentity card{QByteArray::fromHex(IssuerHex), QByteArray::fromHex(serialHex(n))};
        timer.start();
        auto found = service.findByCard(reader, card);
        samples.push_back(timer.nsecsElapsed() / 1e3);
        if (!found || found->size() != 1) {
            std::fprintf(stderr, "lookup failed for %d\n", n);
            return -1;
        }
    }
    return median(samples);
}

double openMillis(const QString& dbPath, const QString& keyPath, const core::SecureBytes& passphrase)
{
    std::vector<double> samples;
    for (int i = 0; i < 7; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto key = store::KeyFile::unwrap(keyPath, passphrase);
        auto db = key ? store::Database::open(dbPath, *key, store::Database::Mode::OpenExisting)
                      : core::Result<store::Database>(core::fail(key.error()));
        samples.push_back(timer.nsecsElapsed() / 1e6);
        if (!db) {
            return -1;
        }
    }
    return median(samples);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? QByteArray(argv[1]).toInt() : 1000000;
    QTemporaryDir tmp(argc > 2 ? QString::fromLocal8Bit(argv[2]) + QStringLiteral("/benchXXXXXX") : QString());
    tmp.setAutoRemove(!qEnvironmentVariableIsSet("BENCH_KEEP")); // BENCH_KEEP=1: keep the files to inspect
    const QString csv = tmp.filePath(QStringLiteral("members.csv"));
    if (!writeCsv(csv, rows)) {
        return 1;
    }
    const core::SecureBytes passphrase(QByteArrayView("bench passphrase"));
    auto key = store::KeyFile::randomKey();
    const QString encPath = tmp.filePath(QStringLiteral("enc.db"));
    const QString keyPath = store::KeyFile::defaultPathFor(encPath);
    if (!key || !store::KeyFile::write(keyPath, *key, passphrase)) {
        return 1;
    }
    auto enc = store::Database::open(encPath, *key, store::Database::Mode::CreateIfMissing);
    const QString plainPath = tmp.filePath(QStringLiteral("plain.db"));
    auto plain = store::Database::openUnencrypted(plainPath, store::Database::Mode::CreateIfMissing);
    if (!enc || !plain || !store::Migrator::migrate(*enc) || !store::Migrator::migrate(*plain)) {
        std::fprintf(stderr, "cannot create databases\n");
        return 1;
    }
    const double encSeconds = importSeconds(*enc, encPath, csv, rows);
    const double encCpu = g_lastCpu;
    const double encWriter = g_lastWriterCpu;
    const double plainSeconds = importSeconds(*plain, plainPath, csv, rows);
    const double plainCpu = g_lastCpu;
    const double plainWriter = g_lastWriterCpu;
    for (auto* db : {&*enc, &*plain}) {
        std::printf("%s: %lld pages of %lld bytes, %lld free\n", db == &*enc ? "encrypted  " : "unencrypted",
                    static_cast<long long>(db->queryInt("PRAGMA page_count").value_or(-1)),
                    static_cast<long long>(db->queryInt("PRAGMA page_size").value_or(-1)),
                    static_cast<long long>(db->queryInt("PRAGMA freelist_count").value_or(-1)));
    }
    const double encLookup = lookupMicros(*enc, rows);
    const double plainLookup = lookupMicros(*plain, rows);
    enc = store::Database();
    const double open = openMillis(encPath, keyPath, passphrase);
    std::printf("rows                         %d\n", rows);
    std::printf("import encrypted             %.2f s  %.0f rows/s   (target >= 100000)\n", encSeconds,
                rows / encSeconds);
    std::printf("import unencrypted (no key)  %.2f s  %.0f rows/s\n", plainSeconds, rows / plainSeconds);
    std::printf("ratio encrypted/unencrypted  %.2f             (target <= 1.3)\n", encSeconds / plainSeconds);
    std::printf("import CPU time              %.2f s encrypted (%.0f rows/CPU-s), %.2f s unencrypted, ratio %.2f\n",
                encCpu, rows / encCpu, plainCpu, encCpu / plainCpu);
    std::printf("  per thread                 encrypted: writer %.2f s (%.0f rows/CPU-s), reader %.2f s;"
                " unencrypted: writer %.2f s, reader %.2f s\n",
                encWriter, rows / encWriter, encCpu - encWriter, plainWriter, plainCpu - plainWriter);
    std::printf("lookup by card, median       %.1f us encrypted, %.1f us unencrypted (target <= 20)\n", encLookup,
                plainLookup);
    std::printf("open with scrypt KDF, median %.1f ms           (target <= 300)\n", open);
    return encSeconds > 0 && plainSeconds > 0 && encLookup > 0 && open > 0 ? 0 : 1;
}
