// The linkage wire model round-trips and refuses what the platform would refuse.

#include "sync/InMemoryOutbox.h"
#include "sync/LinkageRecord.h"

#include <QTest>

using madoguchi::sync::LinkageRecord;

class TestLinkageRecord final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        LinkageRecord r;
        r.linkageId = QUuid::createUuid();
        r.cardId = QStringLiteral("0a1b:01ff");
        r.kind = QStringLiteral("health_insurance");
        r.version = 3;
        r.fields = {{QStringLiteral("insurer"), QStringLiteral("06130012")}};
        r.validFrom = QDate(2025, 4, 1);
        r.operatorId = QStringLiteral("staff-2");
        const QJsonObject json = r.toJson();
        QVERIFY(json.value(QStringLiteral("validTo")).isNull());
        QVERIFY(!json.contains(QStringLiteral("seq")));
        auto back = LinkageRecord::fromJson(json);
        QVERIFY(back);
        QVERIFY(back->sameContent(r));
        back->version = 4;
        QVERIFY(!back->sameContent(r));
    }

    void refusesIncomplete_data()
    {
        QTest::addColumn<QString>("drop");
        QTest::newRow("id") << QStringLiteral("linkageId");
        QTest::newRow("card") << QStringLiteral("cardId");
        QTest::newRow("kind") << QStringLiteral("kind");
        QTest::newRow("version") << QStringLiteral("version");
    }

    void refusesIncomplete()
    {
        QFETCH(QString, drop);
        LinkageRecord r;
        r.linkageId = QUuid::createUuid();
        r.cardId = QStringLiteral("aa:bb");
        r.kind = QStringLiteral("platform_id");
        QJsonObject json = r.toJson();
        QVERIFY(LinkageRecord::fromJson(json));
        json.remove(drop);
        QVERIFY(!LinkageRecord::fromJson(json));
    }

    void outboxAcknowledgesByKey()
    {
        madoguchi::sync::InMemoryOutbox outbox;
        LinkageRecord r;
        const QString first = outbox.add(r);
        outbox.add(r);
        QCOMPARE(outbox.pending(10)->size(), 2);
        QVERIFY(
            outbox.acknowledge({madoguchi::sync::PushResult{first, madoguchi::sync::PushOutcome::Applied, 1, false}}));
        QCOMPARE(outbox.size(), 1);
        QVERIFY(outbox.pending(10)->first().idempotencyKey != first);
    }
};

QTEST_GUILESS_MAIN(TestLinkageRecord)
#include "TestLinkageRecord.moc"
