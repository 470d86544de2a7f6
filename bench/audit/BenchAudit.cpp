// BenchAudit: the audit log's targets (performance.md §4) beside their baselines, in one run.
//   append, batched with its change, WAL    vs the same rows without hashing/blocks/heads
//   verify the whole log                     vs reading the same rows + SHA-256 of their bytes
//   inclusion / consistency proof generation
//   first page of the auditor's list (what AuditPage's model does when it opens)
// Run by hand: build/bench/audit/BenchAudit [--entries 1000000] [--dir /tmp] [--keep]
//   --keep leaves <dir>/log.db for BenchAuditPage (the GUI page opening on the same log).
#include "audit/AuditLog.h"
#include "audit/AuditQuery.h"
#include "audit/AuditVerifier.h"
#include "audit/MerkleHash.h"
#include "store/Database.h"
#include "store/Migrator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>

using namespace madoguchi;

namespace {

core::SecureBytes benchKey()
{
    core::SecureBytes key(32);
    for (std::size_t i = 0; i < key.size(); ++i) {
        key[i] = static_cast<std::uint8_t>(i * 7 + 1);
    }
    return key;
}

audit::AuditEvent sampleEvent(qint64 i)
{
    // ~300 bytes of canonical entry, like performance.md §2b.
    return {
        QStringLiteral("staff-%1").arg(i % 40),
        QStringLiteral("municipal_staff"),
        QStringLiteral("linkage.enrol"),
        QStringLiteral("linkage:%1").arg(QStringLiteral("6f1c2d3e-4b5a-4c6d-8e7f-%1").arg(i, 12, 10, QLatin1Char('0'))),
        {{QStringLiteral("version"), 1},
         {QStringLiteral("summary"), QStringLiteral("health_insurance active; insurer 33120015 branch 01")},
         {QStringLiteral("kind"), QStringLiteral("health_insurance")},
         {QStringLiteral("batch"), i / 1000}}};
}

store::Database openDb(const QString& path)
{
    auto db = store::Database::open(path, benchKey(), store::Database::Mode::CreateIfMissing);
    if (!db || !store::Migrator::migrate(*db) ||
        !db->exec("CREATE TABLE IF NOT EXISTS bench_change(id INTEGER PRIMARY KEY, payload TEXT NOT NULL)")) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(path));
        std::exit(1);
    }
    return std::move(*db);
}

bool change(store::Statement& insert, qint64 i)
{
    insert.bind(1, i).bind(2, QStringLiteral("change %1").arg(i));
    return insert.run().has_value();
}

// Entries with their change, 1,000 per transaction, through AuditLog (hash, blocks, heads every 4096).
double appendWithLog(store::Database& db, qint64 n)
{
    core::SystemClock clock;
    auto log =
        audit::AuditLog::open(db, std::move(*audit::AuditSigner::generate()), clock, {QStringLiteral("T-BENCH"), 4096});
    auto insert = db.prepare("INSERT INTO bench_change(id, payload) VALUES (?, ?)");
    QElapsedTimer t;
    t.start();
    for (qint64 i = 0; i < n; ++i) {
        if (i % 1000 == 0) {
            (void)db.exec("BEGIN IMMEDIATE");
        }
        if (!change(*insert, i) || !log->append(sampleEvent(i))) {
            std::fprintf(stderr, "append failed at %lld\n", static_cast<long long>(i));
            std::exit(1);
        }
        if (i % 1000 == 999 || i == n - 1) {
            (void)db.exec("COMMIT");
        }
    }
    (void)log->signTreeHead();
    return static_cast<double>(t.nsecsElapsed()) / 1e9;
}

// The baseline: the same change and the same row, no hashing, no blocks, no heads.
double appendPlain(store::Database& db, qint64 n)
{
    auto insert = db.prepare("INSERT INTO bench_change(id, payload) VALUES (?, ?)");
    auto entry = db.prepare("INSERT INTO audit_entry(idx, at_ms, operator, role, action, subject, body, leaf_hash) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, x'')");
    QElapsedTimer t;
    t.start();
    for (qint64 i = 0; i < n; ++i) {
        if (i % 1000 == 0) {
            (void)db.exec("BEGIN IMMEDIATE");
        }
        const audit::AuditEvent e = sampleEvent(i);
        const audit::AuditEntry a{i,
                                  QDateTime::currentMSecsSinceEpoch(),
                                  QStringLiteral("T-BENCH"),
                                  e.operatorId,
                                  e.role,
                                  e.action,
                                  e.subject,
                                  e.payload};
        entry->bind(1, i).bind(2, a.timeMs).bind(3, a.operatorId).bind(4, a.role).bind(5, a.action).bind(6, a.subject);
        entry->bindBlob(7, a.canonicalBytes());
        if (!change(*insert, i) || !entry->run()) {
            std::exit(1);
        }
        if (i % 1000 == 999 || i == n - 1) {
            (void)db.exec("COMMIT");
        }
    }
    return static_cast<double>(t.nsecsElapsed()) / 1e9;
}

double floorPass(store::Database& db)
{
    QElapsedTimer t;
    t.start();
    auto select = db.prepare("SELECT idx, body, leaf_hash FROM audit_entry ORDER BY idx");
    quint8 sink = 0;
    while (select->step().value_or(false)) {
        sink ^= audit::sha256(select->columnView(1))[0]; // no copy: the floor is read + hash, nothing else
    }
    static volatile quint8 keep = 0;
    keep = keep ^ sink;
    return static_cast<double>(t.nsecsElapsed()) / 1e9;
}

double verifyPass(store::Database& db)
{
    QElapsedTimer t;
    t.start();
    auto report = audit::AuditVerifier::verifyDatabase(db, {});
    if (!report || !report->ok()) {
        std::fprintf(stderr, "verify failed: %s\n", report ? qPrintable(report->detail) : "error");
        std::exit(1);
    }
    return static_cast<double>(t.nsecsElapsed()) / 1e9;
}

void proofs(store::Database& db, qint64 n)
{
    audit::DbTreeSource source(db);
    QElapsedTimer t;
    t.start();
    const int runs = 1000;
    for (int i = 0; i < runs; ++i) {
        const qint64 index = QRandomGenerator::global()->bounded(n);
        if (!audit::MerkleTree::inclusionProof(source, index, n)) {
            std::exit(1);
        }
    }
    const double inclusionUs = static_cast<double>(t.nsecsElapsed()) / 1e3 / runs;
    t.restart();
    for (int i = 0; i < 100; ++i) {
        if (!audit::MerkleTree::consistencyProof(source, 1 + QRandomGenerator::global()->bounded(n - 1), n)) {
            std::exit(1);
        }
    }
    const double consistencyUs = static_cast<double>(t.nsecsElapsed()) / 1e3 / 100;
    t.restart();
    (void)audit::MerkleTree::root(source, n);
    std::printf("proofs at %lld entries: inclusion %.0f us, consistency %.0f us, root %.1f ms\n",
                static_cast<long long>(n), inclusionUs, consistencyUs, static_cast<double>(t.nsecsElapsed()) / 1e6);
}

void listOpen(const QString& path)
{
    QElapsedTimer t;
    t.start();
    store::Database db = openDb(path); // a fresh connection, as the page's model opens it
    const double openMs = static_cast<double>(t.nsecsElapsed()) / 1e6;
    t.restart();
    auto rows = audit::AuditQuery::page(db, {}, -1, 200);
    const double pageMs = static_cast<double>(t.nsecsElapsed()) / 1e6;
    t.restart();
    audit::AuditFilter filter;
    filter.operatorId = QStringLiteral("staff-7");
    auto filtered = audit::AuditQuery::page(db, filter, -1, 200);
    std::printf("list: open %.1f ms, first 200 rows %.2f ms (%zu), filtered by operator %.2f ms (%zu)\n", openMs,
                pageMs, rows ? rows->size() : 0, static_cast<double>(t.nsecsElapsed()) / 1e6,
                filtered ? filtered->size() : 0);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qsizetype at = args.indexOf(QStringLiteral("--entries"));
    const qint64 n = at >= 0 ? args.value(at + 1).toLongLong() : 1000000;
    const qsizetype dirAt = args.indexOf(QStringLiteral("--dir"));
    QTemporaryDir dir(dirAt >= 0 ? args.value(dirAt + 1) + QStringLiteral("/bench-audit-XXXXXX") : QString());
    dir.setAutoRemove(!args.contains(QStringLiteral("--keep")));
    std::printf("database: %s\n", qPrintable(dir.filePath(QStringLiteral("log.db"))));
    const QString logPath = dir.filePath(QStringLiteral("log.db"));
    {
        store::Database plain = openDb(dir.filePath(QStringLiteral("plain.db")));
        const double s = appendPlain(plain, n);
        std::printf("append without hashing: %lld entries in %.2f s = %.0f entries/s\n", static_cast<long long>(n), s,
                    n / s);
    }
    store::Database db = openDb(logPath);
    const double s = appendWithLog(db, n);
    std::printf("append with log (hash, blocks, heads), batched with its change, WAL: %.2f s = %.0f entries/s (target "
                ">= 50000)\n",
                s, n / s);
    double floor = 1e9;
    double verify = 1e9;
    for (int run = 0; run < 2; ++run) {
        floor = std::min(floor, floorPass(db));
        verify = std::min(verify, verifyPass(db));
    }
    std::printf("verify %lld entries: %.2f s; floor (read rows + SHA-256): %.2f s; ratio %.2f (target <= 1.5)\n",
                static_cast<long long>(n), verify, floor, verify / floor);
    proofs(db, n);
    listOpen(logPath);
    return 0;
}
