// A database filled under schema 0032 upgrades to 0033_compact_linkages.sql without losing anything:
// kind/status/assurance become integer codes, created_at Unix seconds, and the outbox keeps its ids,
// sent marks and (derivable) idempotency keys. Read back through the repository as before.
#include "store/Database.h"
#include "store/LinkageRepository.h"
#include "store/Migrator.h"

#include <QTemporaryDir>
#include <QTest>

using namespace madoguchi;
using store::Database;

namespace {

core::SecureBytes keyOf(char fill)
{
    core::SecureBytes key(32);
    for (std::size_t i = 0; i < key.size(); ++i) {
        key[i] = static_cast<std::uint8_t>(fill + i);
    }
    return key;
}

const QByteArray Issuer = QByteArray::fromHex("a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0");
const QByteArray Uuid1 = QByteArray::fromHex("0190aaaa000070008000000000000001");
const QByteArray Uuid2 = QByteArray::fromHex("0190aaaa000070008000000000000002");

// Rows as the 0032 code wrote them (LinkageRepository, LinkageService, StoreOutbox of session 2).
constexpr const char* Rows32 = R"SQL(
INSERT INTO linkage_kind VALUES ('library', '図書館', 'Library', '["card_no"]');
INSERT INTO card_identity(id, issuer_key_id, serial, created_at) VALUES
    (1, x'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0', x'01', '2026-04-01T09:00:00Z'),
    (2, x'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0', x'02', '2026-04-01T09:00:00Z');
INSERT INTO linkage_version VALUES
    (1, x'0190aaaa000070008000000000000001', 1, 'health_insurance', 'active', '2026-04-01', NULL, 'clerk-1',
     'tap_only', '{"branch":"01","insurer_number":"33120015","number":"7","symbol":"記号"}', '33120015|記号|7|01',
     NULL, NULL, '2026-04-01T09:00:00Z'),
    (1, x'0190aaaa000070008000000000000001', 2, 'health_insurance', 'suspended', '2026-04-01', '2026-05-01',
     'staff', 'tap_only', '{"branch":"01","insurer_number":"33120015","number":"7","symbol":"記号"}',
     '33120015|記号|7|01', NULL, 'revocation reason 1', '2026-04-02T10:30:15Z'),
    (2, x'0190aaaa000070008000000000000002', 1, 'library', 'active', NULL, NULL, 'staff', 'pin_signature',
     '{"card_no":"LIB-9"}', 'LIB-9', x'c0ffee', NULL, '2026-04-03T23:59:59Z');
INSERT INTO outbox(id, entity, entity_id, op, payload, idempotency_key, created_at, sent_at) VALUES
    (5, 'linkage', x'0190aaaa000070008000000000000001', 'enrol',
     '{"kind":"health_insurance","status":"active","uuid":"0190aaaa-0000-7000-8000-000000000001","version":1}',
     '0190aaaa-0000-7000-8000-000000000001:1', '2026-04-01T09:00:00Z', '2026-04-01T10:00:00.000Z'),
    (6, 'linkage', x'0190aaaa000070008000000000000001', 'suspended',
     '{"kind":"health_insurance","status":"suspended","uuid":"0190aaaa-0000-7000-8000-000000000001","version":2}',
     '0190aaaa-0000-7000-8000-000000000001:2', '2026-04-02T10:30:15Z', NULL),
    (7, 'linkage', x'0190aaaa000070008000000000000002', 'enrol', '{"version":1}',
     '0190aaaa-0000-7000-8000-000000000002:1', '2026-04-03T23:59:59Z', NULL);
)SQL";

QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

} // namespace

class TestSchemaUpgrade final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void version32DatabaseUpgrades()
    {
        const QString file = m_dir.filePath(QStringLiteral("v32.db"));
        {
            auto db = Database::open(file, keyOf('u'), Database::Mode::CreateIfMissing);
            QVERIFY(db);
            QCOMPARE(*store::Migrator::migrate(*db, 32), 32);
            QVERIFY2(db->exec(Rows32), "0032 rows");
        }
        auto db = Database::open(file, keyOf('u'), Database::Mode::OpenExisting);
        QVERIFY(db);
        auto migrated = store::Migrator::migrate(*db);
        QVERIFY2(migrated, qPrintable(migrated ? QString() : migrated.error().toString()));
        QCOMPARE(*migrated, store::Migrator::latestVersion());
        QVERIFY(db->checkIntegrity());
        auto dangling = db->prepare("PRAGMA foreign_key_check");
        QVERIFY(dangling);
        QVERIFY(!*dangling->step()); // no row: every reference resolves

        // Codes and seconds, column by column.
        QCOMPARE(*db->queryInt("SELECT count(*) FROM linkage_version"), 3);
        QCOMPARE(*db->queryInt("SELECT kind FROM linkage_version WHERE version = 2"), 2);
        QCOMPARE(*db->queryInt("SELECT status FROM linkage_version WHERE version = 2"), 1);
        QCOMPARE(*db->queryInt("SELECT assurance FROM linkage_version WHERE card_id = 2"), 0);
        QCOMPARE(*db->queryInt("SELECT created_at FROM linkage_version WHERE card_id = 2"),
                 utc("2026-04-03T23:59:59Z").toSecsSinceEpoch());
        QVERIFY(*db->queryInt("SELECT kind FROM linkage_version WHERE card_id = 2") > 4); // a kind added as data

        // Through the repository: the same linkages as before the upgrade.
        store::LinkageRepository repo(*db);
        auto first = repo.history(QUuid::fromRfc4122(Uuid1));
        QVERIFY(first && first->size() == 2);
        const store::Linkage& suspended = first->at(1);
        QCOMPARE(suspended.kind, QStringLiteral("health_insurance"));
        QCOMPARE(suspended.status, store::LinkageStatus::Suspended);
        QCOMPARE(suspended.assurance, store::Assurance::TapOnly);
        QCOMPARE(suspended.validFrom, QDate(2026, 4, 1));
        QCOMPARE(suspended.validTo, QDate(2026, 5, 1));
        QCOMPARE(suspended.createdBy, QStringLiteral("staff"));
        QCOMPARE(suspended.reason, QStringLiteral("revocation reason 1"));
        QCOMPARE(suspended.createdAt, utc("2026-04-02T10:30:15Z"));
        QCOMPARE(suspended.fields.value(QStringLiteral("symbol")).toString(), QStringLiteral("記号"));
        QCOMPARE(suspended.searchKey, QStringLiteral("33120015|記号|7|01"));
        QCOMPARE(suspended.card, (store::CardIdentity{Issuer, QByteArray::fromHex("01")}));
        auto library = repo.currentByIdentity({Issuer, QByteArray::fromHex("02")});
        QVERIFY(library && library->size() == 1);
        QCOMPARE(library->first().kind, QStringLiteral("library"));
        QCOMPARE(library->first().assurance, store::Assurance::PinSignature);
        QCOMPARE(library->first().sealedPan, QByteArray::fromHex("c0ffee"));
        QCOMPARE(repo.cardsHoldingKey(QStringLiteral("health_insurance"), QStringLiteral("33120015|記号|7|01"))->size(),
                 1);
        QCOMPARE(repo.currentByKey(QStringLiteral("library"), QStringLiteral("LIB-9"))->size(), 1);

        // The outbox: same ids, entities, ops and sent marks; the version taken from the key, and the
        // key derivable again as "<uuid>:<version>".
        auto outbox = db->prepare("SELECT id, entity_id, version, op, sent_at FROM outbox ORDER BY id");
        QVERIFY(outbox);
        const QList<std::tuple<qint64, QByteArray, int, QString, QString>> expected{
            {5, Uuid1, 1, QStringLiteral("enrol"), QStringLiteral("2026-04-01T10:00:00.000Z")},
            {6, Uuid1, 2, QStringLiteral("suspended"), QString()},
            {7, Uuid2, 1, QStringLiteral("enrol"), QString()}};
        for (const auto& [id, uuid, version, op, sentAt] : expected) {
            QVERIFY(*outbox->step());
            QCOMPARE(outbox->columnInt64(0), id);
            QCOMPARE(outbox->columnBlob(1), uuid);
            QCOMPARE(int(outbox->columnInt64(2)), version);
            QCOMPARE(outbox->columnText(3), op);
            QCOMPARE(outbox->columnText(4), sentAt);
        }
        QVERIFY(!*outbox->step());
        QCOMPARE(*db->queryInt("SELECT count(*) FROM outbox WHERE sent_at IS NULL"), 2);
    }
};

QTEST_GUILESS_MAIN(TestSchemaUpgrade)
#include "TestSchemaUpgrade.moc"
