// The persisted CRL index: round trip, and every way a cached index can be wrong (issue 3 item 4).
#include "pki/CrlCache.h"
#include "pki/CrlGenerator.h"
#include "pki/CrlIssuer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace madoguchi;
using namespace madoguchi::pki;

class TestCrlCache final : public QObject
{
    Q_OBJECT

private:
    std::optional<CrlGenerator> m_ca;
    std::optional<CrlIssuer> m_issuer;
    core::FixedClock m_clock{QDateTime::fromSecsSinceEpoch(1767225600 + 60, Qt::UTC)};
    QTemporaryDir m_dir;
    QString m_source;
    QString m_id;

    void compareWithGenerator(const Crl& crl)
    {
        QCOMPARE(crl.info().entryCount, qint64(1000));
        for (qint64 i = 0; i < 1000; ++i) {
            const auto expected = CrlGenerator::randomEntry(7, i, 1767225600);
            const auto hit = crl.find(expected.serial);
            QVERIFY(hit);
            QCOMPARE(hit->reason, expected.reason);
            QCOMPARE(hit->revocationDate, expected.date);
        }
        QVERIFY(!crl.find(QByteArray::fromHex("00112233")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto ca = CrlGenerator::create(QStringLiteral("JPKI Test CA"));
        QVERIFY(ca);
        m_ca = std::move(*ca);
        m_issuer = *CrlIssuer::fromPem(m_ca->certificatePem());
        CrlGenerator::Spec spec;
        spec.randomEntries = 1000;
        spec.seed = 7;
        spec.crlNumber = 12;
        m_source = m_dir.filePath(QStringLiteral("source.crl"));
        QVERIFY(m_ca->generateToFile(spec, m_source));
    }

    void importThenReopen()
    {
        CrlCache cache(m_dir.filePath(QStringLiteral("cache")));
        auto imported = cache.import(m_source, *m_issuer, m_clock);
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().toString()));
        m_id = QString::fromLatin1(imported->contentId().toHex());
        QCOMPARE(cache.ids(), QStringList{m_id});
        compareWithGenerator(*imported);
        bool rebuilt = true;
        auto reopened = cache.open(m_id, m_clock, &rebuilt);
        QVERIFY(reopened);
        QVERIFY(!rebuilt);
        QCOMPARE(reopened->contentId(), imported->contentId());
        QCOMPARE(reopened->info().crlNumber, std::optional<quint64>(12));
        QCOMPARE(reopened->info().thisUpdate, imported->info().thisUpdate);
        QCOMPARE(reopened->verifiedAt(), imported->verifiedAt());
        compareWithGenerator(*reopened);
    }

    void damagedIndexIsRejectedAndRebuilt_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("flipped slot byte") << QStringLiteral("flip-slot");
        QTest::newRow("flipped header byte") << QStringLiteral("flip-header");
        QTest::newRow("truncated") << QStringLiteral("truncate");
        QTest::newRow("missing") << QStringLiteral("remove");
        QTest::newRow("garbage") << QStringLiteral("garbage");
        QTest::newRow("CRL touched") << QStringLiteral("touch-crl");
    }

    void damagedIndexIsRejectedAndRebuilt()
    {
        QFETCH(QString, damage);
        QVERIFY(!m_id.isEmpty());
        CrlCache cache(m_dir.filePath(QStringLiteral("cache")));
        QFile index(cache.indexPath(m_id));
        if (damage == QStringLiteral("remove")) {
            QVERIFY(index.remove());
        } else if (damage == QStringLiteral("touch-crl")) {
            QFile crl(cache.crlPath(m_id));
            QVERIFY(crl.open(QIODevice::ReadWrite));
            QVERIFY(crl.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-7200), QFileDevice::FileModificationTime));
        } else {
            QVERIFY(index.open(QIODevice::ReadWrite));
            QByteArray bytes = index.readAll();
            if (damage == QStringLiteral("flip-slot")) {
                bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x10);
            } else if (damage == QStringLiteral("flip-header")) {
                bytes[64] = char(bytes[64] ^ 0x01); // the hash seed
            } else if (damage == QStringLiteral("truncate")) {
                bytes.chop(24);
            } else {
                bytes.fill('\x5a');
            }
            QVERIFY(index.resize(0));
            QVERIFY(index.seek(0));
            QCOMPARE(index.write(bytes), bytes.size());
            index.close();
        }
        // Without the cache's repair the damage is seen, never silently used.
        auto raw = Crl::reopen(cache.crlPath(m_id), cache.indexPath(m_id));
        QVERIFY(!raw);
        bool rebuilt = false;
        auto crl = cache.open(m_id, m_clock, &rebuilt);
        QVERIFY2(crl, crl ? "" : qPrintable(crl.error().toString()));
        QVERIFY(rebuilt);
        compareWithGenerator(*crl);
        bool again = true;
        QVERIFY(cache.open(m_id, m_clock, &again));
        QVERIFY(!again);
    }

    void tamperedCachedCrlIsNotRebuilt()
    {
        CrlCache cache(m_dir.filePath(QStringLiteral("cache")));
        QFile crl(cache.crlPath(m_id));
        QVERIFY(crl.open(QIODevice::ReadWrite));
        QVERIFY(crl.seek(crl.size() - 10));
        QVERIFY(crl.write("XX") == 2); // in the signature
        crl.close();
        auto reopened = cache.open(m_id, m_clock);
        QVERIFY(!reopened);
        QCOMPARE(reopened.error().code, core::Errc::SignatureInvalid);
    }

    void importRejectsABadCrlAndLeavesNothing()
    {
        const QString bad = m_dir.filePath(QStringLiteral("bad.crl"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromHex("3003020101"));
        file.close();
        CrlCache cache(m_dir.filePath(QStringLiteral("cache2")));
        auto imported = cache.import(bad, *m_issuer, m_clock);
        QVERIFY(!imported);
        QCOMPARE(imported.error().code, core::Errc::MalformedDer);
        QVERIFY(cache.ids().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCrlCache)
#include "TestCrlCache.moc"
