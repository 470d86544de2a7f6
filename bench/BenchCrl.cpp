// BenchCrl — the CRL engine against its baselines, side by side in one run (performance.md §1, §4).
//
//   BenchCrl [--entries 1000000,5000000] [--runs 3] [--dir DIR] [--no-openssl]
//
// Every measured phase runs in its own fork()ed child, so each peak RSS (wait4's ru_maxrss) belongs to
// that phase alone. Inside each child the measured step is bracketed by /proc/self/status readings (VmHWM
// reset through /proc/self/clear_refs): "peak+" is the peak RSS growth during the step, "anon+" the heap it
// keeps, "file+" the mapped CRL pages it touched. Wall and CPU (getrusage, all threads) times, and the engine's CPU per
// thread (Crl::loadProfile). Times are medians over --runs children (the OpenSSL path runs once for more than 1 M
// entries: it takes tens of seconds). Each child first runs its path on a 1000-entry CRL, so one-time costs (OpenSSL
// provider fetches, the thread's malloc arena) are not charged to either side.
#include "core/Clock.h"
#include "pki/Crl.h"
#include "pki/CrlGenerator.h"
#include "pki/CrlIssuer.h"

#include <QFile>
#include <QTemporaryDir>

#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <vector>

using namespace madoguchi;
using namespace madoguchi::pki;

namespace {

using Clock = std::chrono::steady_clock;
using Results = std::map<std::string, double>;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> v)
{
    if (v.empty()) {
        return 0;
    }
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

struct Setup
{
    QString warmPath; // a 1000-entry CRL of the same CA: each child warms OpenSSL, the allocator and threads on it
    QString crlPath;
    QString indexPath;
    QByteArray caPem;
    qint64 entries = 0;
    qint64 fileSize = 0;
};

// /proc/self/status in MB: peak (VmHWM, reset by resetPeak()), anonymous and file-backed resident memory.
struct Memory
{
    double peak = 0, anon = 0, file = 0;
};

Memory memoryNow()
{
    Memory m;
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return m;
    }
    for (const QByteArray& line : status.readAll().split('\n')) {
        const auto value = [&] { return line.simplified().split(' ').value(1).toDouble() / 1024.0; };
        if (line.startsWith("VmHWM:")) {
            m.peak = value();
        } else if (line.startsWith("RssAnon:")) {
            m.anon = value();
        } else if (line.startsWith("RssFile:")) {
            m.file = value();
        }
    }
    return m;
}

void resetPeak()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly)) {
        clear.write("5"); // resets VmHWM to the current RSS (proc(5))
    }
}

double cpuMs()
{
    struct rusage usage
    {};
    getrusage(RUSAGE_SELF, &usage); // all threads of this process
    return (double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

// Wall and CPU time plus memory growth of one step, recorded under `prefix`.
template <typename F>
void measure(Results& out, const std::string& prefix, F&& step)
{
    resetPeak();
    const Memory before = memoryNow();
    const double cpu = cpuMs();
    const auto t = Clock::now();
    step();
    out[prefix + "_ms"] = msSince(t);
    out[prefix + "_cpu_ms"] = cpuMs() - cpu;
    const Memory after = memoryNow();
    out[prefix + "_peak_mb"] = after.peak - (before.anon + before.file);
    out[prefix + "_anon_mb"] = after.anon - before.anon;
    out[prefix + "_file_mb"] = after.file - before.file;
}

// Queries: revoked serials in random order (hits) and never-revoked ones (misses).
std::vector<QByteArray> queries(const Setup& setup, bool hits, int count)
{
    std::vector<QByteArray> out;
    out.reserve(size_t(count));
    for (int i = 0; i < count; ++i) {
        const qint64 pick = qint64((quint64(i) * 0x9E3779B97F4A7C15ULL) % quint64(setup.entries));
        auto entry = CrlGenerator::randomEntry(hits ? 1 : 999, pick, 1767225600);
        out.push_back(entry.serial);
    }
    return out;
}

// Median ns per lookup over batches of 1000 (a clock read per lookup would cost as much as the lookup).
double lookupNs(const std::vector<QByteArray>& serials, const std::function<bool(const QByteArray&)>& find)
{
    std::vector<double> perBatch;
    int found = 0;
    for (size_t start = 0; start + 1000 <= serials.size(); start += 1000) {
        const auto t = Clock::now();
        for (size_t i = start; i < start + 1000; ++i) {
            found += find(serials[i]);
        }
        perBatch.push_back(std::chrono::duration<double, std::nano>(Clock::now() - t).count() / 1000);
    }
    std::fprintf(stderr, "  (%d found)\n", found);
    return median(perBatch);
}

// Runs `phase` in a child; returns its results plus "rss_mb" from wait4.
Results inChild(const std::function<Results()>& phase)
{
    int fds[2];
    if (pipe(fds) != 0) {
        std::perror("pipe");
        std::exit(1);
    }
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        std::string text;
        for (const auto& [key, value] : phase()) {
            text += key + " " + std::to_string(value) + "\n";
        }
        if (write(fds[1], text.data(), text.size()) < 0) {
            _exit(2);
        }
        _exit(0);
    }
    close(fds[1]);
    std::string text;
    char buffer[4096];
    for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;) {
        text.append(buffer, size_t(n));
    }
    close(fds[0]);
    int status = 0;
    struct rusage usage
    {};
    wait4(pid, &status, 0, &usage);
    Results out;
    char key[64];
    double value = 0;
    for (const char* p = text.c_str(); std::sscanf(p, "%63s %lf", key, &value) == 2;) {
        out[key] = value;
        p = std::strchr(p, '\n');
        if (!p) {
            break;
        }
        ++p;
    }
    out["rss_mb"] = double(usage.ru_maxrss) / 1024.0;
    out["ok"] = WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 1 : 0;
    return out;
}

Results sha256Phase(const Setup& setup)
{
    QFile warm(setup.warmPath);
    if (warm.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = warm.readAll();
        (void)CrlIssuer::sha256(reinterpret_cast<const uchar*>(bytes.constData()), bytes.size());
    }
    const int fd = open(setup.crlPath.toLocal8Bit().constData(), O_RDONLY);
    void* data = mmap(nullptr, size_t(setup.fileSize), PROT_READ, MAP_PRIVATE, fd, 0);
    Results out;
    QByteArray digest;
    measure(out, "sha256", [&] { digest = CrlIssuer::sha256(static_cast<const uchar*>(data), setup.fileSize); });
    munmap(data, size_t(setup.fileSize));
    close(fd);
    out["digest_byte"] = double(quint8(digest[0]));
    return out;
}

Results enginePhase(const Setup& setup, bool save)
{
    const core::SystemClock clock;
    auto issuer = CrlIssuer::fromPem(setup.caPem);
    const auto hits = queries(setup, true, 200000);
    const auto misses = queries(setup, false, 200000);
    (void)Crl::load(setup.warmPath, *issuer, clock); // first-use costs (OpenSSL fetches, thread arena) excluded
    Results out;
    core::Result<Crl> crl = core::fail(core::Errc::Internal);
    measure(out, "load", [&] { crl = Crl::load(setup.crlPath, *issuer, clock); });
    if (!crl) {
        std::fprintf(stderr, "engine: %s\n", qPrintable(crl.error().toString()));
        _exit(3);
    }
    const CrlLoadProfile& profile = crl->loadProfile();
    out["thread_walk_ms"] = profile.walkMs;
    out["thread_hash_ms"] = profile.hashMs;
    out["thread_settle_loader_ms"] = profile.settleLoaderMs;
    out["thread_settle_hasher_ms"] = profile.settleHasherMs;
    out["thread_finish_ms"] = profile.finishMs;
    out["index_bytes"] = double(crl->indexBytes());
    out["entries"] = double(crl->info().entryCount);
    out["lookup_hit_ns"] = lookupNs(hits, [&](const QByteArray& s) { return crl->find(s).has_value(); });
    out["lookup_miss_ns"] = lookupNs(misses, [&](const QByteArray& s) { return crl->find(s).has_value(); });
    if (save) {
        const auto s = Clock::now();
        if (!crl->saveIndex(setup.indexPath)) {
            _exit(4);
        }
        out["save_ms"] = msSince(s);
    }
    return out;
}

Results reopenPhase(const Setup& setup)
{
    const auto hits = queries(setup, true, 200000);
    Results out;
    core::Result<Crl> crl = core::fail(core::Errc::Internal);
    measure(out, "reopen", [&] { crl = Crl::reopen(setup.crlPath, setup.indexPath); });
    if (!crl) {
        std::fprintf(stderr, "reopen: %s\n", qPrintable(crl.error().toString()));
        _exit(3);
    }
    const auto f = Clock::now();
    const bool firstFound = crl->find(hits[0]).has_value();
    const double firstUs = std::chrono::duration<double, std::micro>(Clock::now() - f).count();
    out["first_lookup_us"] = firstUs;
    out["first_found"] = double(firstFound);
    out["lookup_hit_ns"] = lookupNs(hits, [&](const QByteArray& s) { return crl->find(s).has_value(); });
    return out;
}

Results openSslPhase(const Setup& setup)
{
    std::vector<ASN1_INTEGER*> serials;
    for (const QByteArray& serial : queries(setup, true, 20000)) {
        BIGNUM* bn = BN_bin2bn(reinterpret_cast<const unsigned char*>(serial.constData()), int(serial.size()), nullptr);
        serials.push_back(BN_to_ASN1_INTEGER(bn, nullptr));
        BN_free(bn);
    }
    BIO* bio = BIO_new_mem_buf(setup.caPem.constData(), int(setup.caPem.size()));
    X509* ca = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    QFile warm(setup.warmPath);
    if (warm.open(QIODevice::ReadOnly)) { // same warm-up as the engine's
        const QByteArray bytes = warm.readAll();
        const auto* w = reinterpret_cast<const unsigned char*>(bytes.constData());
        X509_CRL* small = d2i_X509_CRL(nullptr, &w, long(bytes.size()));
        (void)X509_CRL_verify(small, X509_get0_pubkey(ca));
        X509_CRL_free(small);
    }
    const int fd = open(setup.crlPath.toLocal8Bit().constData(), O_RDONLY);
    void* data = mmap(nullptr, size_t(setup.fileSize), PROT_READ, MAP_PRIVATE, fd, 0);
    const unsigned char* p = static_cast<const unsigned char*>(data);
    Results out;
    X509_CRL* crl = nullptr;
    int verified = 0;
    X509_REVOKED* revoked = nullptr;
    measure(out, "total", [&] {
        auto t = Clock::now();
        crl = d2i_X509_CRL(nullptr, &p, long(setup.fileSize));
        out["d2i_ms"] = msSince(t);
        t = Clock::now();
        verified = X509_CRL_verify(crl, X509_get0_pubkey(ca));
        out["verify_ms"] = msSince(t);
        t = Clock::now();
        X509_CRL_get0_by_serial(crl, &revoked, serials[0]);
        out["first_lookup_ms"] = msSince(t);
    });
    out["verified"] = verified;
    std::vector<double> perBatch;
    for (size_t start = 0; start + 1000 <= serials.size(); start += 1000) {
        const auto b = Clock::now();
        for (size_t i = start; i < start + 1000; ++i) {
            X509_CRL_get0_by_serial(crl, &revoked, serials[i]);
        }
        perBatch.push_back(std::chrono::duration<double, std::nano>(Clock::now() - b).count() / 1000);
    }
    out["lookup_ns"] = median(perBatch);
    return out;
}

Setup generate(const QString& dir, qint64 entries, const CrlGenerator& ca)
{
    Setup setup;
    setup.entries = entries;
    setup.crlPath = QStringLiteral("%1/bench-%2.crl").arg(dir).arg(entries);
    setup.indexPath = setup.crlPath + QStringLiteral("idx");
    setup.caPem = ca.certificatePem();
    CrlGenerator::Spec spec;
    spec.randomEntries = 1000;
    setup.warmPath = QStringLiteral("%1/bench-warm.crl").arg(dir);
    if (!ca.generateToFile(spec, setup.warmPath)) {
        std::exit(1);
    }
    spec.randomEntries = entries;
    const auto t = Clock::now();
    if (!ca.generateToFile(spec, setup.crlPath)) {
        std::fprintf(stderr, "generation failed\n");
        std::exit(1);
    }
    setup.fileSize = QFile(setup.crlPath).size();
    std::printf("generated %lld entries, %.1f MB in %.0f ms\n", static_cast<long long>(entries),
                double(setup.fileSize) / 1e6, msSince(t));
    return setup;
}

// Median of `key` over `runs` children of `phase`, and the largest RSS seen.
std::pair<Results, std::vector<Results>> repeat(int runs, const std::function<Results()>& phase)
{
    std::vector<Results> all;
    for (int i = 0; i < runs; ++i) {
        all.push_back(inChild(phase));
    }
    Results med;
    for (const auto& [key, value] : all.front()) {
        std::vector<double> values;
        for (const auto& r : all) {
            values.push_back(r.count(key) ? r.at(key) : 0);
        }
        med[key] = median(values);
    }
    return {med, all};
}

const char* verdict(bool ok)
{
    return ok ? "MET" : "MISSED";
}

void report(const Setup& s, Results sha, Results engine, Results reopen, Results ossl, bool haveOpenSsl)
{
    const double n = double(s.entries);
    std::printf("\n== %lld entries, file %.1f MB ==\n", static_cast<long long>(s.entries), double(s.fileSize) / 1e6);
    std::printf("%-44s %9s %9s %10s %10s %10s\n", "phase (medians)", "wall ms", "cpu ms", "peak+ MB", "anon+ MB",
                "file+ MB");
    const auto row = [](const char* name, Results& r, const std::string& p) {
        std::printf("%-44s %9.1f %9.1f %10.1f %10.1f %10.1f\n", name, r[p + "_ms"], r[p + "_cpu_ms"], r[p + "_peak_mb"],
                    r[p + "_anon_mb"], r[p + "_file_mb"]);
    };
    row("SHA-256 of the file (EVP over mmap)", sha, "sha256");
    row("engine: load + signature + index (2 threads)", engine, "load");
    row("engine: reopen from the persisted index", reopen, "reopen");
    if (haveOpenSsl) {
        row("OpenSSL: d2i + X509_CRL_verify + 1st lookup", ossl, "total");
        std::printf("%-44s %9.1f / %.1f / %.1f ms (verified=%g)\n", "  of which d2i / verify / first lookup",
                    ossl["d2i_ms"], ossl["verify_ms"], ossl["first_lookup_ms"], ossl["verified"]);
    }
    std::printf("engine threads, cpu ms: loader walk+stage %.1f + settle %.1f + finish %.1f = %.1f; hasher SHA %.1f + "
                "settle %.1f = %.1f\n",
                engine["thread_walk_ms"], engine["thread_settle_loader_ms"], engine["thread_finish_ms"],
                engine["thread_walk_ms"] + engine["thread_settle_loader_ms"] + engine["thread_finish_ms"],
                engine["thread_hash_ms"], engine["thread_settle_hasher_ms"],
                engine["thread_hash_ms"] + engine["thread_settle_hasher_ms"]);
    std::printf("peak RSS of each child (wait4): sha %.0f MB, engine %.0f MB, reopen %.0f MB, OpenSSL %.0f MB\n",
                sha["rss_mb"], engine["rss_mb"], reopen["rss_mb"], haveOpenSsl ? ossl["rss_mb"] : 0.0);
    std::printf("engine: save index %.1f ms (outside the load); lookup median hit %.0f ns, miss %.0f ns, after reopen "
                "%.0f ns (first %.1f us); OpenSSL lookup %.0f ns\n",
                engine["save_ms"], engine["lookup_hit_ns"], engine["lookup_miss_ns"], reopen["lookup_hit_ns"],
                reopen["first_lookup_us"], ossl["lookup_ns"]);
    const double ratioSha = engine["load_ms"] / sha["sha256_ms"];
    const double perEntry = engine["index_bytes"] / n;
    std::printf("targets:\n");
    std::printf("  load <= 1.5x SHA-256        : %.2fx wall (%.2fx cpu)  %s\n", ratioSha,
                engine["load_cpu_ms"] / sha["sha256_cpu_ms"], verdict(ratioSha <= 1.5));
    if (haveOpenSsl) {
        const double speedup = ossl["total_ms"] / engine["load_ms"];
        std::printf("  >= 15x faster than OpenSSL  : %.1fx wall (%.1fx cpu)  %s\n", speedup,
                    ossl["total_cpu_ms"] / engine["load_cpu_ms"], verdict(speedup >= 15));
    }
    std::printf("  <= 40 B/entry besides file  : index %.1f B/entry; anon growth %.1f B/entry, peak growth minus file "
                "%.1f B/entry (OpenSSL anon %.1f B/entry)  %s\n",
                perEntry, engine["load_anon_mb"] * 1048576.0 / n,
                (engine["load_peak_mb"] - engine["load_file_mb"]) * 1048576.0 / n,
                haveOpenSsl ? ossl["total_anon_mb"] * 1048576.0 / n : 0.0, verdict(perEntry <= 40));
    std::printf("  lookup <= 0.3 us            : %.3f us hit, %.3f us miss  %s\n", engine["lookup_hit_ns"] / 1000,
                engine["lookup_miss_ns"] / 1000,
                verdict(std::max(engine["lookup_hit_ns"], engine["lookup_miss_ns"]) <= 300));
    std::printf("  reopen <= 50 ms (1 M)       : %.1f ms  %s\n", reopen["reopen_ms"],
                s.entries <= 1000000 ? verdict(reopen["reopen_ms"] <= 50) : "(target is for 1 M)");
    std::fflush(stdout);
}

} // namespace

int main(int argc, char* argv[])
{
    std::vector<qint64> sizes{1000000};
    int runs = 3;
    bool openSsl = true;
    QString dir;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--entries" && i + 1 < argc) {
            sizes.clear();
            for (const QString& part : QString::fromLatin1(argv[++i]).split(QLatin1Char(','))) {
                sizes.push_back(part.toLongLong());
            }
        } else if (arg == "--runs" && i + 1 < argc) {
            runs = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--dir" && i + 1 < argc) {
            dir = QString::fromLocal8Bit(argv[++i]);
        } else if (arg == "--no-openssl") {
            openSsl = false;
        } else {
            std::fprintf(stderr, "usage: BenchCrl [--entries 1000000,5000000] [--runs 3] [--dir DIR] [--no-openssl]\n");
            return 2;
        }
    }
    QTemporaryDir temp;
    if (dir.isEmpty()) {
        dir = temp.path();
    }
    auto ca = CrlGenerator::create(QStringLiteral("JPKI Bench CA"));
    if (!ca) {
        return 1;
    }
    for (qint64 entries : sizes) {
        const Setup setup = generate(dir, entries, *ca);
        // Warm the page cache the same way for every phase: all of them read the file from memory.
        inChild([&] { return sha256Phase(setup); });
        const auto sha = repeat(runs, [&] { return sha256Phase(setup); }).first;
        const auto [engine, engineRuns] = repeat(runs, [&] { return enginePhase(setup, true); });
        const auto reopen = repeat(runs, [&] { return reopenPhase(setup); }).first;
        Results ossl;
        if (openSsl) {
            ossl = repeat(entries > 1000000 ? 1 : runs, [&] { return openSslPhase(setup); }).first;
        }
        report(setup, sha, engine, reopen, ossl, openSsl);
        std::printf("  load per run (ms, x SHA-256 median; loader / hasher thread cpu ms):");
        for (const Results& r : engineRuns) {
            std::printf("  %.1f (%.2fx; %.0f / %.0f)", r.at("load_ms"), r.at("load_ms") / sha.at("sha256_ms"),
                        r.at("thread_walk_ms") + r.at("thread_settle_loader_ms") + r.at("thread_finish_ms"),
                        r.at("thread_hash_ms") + r.at("thread_settle_hasher_ms"));
        }
        std::printf("\n");
        std::fflush(stdout);
        QFile::remove(setup.crlPath);
        QFile::remove(setup.warmPath);
        QFile::remove(setup.indexPath);
    }
    return 0;
}
