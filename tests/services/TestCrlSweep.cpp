// After a CRL import the registry is held against it (issue 3 item 7): a lost card's linkages are
// suspended, a superseded card's wait in the migration queue, a valid card's stay; a repeat changes nothing.
#include "ServiceFixture.h"
#include "core/Clock.h"
#include "pki/DemoSet.h"
#include "pki/JpkiCertificate.h"
#include "services/CrlOverview.h"
#include "services/CrlSweep.h"
#include "services/LinkageService.h"
#include "services/RevocationQueue.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace madoguchi;
using namespace madoguchi::services;

namespace {

const Operator Staff{QStringLiteral("staff-1"), Role::MunicipalStaff};
const Operator Auditor{QStringLiteral("audit-1"), Role::Auditor};

store::CardIdentity identityOf(const QByteArray& certDer)
{
    auto parsed = pki::JpkiCertificate::parse(certDer);
    return parsed ? store::CardIdentity{parsed->identity().issuerKeyId, parsed->identity().serial}
                  : store::CardIdentity{};
}

bool write(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestCrlSweep final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<pki::DemoSet> m_demo;
    std::unique_ptr<core::FixedClock> m_clock;
    std::optional<store::Database> m_db;
    std::unique_ptr<LinkageService> m_linkages;
    std::unique_ptr<RevocationQueue> m_queue;
    std::unique_ptr<CrlOverview> m_crls;

    store::CardIdentity card(const QString& resident) const
    {
        if (resident == QStringLiteral("renewed-old")) {
            return identityOf(m_demo->successions.front().oldAuthCertDer);
        }
        return identityOf(m_demo->resident(resident)->authCertDer);
    }

    QString statusOf(const QString& resident)
    {
        auto current = m_linkages->repository().currentByIdentity(card(resident));
        return current && current->size() == 1 ? store::statusName(current->front().status) : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto demo = pki::makeDemoSet();
        QVERIFY(demo);
        m_demo = std::move(*demo);
        QVERIFY(!m_demo->successions.empty());
        m_clock = std::make_unique<core::FixedClock>(m_demo->now);
        m_db = test::openMigrated(m_dir.filePath(QStringLiteral("registry.db")));
        QVERIFY(m_db);
        m_linkages = std::make_unique<LinkageService>(*m_db, *m_clock, QStringLiteral("T1"));
        m_queue = std::make_unique<RevocationQueue>(*m_db, *m_clock);
        for (const char* resident : {"valid", "lost", "renewed-old"}) {
            EnrolRequest request;
            request.card = card(QString::fromLatin1(resident));
            request.kind = QStringLiteral("platform_id");
            QVERIFY2(m_linkages->enrol(Staff, std::move(request)), resident);
        }
        m_crls = std::make_unique<CrlOverview>(m_dir.filePath(QStringLiteral("crl-cache")), *m_clock);
        const QString crl = m_dir.filePath(QStringLiteral("auth.crl"));
        const QString ca = m_dir.filePath(QStringLiteral("auth-ca.pem"));
        QVERIFY(write(crl, m_demo->authCrlDer));
        QVERIFY(write(ca, "-----BEGIN CERTIFICATE-----\n" + m_demo->authCaCertDer.toBase64() +
                              "\n-----END CERTIFICATE-----\n"));
        QVERIFY(m_crls->import(crl, ca));
    }

    void auditorsMayNotSweep()
    {
        CrlSweep sweep(*m_crls, *m_linkages, *m_queue);
        QCOMPARE(sweep.run(Auditor).error().code, core::Errc::PermissionDenied);
        QCOMPARE(statusOf(QStringLiteral("lost")), QStringLiteral("active"));
    }

    void sweepAppliesEachConsequenceOnce()
    {
        CrlSweep sweep(*m_crls, *m_linkages, *m_queue);
        auto report = sweep.run(Staff);
        QVERIFY2(report, report ? "" : qPrintable(report.error().toString()));
        QCOMPARE(report->cardsChecked, 3);
        QCOMPARE(report->cardsRevoked, 2);
        QCOMPARE(report->linkagesChanged, 2);
        QCOMPARE(report->queued, 1); // reason 4 without a known successor: a person migrates it
        QCOMPARE(statusOf(QStringLiteral("valid")), QStringLiteral("active"));
        QCOMPARE(statusOf(QStringLiteral("lost")), QStringLiteral("suspended"));
        QCOMPARE(statusOf(QStringLiteral("renewed-old")), QStringLiteral("suspended"));
        auto migrations = m_queue->items(Staff, RevocationWorkItem::Queue::Migration);
        QVERIFY(migrations);
        QCOMPARE(migrations->size(), 1);

        auto again = sweep.run(Staff);
        QVERIFY(again);
        QCOMPARE(again->cardsRevoked, 0);
        QCOMPARE(again->linkagesChanged, 0);
    }
};

QTEST_GUILESS_MAIN(TestCrlSweep)
#include "TestCrlSweep.moc"
