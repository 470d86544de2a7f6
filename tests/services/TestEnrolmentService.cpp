#include "ServiceFixture.h"
#include "card/SharedReaderBackend.h"
#include "pki/TrustStore.h"
#include "services/CardReaderService.h"
#include "services/EnrolmentService.h"
#include "services/LinkageService.h"
#include "sim/TrainingBackend.h"

#include <QTest>

using namespace madoguchi;
using services::EnrolmentService;
using services::Role;

// The enrolment rules the GUI relies on, called directly (issue 6 role tests): the wrong role is
// refused, tap-only never counts, photo check only where approved; drafts are validated like enrol().
class TestEnrolmentService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = test::openMigrated(m_dir.filePath(QStringLiteral("r%1.db").arg(++m_run)));
        QVERIFY(m_db);
        auto trust = pki::TrustStore::load(pki::TrustMode::Training);
        QVERIFY(trust);
        m_trust = std::make_unique<pki::TrustStore>(std::move(*trust));
        auto backend = std::make_shared<sim::TrainingBackend>();
        m_cards = std::make_unique<services::CardReaderService>(
            [backend]() { return std::make_unique<card::SharedReaderBackend>(backend); }, *m_trust, m_clock);
        m_linkages = std::make_unique<services::LinkageService>(*m_db, m_clock, QStringLiteral("T1"));
    }

    void cleanup()
    {
        m_linkages.reset();
        m_cards.reset();
        m_db.reset();
    }

    void rolesAndAssurance_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<int>("assurance");
        QTest::addColumn<bool>("photoApproved");
        QTest::addColumn<bool>("allowed");
        const int pin = static_cast<int>(store::Assurance::PinSignature);
        const int photo = static_cast<int>(store::Assurance::PhotoCheck);
        const int tap = static_cast<int>(store::Assurance::TapOnly);
        QTest::newRow("staff, PIN") << int(Role::MunicipalStaff) << pin << false << true;
        QTest::newRow("admin, PIN") << int(Role::Admin) << pin << false << true;
        QTest::newRow("auditor, PIN") << int(Role::Auditor) << pin << false << false;
        QTest::newRow("insurer clerk, catv") << int(Role::InsurerClerk) << pin << false << false;
        QTest::newRow("staff, tap only") << int(Role::MunicipalStaff) << tap << true << false;
        QTest::newRow("staff, photo, not approved") << int(Role::MunicipalStaff) << photo << false << false;
        QTest::newRow("staff, photo, approved") << int(Role::MunicipalStaff) << photo << true << true;
    }

    void rolesAndAssurance()
    {
        QFETCH(int, role);
        QFETCH(int, assurance);
        QFETCH(bool, photoApproved);
        QFETCH(bool, allowed);
        EnrolmentService service(*m_cards, *m_linkages, m_clock, {QStringLiteral("T1"), photoApproved});
        services::EnrolRequest request;
        request.card = test::card(1);
        request.kind = QStringLiteral("catv");
        request.fields.insert(QStringLiteral("household_id"), QStringLiteral("HH-1"));
        request.assurance = static_cast<store::Assurance>(assurance);
        const services::Operator op{QStringLiteral("op"), static_cast<Role>(role)};
        const auto result = service.enrol(op, std::move(request));
        QCOMPARE(bool(result), allowed);
        if (!allowed) {
            QCOMPARE(result.error().code, core::Errc::PermissionDenied);
        }
        auto stored = m_linkages->findByCard({QStringLiteral("auditor"), Role::Auditor}, test::card(1));
        QVERIFY(stored);
        QCOMPARE(stored->size(), allowed ? 1 : 0);
    }

    void suspendRefusedForAuditor()
    {
        services::EnrolRequest request;
        request.card = test::card(2);
        request.kind = QStringLiteral("catv");
        request.fields.insert(QStringLiteral("household_id"), QStringLiteral("HH-2"));
        request.assurance = store::Assurance::PinSignature;
        auto linkage = m_linkages->enrol({QStringLiteral("s"), Role::MunicipalStaff}, std::move(request));
        QVERIFY(linkage);
        auto refused = m_linkages->suspend({QStringLiteral("a"), Role::Auditor}, linkage->uuid, QStringLiteral("x"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, core::Errc::PermissionDenied);
        auto suspended = m_linkages->suspend({QStringLiteral("s"), Role::MunicipalStaff}, linkage->uuid,
                                             QStringLiteral("reported lost"));
        QVERIFY(suspended);
        QCOMPARE(suspended->status, store::LinkageStatus::Suspended);
        QVERIFY(!m_linkages->suspend({QStringLiteral("s"), Role::MunicipalStaff}, linkage->uuid, QString()));
    }

    void validateDraft_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("pan");
        QTest::addColumn<QStringList>("badFields");
        QTest::newRow("insurance ok") << QStringLiteral("health_insurance") << QString() << QString() << QByteArray()
                                      << QStringList();
        QTest::newRow("insurance bad check digit")
            << QStringLiteral("health_insurance") << QStringLiteral("insurer_number") << QStringLiteral("33120016")
            << QByteArray() << QStringList{QStringLiteral("insurer_number")};
        QTest::newRow("platform id empty: issued here")
            << QStringLiteral("platform_id") << QStringLiteral("platform_id") << QString() << QByteArray()
            << QStringList();
        QTest::newRow("pan Luhn") << QStringLiteral("credit_card") << QStringLiteral("expiry")
                                  << QStringLiteral("12/30") << QByteArray("4111111111111112")
                                  << QStringList{QStringLiteral("pan")};
        QTest::newRow("pan ok, expiry bad")
            << QStringLiteral("credit_card") << QStringLiteral("expiry") << QStringLiteral("13/30")
            << QByteArray("4111111111111111") << QStringList{QStringLiteral("expiry")};
    }

    void validateDraft()
    {
        QFETCH(QString, kind);
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QByteArray, pan);
        QFETCH(QStringList, badFields);
        QJsonObject fields;
        if (kind == QStringLiteral("health_insurance")) {
            fields = {{QStringLiteral("insurer_number"), QStringLiteral("33120015")},
                      {QStringLiteral("symbol"), QStringLiteral("A")},
                      {QStringLiteral("number"), QStringLiteral("123")},
                      {QStringLiteral("branch"), QStringLiteral("01")}};
        }
        if (!field.isEmpty()) {
            fields.insert(field, value);
        }
        QStringList got;
        for (const auto& issue : EnrolmentService::validateDraft(kind, fields, core::SecureBytes(pan))) {
            got.append(issue.field);
            QVERIFY(!issue.reason.contains(value) || value.isEmpty() || value.size() < 4);
        }
        QCOMPARE(got, badFields);
    }

private:
    QTemporaryDir m_dir;
    int m_run = 0;
    core::FixedClock m_clock{QDateTime(QDate(2025, 4, 1), QTime(9, 0), Qt::UTC)};
    std::optional<store::Database> m_db;
    std::unique_ptr<pki::TrustStore> m_trust;
    std::unique_ptr<services::CardReaderService> m_cards;
    std::unique_ptr<services::LinkageService> m_linkages;
};

QTEST_GUILESS_MAIN(TestEnrolmentService)
#include "TestEnrolmentService.moc"
