// The log in the store: appends, heads, proofs from the database, and tampering by someone who holds
// the database key (issue 5 "Tests"): every change, deletion, reordering, insertion and forged head
// is caught and located.
#include "AuditFixture.h"

#include "audit/AuditStore.h"
#include "audit/AuditVerifier.h"

#include <QTest>

using namespace madoguchi;
using audit::VerifyReport;

Q_DECLARE_METATYPE(VerifyReport::Problem)

namespace {

constexpr int kEntries = 600; // heads every 100 → heads at 100 … 600; blocks 0 and 1 sealed

QByteArray bodyAt(store::Database& db, qint64 idx)
{
    auto s = db.prepare("SELECT body FROM audit_entry WHERE idx = ?");
    s->bind(1, idx);
    return s->step().value_or(false) ? s->columnBlob(0) : QByteArray();
}

bool setRow(store::Database& db, qint64 idx, const QByteArray& body, bool fixLeaf)
{
    auto s = db.prepare(fixLeaf ? "UPDATE audit_entry SET body = ?1, leaf_hash = ?3 WHERE idx = ?2"
                                : "UPDATE audit_entry SET body = ?1 WHERE idx = ?2");
    s->bindBlob(1, body).bind(2, idx);
    if (fixLeaf) {
        s->bindBlob(3, audit::toBytes(audit::leafHash(body)));
    }
    return s->run().has_value();
}

// Re-encodes entry `idx` with a changed payload (what an insider would do to rewrite history).
QByteArray rewritten(store::Database& db, qint64 idx, qint64 newIndex = -1)
{
    auto entry = audit::AuditEntry::fromCanonical(bodyAt(db, idx));
    entry->payload.insert(QStringLiteral("note"), QStringLiteral("rewritten"));
    if (newIndex >= 0) {
        entry->index = newIndex;
    }
    return entry->canonicalBytes();
}

using Tamper = void (*)(store::Database&);

} // namespace

Q_DECLARE_METATYPE(Tamper)

class TestAuditLog final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    std::optional<store::Database> freshLog(audit::AuditSigner* keep = nullptr)
    {
        auto db = test::openAuditDb(m_dir.filePath(QStringLiteral("audit%1.db").arg(++m_counter)));
        auto signer = audit::AuditSigner::generate();
        if (keep != nullptr) {
            *keep = std::move(*audit::AuditSigner::generate());
            signer = std::move(*keep);
        }
        auto log = audit::AuditLog::open(*db, std::move(*signer), test::fixtureClock(), {QStringLiteral("T-001"), 100});
        if (!log || !test::fill(*log, *db, kEntries)) {
            return std::nullopt;
        }
        return db;
    }

private slots:
    void appendsAreIndexedAndSigned()
    {
        auto db = freshLog();
        QVERIFY(db);
        QCOMPARE(*audit::AuditStore::size(*db), kEntries);
        QCOMPARE(audit::AuditStore::heads(*db)->size(), std::size_t(6));
        QCOMPARE(db->queryInt("SELECT count(*) FROM audit_block").value_or(-1), 2);
        auto entry = audit::AuditStore::entry(*db, 7);
        QCOMPARE(entry->index, 7);
        QCOMPARE(entry->terminal, QStringLiteral("T-001"));
        QCOMPARE(entry->payload.value(QStringLiteral("n")).toInt(), 7);
        auto report = audit::AuditVerifier::verifyDatabase(*db, {});
        QVERIFY(report);
        QVERIFY2(report->ok(), qPrintable(report->detail));
        QCOMPARE(report->entries, kEntries);
        QCOMPARE(report->heads, 6);
    }

    void appendOnlyTriggersRefuseEdits()
    {
        auto db = freshLog();
        QVERIFY(!db->exec("UPDATE audit_entry SET operator = 'x' WHERE idx = 1"));
        QVERIFY(!db->exec("DELETE FROM audit_entry WHERE idx = 1"));
        QVERIFY(!db->exec("DELETE FROM audit_tree_head"));
    }

    void proofsFromTheDatabaseVerify()
    {
        auto db = freshLog();
        audit::DbTreeSource source(*db);
        auto heads = audit::AuditStore::heads(*db);
        const audit::TreeHead& last = heads->back();
        for (qint64 i : {0, 1, 255, 256, 300, 511, 599}) {
            auto proof = audit::MerkleTree::inclusionProof(source, i, last.size);
            QVERIFY(proof);
            const audit::Hash leaf = audit::leafHash(bodyAt(*db, i));
            QVERIFY(audit::MerkleTree::verifyInclusion(leaf, i, last.size, *proof, last.root));
            QVERIFY(!audit::MerkleTree::verifyInclusion(leaf, (i + 1) % kEntries, last.size, *proof, last.root));
        }
        for (const audit::TreeHead& older : *heads) {
            auto proof = audit::MerkleTree::consistencyProof(source, older.size, last.size);
            QVERIFY(audit::MerkleTree::verifyConsistency(older.size, last.size, older.root, last.root, *proof));
        }
    }

    void reopeningWithAnotherKeyIsRefused()
    {
        auto db = freshLog();
        auto log = audit::AuditLog::open(*db, std::move(*audit::AuditSigner::generate()), test::fixtureClock(),
                                         {QStringLiteral("T-001"), 100});
        QVERIFY(!log);
        QCOMPARE(log.error().code, core::Errc::SignatureInvalid);
    }

    void anotherTerminalOnTheSameDatabaseIsRefused()
    {
        auto db = freshLog();
        auto log = audit::AuditLog::open(*db, std::move(*audit::AuditSigner::generate()), test::fixtureClock(),
                                         {QStringLiteral("T-002"), 100});
        QVERIFY(!log);
    }

    void tamperingIsLocated_data()
    {
        QTest::addColumn<Tamper>("tamper");
        QTest::addColumn<VerifyReport::Problem>("problem");
        QTest::addColumn<qint64>("index");
        QTest::addColumn<qint64>("headSize");
        using P = VerifyReport::Problem;
        QTest::newRow("modified body") << Tamper([](store::Database& db) { setRow(db, 37, rewritten(db, 37), false); })
                                       << P::Modified << qint64(37) << qint64(-1);
        QTest::newRow("modified body and leaf hash in a sealed block")
            << Tamper([](store::Database& db) { setRow(db, 300, rewritten(db, 300), true); }) << P::HeadRoot
            << qint64(300) << qint64(400);
        QTest::newRow("modified body and leaf hash, block hash checked before any head")
            << Tamper([](store::Database& db) { setRow(db, 210, rewritten(db, 210), true); }) << P::Modified
            << qint64(200) << qint64(-1);
        QTest::newRow("modified body and leaf hash in the open block")
            << Tamper([](store::Database& db) { setRow(db, 520, rewritten(db, 520), true); }) << P::HeadRoot
            << qint64(500) << qint64(600);
        QTest::newRow("list column edited") << Tamper([](store::Database& db) {
            (void)db.exec("UPDATE audit_entry SET operator = 'someone-else' WHERE idx = 444");
        }) << P::Modified << qint64(444) << qint64(-1);
        QTest::newRow("time column edited") << Tamper([](store::Database& db) {
            (void)db.exec("UPDATE audit_entry SET at_ms = at_ms + 1 WHERE idx = 9");
        }) << P::Modified << qint64(9) << qint64(-1);
        QTest::newRow("deleted") << Tamper([](store::Database& db) {
            (void)db.exec("DELETE FROM audit_entry WHERE idx = 50");
        }) << P::Missing << qint64(50)
                                 << qint64(-1);
        QTest::newRow("deleted and renumbered") << Tamper([](store::Database& db) {
            (void)db.exec("DELETE FROM audit_entry WHERE idx = 50;"
                          "UPDATE audit_entry SET idx = -idx WHERE idx > 50;"
                          "UPDATE audit_entry SET idx = -idx - 1 WHERE idx < 0;");
        }) << P::Misplaced << qint64(50) << qint64(-1);
        QTest::newRow("truncated") << Tamper([](store::Database& db) {
            (void)db.exec("DELETE FROM audit_entry WHERE idx >= 550");
        }) << P::Missing << qint64(550)
                                   << qint64(-1);
        QTest::newRow("reordered") << Tamper([](store::Database& db) {
            const QByteArray a = bodyAt(db, 10);
            const QByteArray b = bodyAt(db, 11);
            setRow(db, 10, b, true);
            setRow(db, 11, a, true);
        }) << P::Misplaced << qint64(10)
                                   << qint64(-1);
        QTest::newRow("inserted") << Tamper([](store::Database& db) {
            (void)db.exec("UPDATE audit_entry SET idx = -idx WHERE idx >= 70;"
                          "UPDATE audit_entry SET idx = -idx + 1 WHERE idx <= -70;");
            auto forged = audit::AuditEntry::fromCanonical(bodyAt(db, 71));
            forged->payload.insert(QStringLiteral("note"), QStringLiteral("forged"));
            const QByteArray body = forged->canonicalBytes();
            // A careful insider keeps the list columns in line with the forged bytes.
            auto s = db.prepare("INSERT INTO audit_entry VALUES (70, ?, ?, ?, ?, ?, ?, ?)");
            s->bind(1, forged->timeMs).bind(2, forged->operatorId).bind(3, forged->role).bind(4, forged->action);
            s->bind(5, forged->subject).bindBlob(6, body).bindBlob(7, audit::toBytes(audit::leafHash(body)));
            (void)s->run();
        }) << P::Misplaced << qint64(70)
                                  << qint64(-1);
        QTest::newRow("forged head root") << Tamper([](store::Database& db) {
            (void)db.exec("UPDATE audit_tree_head SET root = zeroblob(32) WHERE tree_size = 300");
        }) << P::HeadSignature << qint64(-1)
                                          << qint64(300);
        QTest::newRow("head re-signed with another key") << Tamper([](store::Database& db) {
            auto other = audit::AuditSigner::generate();
            auto heads = audit::AuditStore::heads(db);
            auto s = db.prepare("UPDATE audit_tree_head SET signature = ? WHERE tree_size = 200");
            s->bindBlob(1, *other->sign((*heads)[1].signedBytes()));
            (void)s->run();
        }) << P::HeadSignature << qint64(-1) << qint64(200);
    }

    void tamperingIsLocated()
    {
        QFETCH(Tamper, tamper);
        QFETCH(VerifyReport::Problem, problem);
        QFETCH(qint64, index);
        QFETCH(qint64, headSize);
        auto db = freshLog();
        QVERIFY(db);
        // An insider with the database key can drop the append-only triggers.
        QVERIFY(db->exec("DROP TRIGGER audit_entry_no_update; DROP TRIGGER audit_entry_no_delete;"
                         "DROP TRIGGER audit_head_no_update; DROP TRIGGER audit_head_no_delete;"));
        tamper(*db);
        auto report = audit::AuditVerifier::verifyDatabase(*db, {});
        QVERIFY(report);
        QVERIFY2(report->problem == problem, qPrintable(audit::problemName(report->problem) + u' ' + report->detail));
        QCOMPARE(report->firstBadIndex, index);
        if (headSize >= 0) {
            QCOMPARE(report->headSize, headSize);
        }
    }

    void cancelStopsVerification()
    {
        auto db = test::openAuditDb(m_dir.filePath(QStringLiteral("cancel.db")));
        auto log = audit::AuditLog::open(*db, std::move(*audit::AuditSigner::generate()), test::fixtureClock(),
                                         {QStringLiteral("T-003"), 1000});
        QVERIFY(test::fill(*log, *db, 5000));
        qint64 seen = 0;
        auto report = audit::AuditVerifier::verifyDatabase(*db, {}, [&seen](qint64 done, qint64 total) {
            seen = done;
            return total != 5000;
        });
        QVERIFY(report);
        QCOMPARE(report->problem, VerifyReport::Problem::Cancelled);
        QVERIFY(seen > 0 && seen < 5000);
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "TestAuditLog.moc"
