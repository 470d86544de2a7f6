#include "ServiceFixture.h"
#include "pki/RevocationConsequences.h"
#include "services/RevocationQueue.h"

#include <QTest>

using namespace madoguchi;
using services::RevocationQueue;
using Queue = services::RevocationWorkItem::Queue;

// The Revocations page's work queues in the store: fed by RevocationConsequences (jpki-card.md §6),
// de-duplicated per certificate, worked through by municipal staff only.
class TestRevocationQueue final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_db = test::openMigrated(m_dir.filePath(QStringLiteral("q%1.db").arg(++m_run)));
        QVERIFY(m_db);
    }

    void cleanup() { m_db.reset(); }

    void consequencesFeedTheQueues()
    {
        RevocationQueue queue(*m_db, m_clock);
        const pki::RevocationConsequences consequences;
        consequences.dispatch(revoked(1, pki::CertKind::Sign, 3), queue.sink()); // moved
        consequences.dispatch(revoked(2, pki::CertKind::Auth, 4), queue.sink()); // renewed, successor unknown
        consequences.dispatch(revoked(3, pki::CertKind::Auth, 1), queue.sink()); // lost: blocked, no queue
        consequences.dispatch(revoked(2, pki::CertKind::Auth, 4), queue.sink()); // the same again
        auto migrations = queue.items(m_staff, Queue::Migration);
        auto addresses = queue.items(m_staff, Queue::ChangeOfAddress);
        QVERIFY(migrations && addresses);
        QCOMPARE(migrations->size(), 1);
        QCOMPARE(addresses->size(), 1);
        QCOMPARE(migrations->first().event, QStringLiteral("successor_missing"));
        QCOMPARE(migrations->first().reasonCode, std::optional<int>(4));
        QCOMPARE(addresses->first().certKind, pki::CertKind::Sign);
        QCOMPARE(addresses->first().card.serial, QByteArray::fromHex("01"));
    }

    void migrateEventCarriesItsSuccessor()
    {
        RevocationQueue queue(*m_db, m_clock);
        pki::RevocationEvent event;
        event.kind = pki::RevocationEventKind::Migrate;
        event.revoked = revoked(5, pki::CertKind::Auth, 4);
        event.successor = pki::SuccessionKey{QByteArray::fromHex("aa"), QByteArray::fromHex("55")};
        QCOMPARE(*queue.add(event), true);
        QCOMPARE(*queue.add(event), false);
        auto items = queue.items(m_staff, Queue::Migration);
        QVERIFY(items);
        QVERIFY(items->first().successor);
        QCOMPARE(items->first().successor->serial, QByteArray::fromHex("55"));
    }

    void onlyStaffMarkDone_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("staff") << int(services::Role::MunicipalStaff) << true;
        QTest::newRow("admin") << int(services::Role::Admin) << true;
        QTest::newRow("auditor") << int(services::Role::Auditor) << false;
        QTest::newRow("insurer clerk") << int(services::Role::InsurerClerk) << false;
    }

    void onlyStaffMarkDone()
    {
        QFETCH(int, role);
        QFETCH(bool, allowed);
        RevocationQueue queue(*m_db, m_clock);
        pki::RevocationConsequences().dispatch(revoked(1, pki::CertKind::Sign, 3), queue.sink());
        const auto id = queue.items(m_staff, Queue::ChangeOfAddress)->first().id;
        const services::Operator op{QStringLiteral("op"), static_cast<services::Role>(role)};
        auto done = queue.markDone(op, id);
        QCOMPARE(bool(done), allowed);
        QCOMPARE(queue.items(m_staff, Queue::ChangeOfAddress)->size(), allowed ? 0 : 1);
        auto all = queue.items(m_staff, Queue::ChangeOfAddress, true);
        QCOMPARE(all->size(), 1);
        QCOMPARE(all->first().doneAt.isValid(), allowed);
        if (allowed) {
            QCOMPARE(all->first().doneBy, QStringLiteral("op"));
            QCOMPARE(queue.markDone(op, id).error().code, core::Errc::NotFound); // not twice
        } else {
            QCOMPARE(done.error().code, core::Errc::PermissionDenied);
        }
    }

private:
    static pki::RevokedCertificate revoked(int serial, pki::CertKind kind, int reason)
    {
        pki::RevokedCertificate r;
        r.certificate = {QByteArray::fromHex("a1a1"), QByteArray(1, char(serial))};
        r.kind = kind;
        r.reasonCode = reason;
        r.revokedAt = QDateTime(QDate(2025, 3, 1), QTime(0, 0), Qt::UTC);
        return r;
    }

    QTemporaryDir m_dir;
    int m_run = 0;
    core::FixedClock m_clock{QDateTime(QDate(2025, 4, 1), QTime(9, 0), Qt::UTC)};
    std::optional<store::Database> m_db;
    const services::Operator m_staff{QStringLiteral("staff"), services::Role::MunicipalStaff};
};

QTEST_GUILESS_MAIN(TestRevocationQueue)
#include "TestRevocationQueue.moc"
