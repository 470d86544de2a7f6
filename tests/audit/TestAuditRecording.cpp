// Each recorded action of issue 5 item 1 reaches the log through the services the app wires
// (AppContext): action → expected entry, data-driven. Secrets never appear in an entry, the log
// verifies afterwards, and a worker's own connection records its changes in its own transactions.
#include "../gui/CounterFixture.h"

#include "audit/AuditStore.h"
#include "audit/AuditVerifier.h"
#include "pki/JpkiCertificate.h"
#include "services/AuditChangeRecorder.h"
#include "services/AuditSetup.h"
#include "services/AuditTrail.h"
#include "services/CrlOverview.h"
#include "services/EnrolmentService.h"
#include "services/OperatorService.h"
#include "services/RevocationQueue.h"
#include "services/SessionService.h"
#include "services/SettingsService.h"
#include "services/StoreSession.h"
#include "services/WorkerAudit.h"

#include <QFile>
#include <QTest>

#include <functional>

using namespace madoguchi;
using services::Role;

namespace {

const QByteArray AdminPassword("correct horse battery");
const QByteArray WrongPassword("Wr0ng-Pa55word-xyz");

QByteArray pemOf(const QByteArray& der)
{
    return "-----BEGIN CERTIFICATE-----\n" + der.toBase64() + "\n-----END CERTIFICATE-----\n";
}

} // namespace

class TestAuditRecording final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("MADOGUCHI_TERMINAL", "T-REC");
        QVERIFY(m_world.build());
    }

    void init()
    {
        m_rig = std::make_unique<test::CounterRig>();
        QVERIFY(m_rig->build(m_world));
        m_path = m_rig->dir.filePath(QStringLiteral("counter.db"));
        auto store = services::StoreSession::create(m_path, core::SecureBytes(QByteArrayView("pass")), {10, 8, 1});
        QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
        m_store = std::make_unique<services::StoreSession>(std::move(*store));
        auto log = services::AuditSetup::openLog(db(), m_path, *m_world.clock);
        QVERIFY(log);
        m_log = std::make_unique<audit::AuditLog>(std::move(*log));
        m_recorder = std::make_unique<services::AuditChangeRecorder>(*m_log);
        m_trail = std::make_unique<services::AuditTrail>(*m_log);
        services::OperatorService::Options options;
        options.kdf = {10, 8, 1};
        options.maxFailures = 2;
        m_operators = std::make_unique<services::OperatorService>(db(), *m_world.clock, m_recorder.get(), options);
        QVERIFY(m_operators->createFirstAdmin({QStringLiteral("root"), QStringLiteral("Root"), Role::Admin},
                                              core::SecureBytes(QByteArrayView(AdminPassword))));
        m_session = std::make_unique<services::SessionService>(*m_operators);
        m_session->setAuditTrail(m_trail.get());
        m_linkages = std::make_unique<services::LinkageService>(db(), *m_world.clock, QStringLiteral("T1"), nullptr,
                                                                m_recorder.get());
        m_enrolment = std::make_unique<services::EnrolmentService>(*m_rig->cards, *m_linkages, *m_world.clock,
                                                                   services::EnrolmentService::Settings{});
        m_enrolment->setAuditTrail(m_trail.get(), &m_staff);
        m_crls = std::make_unique<services::CrlOverview>(m_rig->dir.filePath(QStringLiteral("crls")), *m_world.clock);
        m_crls->setAuditTrail(m_trail.get(), &m_staff);
        m_queue = std::make_unique<services::RevocationQueue>(db(), *m_world.clock, m_recorder.get());
    }

    void cleanup()
    {
        m_queue.reset();
        m_crls.reset();
        m_enrolment.reset();
        m_linkages.reset();
        m_session.reset();
        m_operators.reset();
        m_trail.reset();
        m_recorder.reset();
        m_log.reset();
        m_store.reset();
        m_rig.reset();
    }

    void recordsEachAction_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("unknown name") << "unknownName"
                                      << "operator.sign_in_failed"
                                      << "operator:nobody"
                                      << "reason"
                                      << "unknown_name";
        QTest::newRow("wrong password") << "wrongPassword"
                                        << "operator.sign_in_failed"
                                        << "operator:root"
                                        << "summary"
                                        << "wrong password, failure 1";
        QTest::newRow("locked account") << "lockedAccount"
                                        << "operator.sign_in_failed"
                                        << "operator:root"
                                        << "reason"
                                        << "account_locked";
        QTest::newRow("password sign-in") << "signIn"
                                          << "operator.sign_in"
                                          << "operator:root"
                                          << "version"
                                          << "0";
        QTest::newRow("demo sign-in") << "demoSignIn"
                                      << "operator.sign_in"
                                      << "operator:root"
                                      << "version"
                                      << "";
        QTest::newRow("sign-out") << "signOut"
                                  << "operator.sign_out"
                                  << "operator:root"
                                  << "version"
                                  << "";
        QTest::newRow("PIN wrong") << "pinWrong"
                                   << "card.pin_verify"
                                   << "card:"
                                   << "outcome"
                                   << "wrong";
        QTest::newRow("PIN tries left") << "pinWrong"
                                        << "card.pin_verify"
                                        << "card:"
                                        << "triesLeft"
                                        << "2";
        QTest::newRow("PIN right") << "pinRight"
                                   << "card.pin_verify"
                                   << "card:"
                                   << "outcome"
                                   << "ok";
        QTest::newRow("CRL imported") << "crlImport"
                                      << "crl.import"
                                      << "crl:"
                                      << "outcome"
                                      << "ok";
        QTest::newRow("CRL refused") << "crlRefused"
                                     << "crl.import"
                                     << "crl:"
                                     << "outcome"
                                     << "refused";
        QTest::newRow("CRL check") << "crlCheck"
                                   << "revocation.check"
                                   << "serial:0123"
                                   << "status"
                                   << "unknown";
        QTest::newRow("CRL check good") << "crlCheckGood"
                                        << "revocation.check"
                                        << "card:"
                                        << "status"
                                        << "good";
        QTest::newRow("consequence migrate") << "migrate"
                                             << "card.revocation_migrate"
                                             << "card:aa01:0b"
                                             << "queued"
                                             << "true";
        QTest::newRow("consequence block") << "block"
                                           << "card.revocation_block"
                                           << "card:aa01:0c"
                                           << "queued"
                                           << "false";
        QTest::newRow("work item done") << "workDone"
                                        << "revocation_work.done"
                                        << "revocation_work:"
                                        << "summary"
                                        << "work item 1 done";
        QTest::newRow("trust anchor") << "trustAnchor"
                                      << "setting.install"
                                      << "setting:trust_anchor"
                                      << "summary"
                                      << "from ca.pem";
        QTest::newRow("sync push") << "syncPush"
                                   << "sync.push"
                                   << "platform"
                                   << "changes"
                                   << "3";
        QTest::newRow("worker import") << "workerEnrol"
                                       << "linkage.enrol"
                                       << "linkage:"
                                       << "version"
                                       << "1";
    }

    void recordsEachAction()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, action);
        QFETCH(QString, subject);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QVERIFY(scenarios().at(scenario)());

        const QByteArray sql =
            "SELECT coalesce(max(idx), -1) FROM audit_entry WHERE action = '" + action.toUtf8() + "'";
        auto index = db().queryInt(sql.toStdString());
        QVERIFY(index && *index >= 0);
        auto entry = audit::AuditStore::entry(db(), *index);
        QVERIFY(entry);
        QVERIFY2(entry->subject.startsWith(subject), qPrintable(entry->subject));
        const QJsonValue got = entry->payload.value(key);
        const QString text = got.isBool() ? (got.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                          : got.toVariant().toString();
        QCOMPARE(text, value);
        // Never a password or a PIN in any entry (issue 5 item 1).
        auto bodies = db().prepare("SELECT body FROM audit_entry");
        QVERIFY(bodies);
        for (auto row = bodies->step(); row && *row; row = bodies->step()) {
            const QByteArray body = bodies->columnBlob(0);
            QVERIFY2(!body.contains(WrongPassword) && !body.contains(AdminPassword), body.constData());
            QVERIFY(!body.contains("\"pin\":"));
        }
        auto report = audit::AuditVerifier::verifyDatabase(db(), services::AuditSetup::trustedKey(m_path));
        QVERIFY(report && report->ok());
    }

    // A repeat of a queued consequence adds neither a work item nor an entry.
    void repeatedConsequenceIsNotRecordedTwice()
    {
        QCOMPARE(queue(pki::RevocationEventKind::Migrate, "0b"), true);
        const qint64 before = *audit::AuditStore::size(db());
        QCOMPARE(queue(pki::RevocationEventKind::Migrate, "0b"), false);
        QCOMPARE(*audit::AuditStore::size(db()), before);
    }

    // The worker connection follows a key rotation (the key never leaves StoreSession).
    void workerConnectionFollowsKeyRotation()
    {
        QVERIFY(m_store->openWorkerConnection());
        const auto opener = m_store->workerConnectionOpener();
        QVERIFY(m_store->rotateDatabaseKey());
        auto worker = opener();
        QVERIFY2(worker, qPrintable(worker ? QString() : worker.error().toString()));
        QVERIFY(worker->queryInt("SELECT count(*) FROM audit_entry"));
    }

private:
    store::Database& db() { return m_store->database(); }

    // The scenarios of recordsEachAction(): each drives the services and says whether they behaved.
    std::map<QString, std::function<bool()>> scenarios()
    {
        return {
            {QStringLiteral("unknownName"), [this] { return !signIn("nobody", WrongPassword); }},
            {QStringLiteral("wrongPassword"), [this] { return !signIn("root", WrongPassword); }},
            {QStringLiteral("lockedAccount"),
             [this] {
                 return !signIn("root", WrongPassword) && !signIn("root", WrongPassword) &&
                        !signIn("root", AdminPassword);
             }},
            {QStringLiteral("signIn"), [this] { return signIn("root", AdminPassword) && signIns() == 1; }},
            {QStringLiteral("demoSignIn"),
             [this] {
                 services::SessionService training(*m_operators, true);
                 training.setAuditTrail(m_trail.get());
                 return training.signInTrainingOperator(QStringLiteral("root")).has_value() && signIns() == 1;
             }},
            {QStringLiteral("signOut"),
             [this] {
                 const bool in = signIn("root", AdminPassword);
                 m_session->signOut();
                 return in;
             }},
            {QStringLiteral("pinWrong"), [this] { return prove("9999").error().code == core::Errc::PinIncorrect; }},
            {QStringLiteral("pinRight"), [this] { return prove("1234").has_value(); }},
            {QStringLiteral("crlImport"), [this] { return importDemoCrl(); }},
            {QStringLiteral("crlRefused"),
             [this] { return !m_crls->import(QStringLiteral("/nonexistent.crl"), QStringLiteral("/none.pem")); }},
            {QStringLiteral("crlCheck"), [this] { return !m_crls->lookup(QByteArray::fromHex("0123")); }},
            {QStringLiteral("crlCheckGood"), [this] { return importDemoCrl() && validCardVerdictIsGood(); }},
            {QStringLiteral("migrate"), [this] { return queue(pki::RevocationEventKind::Migrate, "0b") == true; }},
            {QStringLiteral("block"), [this] { return queue(pki::RevocationEventKind::Block, "0c") == false; }},
            {QStringLiteral("workDone"),
             [this] { return queue(pki::RevocationEventKind::Migrate, "0d") == true && markFirstMigrationDone(); }},
            {QStringLiteral("trustAnchor"), [this] { return installAnchor(); }},
            {QStringLiteral("syncPush"),
             [this] {
                 return m_trail
                     ->recordEvent(m_staff, QStringLiteral("sync.push"), QStringLiteral("platform"),
                                   {{QStringLiteral("changes"), 3}})
                     .has_value();
             }},
            {QStringLiteral("workerEnrol"), [this] { return enrolOnWorkerConnection(); }},
        };
    }

    bool markFirstMigrationDone()
    {
        auto items = m_queue->items(m_staff, services::RevocationWorkItem::Queue::Migration);
        return items && !items->isEmpty() && m_queue->markDone(m_staff, items->front().id).has_value();
    }

    bool signIn(const char* login, const QByteArray& password)
    {
        return m_session->signIn(QString::fromLatin1(login), core::SecureBytes(QByteArrayView(password))).has_value();
    }

    // A sign-in is recorded once, whichever service records it.
    qint64 signIns()
    {
        return db().queryInt("SELECT count(*) FROM audit_entry WHERE action = 'operator.sign_in'").value_or(-1);
    }

    core::Result<card::HolderProofResult> prove(const char* pin)
    {
        QSignalSpy read(m_rig->cards.get(), &services::CardReaderService::cardRead);
        if (!m_rig->backend->insert(*m_world.demo->resident(QStringLiteral("valid"))) || !read.wait(5000)) {
            return core::fail(core::Errc::NoCard);
        }
        const auto card = read.takeFirst().at(0).value<services::CardSummary>();
        std::optional<core::Result<card::HolderProofResult>> result;
        m_enrolment->proveHolder(card, core::SecureBytes(QByteArrayView(pin)), card::PinConfirmation::NotConfirmed,
                                 this, [&result](core::Result<card::HolderProofResult> r) { result = std::move(r); });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 10000)) {
            return core::fail(core::Errc::Timeout);
        }
        return std::move(*result);
    }

    QString writeFile(const char* name, const QByteArray& content)
    {
        const QString path = m_rig->dir.filePath(QString::fromLatin1(name));
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(content) == content.size() ? path : QString();
    }

    bool importDemoCrl()
    {
        return m_crls
            ->import(writeFile("auth.crl", m_world.demo->authCrlDer),
                     writeFile("auth-ca.pem", pemOf(m_world.demo->authCaCertDer)))
            .has_value();
    }

    bool validCardVerdictIsGood()
    {
        auto cert = pki::JpkiCertificate::parse(m_world.demo->resident(QStringLiteral("valid"))->authCertDer);
        return cert && m_crls->cardVerdict(cert->identity().issuerKeyId, cert->identity().serial).state ==
                           services::CardSummary::Revocation::State::Good;
    }

    core::Result<bool> queue(pki::RevocationEventKind kind, const char* serialHex)
    {
        pki::RevocationEvent event;
        event.kind = kind;
        event.revoked.certificate = {QByteArray::fromHex("aa01"), QByteArray::fromHex(serialHex)};
        event.revoked.reasonCode = kind == pki::RevocationEventKind::Migrate ? 4 : 1;
        if (kind == pki::RevocationEventKind::Migrate) {
            event.successor = pki::SuccessionKey{QByteArray::fromHex("aa01"), QByteArray::fromHex("ff")};
        }
        return m_queue->add(event);
    }

    bool installAnchor()
    {
        services::SettingsService settings(m_rig->dir.filePath(QStringLiteral("settings.ini")));
        settings.attachAudit(&db(), m_recorder.get());
        auto trust = pki::TrustStore::load(pki::TrustMode::Training, m_rig->dir.filePath(QStringLiteral("a.pem")));
        const QString file = writeFile("ca.pem", pemOf(m_world.demo->authCaCertDer));
        if (!trust) {
            return false;
        }
        auto installed = settings.installTrustAnchors(m_admin, *trust, file);
        if (!installed) {
            qWarning() << installed.error().toString();
        }
        return installed.has_value();
    }

    // The import's pattern: a second connection from the session, the audit log on it, a change.
    bool enrolOnWorkerConnection()
    {
        auto worker = m_store->openWorkerConnection();
        if (!worker) {
            return false;
        }
        auto audit = services::WorkerAudit::open(*worker, m_path, *m_world.clock);
        if (!audit) {
            return false;
        }
        services::LinkageService linkages(*worker, *m_world.clock, QStringLiteral("T1"), nullptr, audit->get());
        services::EnrolRequest r;
        r.card = {QByteArray::fromHex("a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0"), QByteArray("00000001")};
        r.kind = QStringLiteral("health_insurance");
        r.fields = {{QStringLiteral("insurer_number"), QStringLiteral("33120015")},
                    {QStringLiteral("symbol"), QStringLiteral("S")},
                    {QStringLiteral("number"), QStringLiteral("1")},
                    {QStringLiteral("branch"), QStringLiteral("01")}};
        auto enrolled = linkages.enrol(m_staff, std::move(r));
        if (!enrolled) {
            qWarning() << enrolled.error().toString();
        }
        return enrolled.has_value();
    }

    test::CounterWorld m_world;
    std::unique_ptr<test::CounterRig> m_rig;
    QString m_path;
    std::unique_ptr<services::StoreSession> m_store;
    std::unique_ptr<audit::AuditLog> m_log;
    std::unique_ptr<services::AuditChangeRecorder> m_recorder;
    std::unique_ptr<services::AuditTrail> m_trail;
    std::unique_ptr<services::OperatorService> m_operators;
    std::unique_ptr<services::SessionService> m_session;
    std::unique_ptr<services::LinkageService> m_linkages;
    std::unique_ptr<services::EnrolmentService> m_enrolment;
    std::unique_ptr<services::CrlOverview> m_crls;
    std::unique_ptr<services::RevocationQueue> m_queue;
    const services::Operator m_staff{QStringLiteral("staff-1"), Role::MunicipalStaff};
    const services::Operator m_admin{QStringLiteral("root"), Role::Admin};
};

QTEST_GUILESS_MAIN(TestAuditRecording)
#include "TestAuditRecording.moc"
