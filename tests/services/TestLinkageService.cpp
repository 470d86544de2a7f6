#include "ServiceFixture.h"

#include "services/IndividualNumberDetector.h"
#include "services/LinkageService.h"
#include "services/PanSealer.h"
#include "store/Database.h"

#include <QBuffer>
#include <QFile>
#include <QLoggingCategory>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

using namespace madoguchi;
using namespace madoguchi::services;

namespace {

// A throw-away RSA pair standing in for the platform's key (the terminal only ever has the public half).
std::pair<QByteArray, QByteArray> testKeyPair()
{
    EVP_PKEY* key = EVP_RSA_gen(2048);
    BIO* pub = BIO_new(BIO_s_mem());
    BIO* priv = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(pub, key);
    PEM_write_bio_PrivateKey(priv, key, nullptr, nullptr, 0, nullptr, nullptr);
    auto read = [](BIO* bio) {
        char* data = nullptr;
        const long size = BIO_get_mem_data(bio, &data);
        return QByteArray(data, static_cast<qsizetype>(size));
    };
    std::pair<QByteArray, QByteArray> pair{read(pub), read(priv)};
    BIO_free(pub);
    BIO_free(priv);
    EVP_PKEY_free(key);
    return pair;
}

const QByteArray TestPan = "4111111111111111";
const QByteArray DemoIndividualNumber = "123456789018"; // jpki-card.md §7 example, valid check digit

// Every log line the services write during this test, for the privacy scan.
QByteArray g_logs;
QtMessageHandler g_previousHandler = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    g_logs += message.toUtf8() + '\n';
    if (g_previousHandler != nullptr) {
        g_previousHandler(type, context, message);
    }
}

const Operator Staff{QStringLiteral("staff-1"), Role::MunicipalStaff};
const Operator Clerk{QStringLiteral("clerk-1"), Role::InsurerClerk};
const Operator Auditor{QStringLiteral("audit-1"), Role::Auditor};

EnrolRequest insurance(int cardNo, const char* number)
{
    EnrolRequest r;
    r.card = test::card(cardNo);
    r.kind = QStringLiteral("health_insurance");
    r.fields = {{QStringLiteral("insurer_number"), QStringLiteral("33120015")},
                {QStringLiteral("symbol"), QStringLiteral("記号")},
                {QStringLiteral("number"), QString::fromLatin1(number)},
                {QStringLiteral("branch"), QStringLiteral("01")}};
    return r;
}

} // namespace

// Stands in for the audit log: records into its own table inside the caller's transaction, or fails.
class TableRecorder final : public ChangeRecorder
{
public:
    bool failNext = false;
    core::Result<void> record(store::Database& db, const ChangeRecord& change) override
    {
        if (failNext) {
            return core::fail(core::Errc::StoreFailure, QStringLiteral("audit log full"));
        }
        auto stmt = db.prepare("INSERT INTO test_audit(op, actor) VALUES (?, ?)");
        if (!stmt) {
            return core::fail(stmt.error());
        }
        stmt->bind(1, change.op).bind(2, change.actor.id);
        return stmt->run();
    }
};

class TestLinkageService final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<store::Database> m_db;
    core::FixedClock m_clock{QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC)};
    std::pair<QByteArray, QByteArray> m_keys = testKeyPair();
    std::optional<PanSealer> m_sealer;
    std::unique_ptr<LinkageService> m_service;

private Q_SLOTS:
    void initTestCase()
    {
        g_previousHandler = qInstallMessageHandler(captureLog);
        QLoggingCategory::setFilterRules(QStringLiteral("madoguchi.*.debug=true"));
        m_db = test::openMigrated(m_dir.filePath(QStringLiteral("reg.db")));
        QVERIFY(m_db);
        auto sealer = PanSealer::fromPublicKeyPem(m_keys.first);
        QVERIFY(sealer);
        m_sealer.emplace(std::move(*sealer));
        m_service = std::make_unique<LinkageService>(*m_db, m_clock, QStringLiteral("T01"), &*m_sealer);
    }

    void enrolAndFind()
    {
        auto l = m_service->enrol(Staff, insurance(1, "1001"));
        QVERIFY2(l, qPrintable(l ? QString() : l.error().toString()));
        QCOMPARE(l->version, 1);
        auto found = m_service->findByCard(Auditor, test::card(1));
        QVERIFY(found);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().uuid, l->uuid);
        auto byNumber = m_service->findByInsurance(Auditor, QStringLiteral("33120015"), QStringLiteral("記号"),
                                                   QStringLiteral("1001"), QStringLiteral("01"));
        QCOMPARE(byNumber->size(), 1);
        QCOMPARE(*m_db->queryInt("SELECT count(*) FROM outbox"), 1);
        // The same insurance number again: duplicate; on another card: conflict.
        QCOMPARE(m_service->enrol(Staff, insurance(1, "1001")).error().code, core::Errc::InvalidArgument);
        QCOMPARE(m_service->enrol(Staff, insurance(2, "1001")).error().code, core::Errc::InvalidArgument);
    }

    void platformIdIssuedLocally()
    {
        EnrolRequest r;
        r.card = test::card(3);
        r.kind = QStringLiteral("platform_id");
        auto l = m_service->enrol(Staff, std::move(r));
        QVERIFY(l);
        const QString id = l->fields.value(QStringLiteral("platform_id")).toString();
        QVERIFY(id.startsWith(QStringLiteral("LT01-")));
        QCOMPARE(m_service->findByPlatformId(Auditor, id)->size(), 1);
    }

    void creditCardIsSealed()
    {
        EnrolRequest r;
        r.card = test::card(4);
        r.kind = QStringLiteral("credit_card");
        r.fields = {{QStringLiteral("expiry"), QStringLiteral("12/29")}};
        r.pan = core::SecureBytes(QByteArrayView(TestPan));
        auto l = m_service->enrol(Staff, std::move(r));
        QVERIFY2(l, qPrintable(l ? QString() : l.error().toString()));
        QCOMPARE(l->fields.value(QStringLiteral("last4")).toString(), QStringLiteral("1111"));
        QCOMPARE(l->fields.value(QStringLiteral("brand")).toString(), QStringLiteral("visa"));
        auto opened = PanSealer::open(m_keys.second, l->sealedPan);
        QVERIFY(opened);
        QCOMPARE(opened->view(), QByteArrayView(TestPan));
        EnrolRequest bad;
        bad.card = test::card(4);
        bad.kind = QStringLiteral("credit_card");
        bad.pan = core::SecureBytes(QByteArrayView("4111111111111112"));
        QCOMPARE(m_service->enrol(Staff, std::move(bad)).error().code, core::Errc::InvalidArgument);
    }

    void unknownKindRefusedInWords()
    {
        EnrolRequest r;
        r.card = test::card(6);
        r.kind = QStringLiteral("cable_tv"); // the kind's code is "catv"
        r.fields = {{QStringLiteral("household_id"), QStringLiteral("H-123")}};
        const auto l = m_service->enrol(Staff, std::move(r));
        QCOMPARE(l.error().code, core::Errc::InvalidArgument);
        QVERIFY2(l.error().detail.contains(QStringLiteral("unknown linkage kind")), qPrintable(l.error().detail));
        QCOMPARE(m_service->findByCard(Staff, test::card(6))->size(), 0);
    }

    void individualNumberRefused()
    {
        auto l = m_service->enrol(Staff, insurance(5, DemoIndividualNumber.constData()));
        QCOMPARE(l.error().code, core::Errc::InvalidArgument);
    }

    void rolesAreChecked_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("auditor insurance") << int(Role::Auditor) << QStringLiteral("health_insurance") << false;
        QTest::newRow("auditor catv") << int(Role::Auditor) << QStringLiteral("catv") << false;
        QTest::newRow("clerk insurance") << int(Role::InsurerClerk) << QStringLiteral("health_insurance") << true;
        QTest::newRow("clerk catv") << int(Role::InsurerClerk) << QStringLiteral("catv") << false;
        QTest::newRow("staff catv") << int(Role::MunicipalStaff) << QStringLiteral("catv") << true;
        QTest::newRow("admin catv") << int(Role::Admin) << QStringLiteral("catv") << true;
    }
    void rolesAreChecked()
    {
        QFETCH(int, role);
        QFETCH(QString, kind);
        QFETCH(bool, allowed);
        static int n = 100;
        ++n;
        EnrolRequest r = insurance(n, QByteArray::number(n).constData());
        if (kind == QStringLiteral("catv")) {
            r.kind = kind;
            r.fields = {{QStringLiteral("household_id"), QStringLiteral("HH-%1").arg(n)}};
        }
        auto l = m_service->enrol(Operator{QStringLiteral("op"), static_cast<Role>(role)}, std::move(r));
        QCOMPARE(bool(l), allowed);
        if (!allowed) {
            QCOMPARE(l.error().code, core::Errc::PermissionDenied);
        }
    }

    void auditorCannotChangeCards()
    {
        QCOMPARE(m_service->applyRevocation(Auditor, {test::card(1), 1, {}}).error().code,
                 core::Errc::PermissionDenied);
        QCOMPARE(m_service->applyRevocation(Clerk, {test::card(1), 1, {}}).error().code, core::Errc::PermissionDenied);
        QCOMPARE(m_service->recordResident(Auditor, test::card(1), QStringLiteral("x"), {}).error().code,
                 core::Errc::PermissionDenied);
    }

    void revocationSuspendsWithHistory()
    {
        auto l = m_service->enrol(Staff, insurance(10, "2001"));
        QVERIFY(l);
        QCOMPARE(*m_service->applyRevocation(Staff, {test::card(10), 1, {}}), 1);
        auto history = m_service->history(Auditor, l->uuid);
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->at(0).status, store::LinkageStatus::Active);
        QCOMPARE(history->at(1).status, store::LinkageStatus::Suspended);
        // A revoked card takes no new linkages.
        QCOMPARE(m_service->enrol(Staff, insurance(10, "2002")).error().code, core::Errc::Revoked);
    }

    void migrateToSuccessor()
    {
        auto l = m_service->enrol(Staff, insurance(20, "3001"));
        QVERIFY(l);
        QCOMPARE(*m_service->migrate(Staff, test::card(20), test::card(21)), 1);
        QCOMPARE(m_service->findByCard(Auditor, test::card(20))->first().status, store::LinkageStatus::Migrated);
        auto moved = m_service->findByCard(Auditor, test::card(21));
        QCOMPARE(moved->size(), 1);
        QCOMPARE(moved->first().status, store::LinkageStatus::Active);
        QCOMPARE(moved->first().searchKey, l->searchKey);
    }

    void endLinkage()
    {
        auto l = m_service->enrol(Staff, insurance(30, "4001"));
        QCOMPARE(m_service->end(Auditor, l->uuid, QStringLiteral("x")).error().code, core::Errc::PermissionDenied);
        auto ended = m_service->end(Clerk, l->uuid, QStringLiteral("left the insurer"));
        QVERIFY(ended);
        QCOMPARE(ended->version, 2);
        QCOMPARE(ended->status, store::LinkageStatus::Ended);
        QVERIFY(m_service->enrol(Staff, insurance(31, "4001"))); // an ended number may be re-linked
    }

    void residentNameSearch()
    {
        QVERIFY(
            m_service->recordResident(Staff, test::card(1), QStringLiteral("山田太郎"), QStringLiteral("19800101")));
        QCOMPARE(m_service->findByName(Auditor, QStringLiteral("山田太郎"))->size(), 1);
    }

    void exportNeutralisesFormulas()
    {
        EnrolRequest r;
        r.card = test::card(40);
        r.kind = QStringLiteral("health_insurance");
        r.fields = {{QStringLiteral("insurer_number"), QStringLiteral("33120015")},
                    {QStringLiteral("symbol"), QStringLiteral("=HYPERLINK(\"x\")")},
                    {QStringLiteral("number"), QStringLiteral("-5001")},
                    {QStringLiteral("branch"), QStringLiteral("01")}};
        QVERIFY(m_service->enrol(Staff, std::move(r)));
        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(*m_service->exportCsv(Auditor, out) > 5);
        const QByteArray csv = out.data();
        QVERIFY(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""));
        QVERIFY(csv.contains(",'-5001,"));
        QVERIFY(!csv.contains(",=") && !csv.contains(",-5001"));
        m_export = csv;
    }

    // Decrypt the database, dump every table, and scan it + the export for any individual number
    // and for the full test PAN (issue 4 "Tests"). Blobs are dumped as base64 so random bytes do not
    // pose as digits.
    void changeRecorderSharesTheTransaction()
    {
        QVERIFY(m_db->exec("CREATE TABLE test_audit(op TEXT, actor TEXT)"));
        TableRecorder recorder;
        LinkageService audited(*m_db, m_clock, QStringLiteral("T01"), nullptr, &recorder);
        QVERIFY(audited.enrol(Staff, insurance(50, "5001")));
        QCOMPARE(*m_db->queryInt("SELECT count(*) FROM test_audit WHERE op = 'enrol' AND actor = 'staff-1'"), 1);
        const qint64 before = *m_db->queryInt("SELECT count(*) FROM linkage_version");
        const qint64 outboxBefore = *m_db->queryInt("SELECT count(*) FROM outbox");
        recorder.failNext = true;
        QCOMPARE(audited.enrol(Staff, insurance(51, "5002")).error().code, core::Errc::StoreFailure);
        QCOMPARE(*m_db->queryInt("SELECT count(*) FROM linkage_version"), before); // rolled back with it
        QCOMPARE(*m_db->queryInt("SELECT count(*) FROM outbox"), outboxBefore);
    }

    void privacyScan()
    {
        QByteArray dump;
        auto tables = m_db->prepare("SELECT name FROM sqlite_master WHERE type = 'table'");
        QStringList names;
        while (*tables->step()) {
            names << tables->columnText(0);
        }
        QVERIFY(names.contains(QStringLiteral("linkage_version")));
        for (const QString& table : names) {
            auto rows = m_db->prepare(QStringLiteral("SELECT * FROM %1").arg(table).toStdString());
            while (*rows->step()) {
                for (int c = 0; c < rows->columnCount(); ++c) {
                    dump += rows->columnType(c) == 4 ? rows->columnBlob(c).toBase64() : rows->columnText(c).toUtf8();
                    dump += '\x1f';
                }
                dump += '\n';
            }
        }
        QVERIFY(dump.size() > 1000);
        QVERIFY(dump.contains("1111"));       // last 4 is there: the scan sees real data
        QVERIFY(g_logs.contains("enrolled")); // the scan sees the real log
        for (const QByteArray& haystack : {dump, m_export, g_logs}) {
            QVERIFY(!IndividualNumberDetector::containsIndividualNumber(haystack));
            QVERIFY(!haystack.contains(DemoIndividualNumber));
            QVERIFY(!haystack.contains(TestPan));
        }
        QFile raw(m_db->path());
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QVERIFY(!raw.readAll().contains("1111"));
    }

private:
    QByteArray m_export;
};

QTEST_GUILESS_MAIN(TestLinkageService)
#include "TestLinkageService.moc"
