// PlatformFeedRevocationSource: the card check answered from the revocation events sync pulled from
// the platform (StoreSyncSink → platform_revocation), failing closed when the feed is missing or old.

#include "ServiceFixture.h"

#include "pki/DemoSet.h"
#include "services/PlatformFeedRevocationSource.h"
#include "services/StoreSyncSink.h"

#include <QTest>

using namespace madoguchi;

namespace {

class SetClock final : public core::Clock
{
public:
    QDateTime at = QDateTime(QDate(2026, 11, 28), QTime(9, 0), Qt::UTC);
    [[nodiscard]] QDateTime now() const override { return at; }
};

QString cardIdOf(const QByteArray& issuerKeyId, const QByteArray& serial)
{
    return QString::fromLatin1(issuerKeyId.toHex() + ':' + serial.toHex());
}

} // namespace

class TestPlatformFeedRevocationSource final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<pki::DemoSet> m_demo;

private slots:
    void initTestCase()
    {
        auto demo = pki::makeDemoSet();
        QVERIFY2(demo, demo ? "" : qPrintable(demo.error().toString()));
        QVERIFY(!demo->successions.empty());
        m_demo = std::move(*demo);
    }

    void answersFromThePulledFeed_data()
    {
        QTest::addColumn<QString>("event");
        QTest::addColumn<int>("reason");
        QTest::addColumn<int>("expectedReason");
        QTest::newRow("revoked, key compromise") << QStringLiteral("revoked") << 1 << 1;
        QTest::newRow("succession") << QStringLiteral("succession") << -1 << 4;
    }

    void answersFromThePulledFeed()
    {
        QFETCH(QString, event);
        QFETCH(int, reason);
        QFETCH(int, expectedReason);
        auto db = test::openMigrated(
            m_dir.filePath(QStringLiteral("feed-%1.db").arg(QLatin1String(QTest::currentDataTag()))));
        QVERIFY(db);
        SetClock clock;
        services::PlatformFeedRevocationSource source(*db, clock, 3600);
        QCOMPARE(source.kind(), pki::RevocationSourceKind::PlatformFeed);
        const pki::DemoSuccession& s = m_demo->successions.front();
        const pki::RevocationQuery revokedCert{s.oldAuthCertDer, m_demo->authCaCertDer, pki::CertKind::Auth, {}};
        // Never pulled: no answer, never "good".
        QCOMPARE(source.statusOf(revokedCert).error().code, core::Errc::RevocationUnknown);

        auto records = services::SyncRecords::load(*db);
        QVERIFY(records);
        services::StoreSyncSink sink(*db, clock, *records);
        sync::RevocationEvent e{7,
                                cardIdOf(s.issuerKeyId, s.oldSerial),
                                event,
                                reason,
                                QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC),
                                event == QStringLiteral("succession") ? cardIdOf(s.issuerKeyId, s.newSerial)
                                                                      : QString()};
        QVERIFY(sink.applyRevocations({e}, 7));
        auto status = source.statusOf(revokedCert);
        QVERIFY2(status, status ? "" : qPrintable(status.error().toString()));
        QCOMPARE(status->status, pki::CertStatus::Revoked);
        QCOMPARE(status->reasonCode, std::optional<int>(expectedReason));
        QCOMPARE(status->source, pki::RevocationSourceKind::PlatformFeed);
        QCOMPARE(status->revocationTime, e.occurredAt);

        // Another card: good, as of the last pull.
        const pki::RevocationQuery other{
            m_demo->residents.front().authCertDer, m_demo->authCaCertDer, pki::CertKind::Auth, {}};
        auto good = source.statusOf(other);
        QVERIFY(good);
        QCOMPARE(good->status, pki::CertStatus::Good);
        QCOMPARE(good->thisUpdate, clock.at);

        // The feed grows old: no answer rather than a stale "good".
        clock.at = clock.at.addSecs(3601);
        QCOMPARE(source.statusOf(other).error().code, core::Errc::RevocationStale);
    }
};

QTEST_GUILESS_MAIN(TestPlatformFeedRevocationSource)
#include "TestPlatformFeedRevocationSource.moc"
