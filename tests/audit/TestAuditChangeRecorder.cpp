// Linkage changes and their audit entries commit together (issue 5 item 1), also across a SIGKILL
// between or inside transactions; the typed AuditTrail records what it is given and nothing secret.
#include "AuditFixture.h"

#include "audit/AuditStore.h"
#include "audit/AuditVerifier.h"
#include "services/AuditChangeRecorder.h"
#include "services/AuditTrail.h"
#include "services/LinkageService.h"

#include <QProcess>
#include <QTest>

using namespace madoguchi;

class TestAuditChangeRecorder final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static qint64 linkageEntries(store::Database& db)
    {
        return db.queryInt("SELECT count(*) FROM audit_entry WHERE action LIKE 'linkage.%'").value_or(-1);
    }

private slots:
    void enrolRecordsInTheSameTransaction()
    {
        auto db = test::openAuditDb(m_dir.filePath(QStringLiteral("enrol.db")));
        auto log = audit::AuditLog::open(*db, std::move(*audit::AuditSigner::generate()), test::fixtureClock(),
                                         {QStringLiteral("T-1"), 100});
        QVERIFY(log);
        services::AuditChangeRecorder recorder(*log);
        services::LinkageService service(*db, test::fixtureClock(), QStringLiteral("T01"), nullptr, &recorder);
        const services::Operator op{QStringLiteral("staff-1"), services::Role::MunicipalStaff};
        services::EnrolRequest r;
        r.card = {QByteArray::fromHex("a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0"), QByteArray("00000001")};
        r.kind = QStringLiteral("health_insurance");
        r.fields = {{QStringLiteral("insurer_number"), QStringLiteral("33120015")},
                    {QStringLiteral("symbol"), QStringLiteral("S")},
                    {QStringLiteral("number"), QStringLiteral("1")},
                    {QStringLiteral("branch"), QStringLiteral("01")}};
        auto linkage = service.enrol(op, std::move(r));
        QVERIFY2(linkage, qPrintable(linkage ? QString() : linkage.error().toString()));
        auto entry = audit::AuditStore::entry(*db, 0);
        QVERIFY(entry);
        QCOMPARE(entry->action, QStringLiteral("linkage.enrol"));
        QCOMPARE(entry->operatorId, QStringLiteral("staff-1"));
        QCOMPARE(entry->role, QStringLiteral("municipal_staff"));
        QCOMPARE(entry->subject, QStringLiteral("linkage:") + linkage->uuid.toString(QUuid::WithoutBraces));
        // A rejected change leaves no entry.
        services::EnrolRequest bad;
        QVERIFY(!service.enrol(op, std::move(bad)));
        QCOMPARE(*audit::AuditStore::size(*db), 1);
    }

    void typedEventsCarryNoSecrets()
    {
        auto db = test::openAuditDb(m_dir.filePath(QStringLiteral("typed.db")));
        auto log = audit::AuditLog::open(*db, std::move(*audit::AuditSigner::generate()), test::fixtureClock(),
                                         {QStringLiteral("T-2"), 100});
        services::AuditTrail trail(*log);
        const services::Operator op{QStringLiteral("staff-1"), services::Role::MunicipalStaff};
        const store::CardIdentity card{QByteArray::fromHex("aabb"), QByteArray::fromHex("0102")};
        QVERIFY(trail.signedIn(op));
        QVERIFY(trail.cardRead(op, card, QStringLiteral("pin_verified")));
        QVERIFY(trail.pinVerified(op, card, QStringLiteral("auth"), false, 2));
        QVERIFY(trail.revocationChecked(op, card, QStringLiteral("ocsp"), QStringLiteral("revoked"), 1));
        QVERIFY(trail.syncPushed(op, 10, 99));
        QVERIFY(trail.signInFailed(QStringLiteral("mallory"), QStringLiteral("bad password")));
        auto pin = audit::AuditStore::entry(*db, 2);
        QCOMPARE(pin->action, QStringLiteral("card.pin_verify"));
        QCOMPARE(pin->subject, QStringLiteral("card:aabb:0102"));
        QCOMPARE(pin->payload.value(QStringLiteral("triesLeft")).toInt(), 2);
        QCOMPARE(pin->payload.value(QStringLiteral("outcome")).toString(), QStringLiteral("wrong"));
        QCOMPARE(*audit::AuditStore::size(*db), 6);
        QVERIFY(audit::AuditVerifier::verifyDatabase(*db, log->publicKeyDer())->ok());
    }

    // SIGKILL the helper after `commits` reported commits: the kill lands between or inside a
    // transaction; afterwards every linkage version has exactly one entry and the log verifies.
    void crashKeepsChangeAndEntryTogether_data()
    {
        QTest::addColumn<int>("commits");
        QTest::newRow("early") << 5;
        QTest::newRow("later") << 70;
        QTest::newRow("past a head") << 140;
    }

    void crashKeepsChangeAndEntryTogether()
    {
        QFETCH(int, commits);
        const QString dbPath = m_dir.filePath(QStringLiteral("crash%1.db").arg(commits));
        const QString keyPath = m_dir.filePath(QStringLiteral("crash%1.pem").arg(commits));
        for (int round = 0; round < 2; ++round) {
            QProcess child;
            child.start(QStringLiteral(AUDIT_HELPER_PATH), {dbPath, keyPath, QString::number(round * 100000 + 1)});
            QVERIFY(child.waitForStarted());
            int seen = 0;
            while (seen < commits && child.waitForReadyRead(30000)) {
                while (child.canReadLine()) {
                    seen += child.readLine().startsWith("enrolled") ? 1 : 0;
                }
            }
            QVERIFY2(seen >= commits, child.readAllStandardError().constData());
            child.kill(); // SIGKILL: no destructor, no rollback, no COMMIT
            QVERIFY(child.waitForFinished());
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);

            auto db = test::openAuditDb(dbPath);
            QVERIFY(db);
            QVERIFY(db->checkIntegrity());
            const qint64 versions = *db->queryInt("SELECT count(*) FROM linkage_version");
            QVERIFY(versions >= commits * (round + 1));
            QCOMPARE(linkageEntries(*db), versions);
            auto signer = audit::AuditSigner::loadOrCreate(keyPath);
            auto report = audit::AuditVerifier::verifyDatabase(*db, signer->publicKeyDer());
            QVERIFY(report);
            QVERIFY2(report->ok(), qPrintable(report->detail));
            QCOMPARE(report->entries, versions);
        }
    }
};

QTEST_GUILESS_MAIN(TestAuditChangeRecorder)
#include "TestAuditChangeRecorder.moc"
