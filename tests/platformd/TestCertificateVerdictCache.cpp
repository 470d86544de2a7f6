// The card-verification verdict cache: hits, expiry at the verdict's own time, LRU eviction.

#include "platformd/CertificateVerdictCache.h"

#include <QTest>

using madoguchi::platformd::CertificateVerdict;
using madoguchi::platformd::CertificateVerdictCache;

namespace {

const QDateTime T0 = QDateTime(QDate(2026, 11, 28), QTime(4, 0), Qt::UTC);

CertificateVerdict verdict(const char* cardId, int lifetimeSeconds)
{
    return CertificateVerdict{QStringLiteral("valid"), QLatin1String(cardId), nullptr, T0.addSecs(lifetimeSeconds),
                              nullptr};
}

} // namespace

class TestCertificateVerdictCache final : public QObject
{
    Q_OBJECT

private slots:
    void hitAndMiss()
    {
        CertificateVerdictCache cache(4);
        QVERIFY(!cache.find("a", T0));
        cache.insert("a", verdict("aa:01", 60));
        const auto hit = cache.find("a", T0.addSecs(59));
        QVERIFY(hit);
        QCOMPARE(hit->cardId, QStringLiteral("aa:01"));
        QVERIFY(!cache.find("b", T0));
    }

    void expiresAtItsTime_data()
    {
        QTest::addColumn<int>("age");
        QTest::addColumn<bool>("found");
        QTest::newRow("before") << 59 << true;
        QTest::newRow("at") << 60 << false;
        QTest::newRow("after") << 3600 << false;
    }

    void expiresAtItsTime()
    {
        QFETCH(int, age);
        QFETCH(bool, found);
        CertificateVerdictCache cache(4);
        cache.insert("a", verdict("aa:01", 60));
        QCOMPARE(cache.find("a", T0.addSecs(age)).has_value(), found);
        QCOMPARE(cache.size(), found ? 1 : 0); // an expired entry is dropped when found stale
    }

    void evictsLeastRecentlyUsed()
    {
        CertificateVerdictCache cache(2);
        cache.insert("a", verdict("aa:01", 60));
        cache.insert("b", verdict("aa:02", 60));
        QVERIFY(cache.find("a", T0)); // a is now the most recent
        cache.insert("c", verdict("aa:03", 60));
        QCOMPARE(cache.size(), 2);
        QVERIFY(cache.find("a", T0));
        QVERIFY(!cache.find("b", T0));
        QVERIFY(cache.find("c", T0));
    }

    void insertReplaces()
    {
        CertificateVerdictCache cache(2);
        cache.insert("a", verdict("aa:01", 60));
        cache.insert("a", verdict("aa:09", 60));
        QCOMPARE(cache.size(), 1);
        QCOMPARE(cache.find("a", T0)->cardId, QStringLiteral("aa:09"));
    }
};

QTEST_GUILESS_MAIN(TestCertificateVerdictCache)
#include "TestCertificateVerdictCache.moc"
