// The persisted CRL index: round trip, and every way a cached index can be wrong (issue 3 item 4).
#include "pki/CrlCache.h"
#include "pki/CrlGenerator.h"
#include "pki/CrlIssuer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <functional>

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

    // Applies `edit` to the saved index and makes its checksum right again: what a build with another slot
    // layout, or a buggy one, would have written — damage the checksum alone cannot catch. Layout: 256-byte
    // header (seed at 64, count at 80, checksum at 112), then 16-byte slots {key, packed}.
    static void rewriteWithValidChecksum(const QString& path, const std::function<void(QByteArray&)>& edit)
    {
        constexpr int SeedAt = 64, ChecksumAt = 112, HeaderSize = 256;
        QFile index(path);
        QVERIFY(index.open(QIODevice::ReadWrite));
        QByteArray bytes = index.readAll();
        edit(bytes);
        quint64 seed = 0;
        std::memcpy(&seed, bytes.constData() + SeedAt, 8);
        std::memset(bytes.data() + ChecksumAt, 0, 8);
        const auto* p = reinterpret_cast<const uchar*>(bytes.constData());
        const quint64 header = CrlIndex::checksum(p, HeaderSize, seed);
        const quint64 sum = CrlIndex::checksum(p + HeaderSize, bytes.size() - HeaderSize, header);
        std::memcpy(bytes.data() + ChecksumAt, &sum, 8);
        QVERIFY(index.resize(0));
        QVERIFY(index.seek(0));
        QCOMPARE(index.write(bytes), bytes.size());
    }

    // Byte offset of the `packed` word of the first occupied slot.
    static int firstOccupiedPacked(const QByteArray& bytes)
    {
        for (int at = 256; at + 16 <= bytes.size(); at += 16) {
            quint64 packed = 0;
            std::memcpy(&packed, bytes.constData() + at + 8, 8);
            if (((packed >> 40) & 0x1F) != 0) {
                return at + 8;
            }
        }
        return -1;
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

    // An index of another version (another slot layout) is refused even with a right checksum — never read as
    // this layout — and the cache rebuilds it. The control row proves the rewritten checksum is right.
    void indexOfAnotherVersionIsRebuilt_data()
    {
        QTest::addColumn<quint32>("version");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("version 2 (control)") << quint32(2) << true;
        QTest::newRow("version 1") << quint32(1) << false;
        QTest::newRow("version 3") << quint32(3) << false;
        QTest::newRow("version 0x80000002") << quint32(0x80000002U) << false;
    }

    void indexOfAnotherVersionIsRebuilt()
    {
        QFETCH(quint32, version);
        QFETCH(bool, accepted);
        QVERIFY(!m_id.isEmpty());
        CrlCache cache(m_dir.filePath(QStringLiteral("cache")));
        rewriteWithValidChecksum(cache.indexPath(m_id),
                                 [&](QByteArray& bytes) { std::memcpy(bytes.data() + 8, &version, 4); });
        if (QTest::currentTestFailed()) {
            return;
        }
        auto raw = Crl::reopen(cache.crlPath(m_id), cache.indexPath(m_id));
        QCOMPARE(bool(raw), accepted);
        if (!accepted) {
            QVERIFY2(raw.error().detail.contains(QStringLiteral("version")), qPrintable(raw.error().detail));
        }
        bool rebuilt = accepted;
        auto crl = cache.open(m_id, m_clock, &rebuilt);
        QVERIFY2(crl, crl ? "" : qPrintable(crl.error().toString()));
        QCOMPARE(rebuilt, !accepted);
        compareWithGenerator(*crl);
    }

    // Indexes that pass their checksum but cannot be right: refused by the structural checks, then rebuilt.
    void impossibleIndexIsRejectedAndRebuilt_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("serial beyond the CRL") << QStringLiteral("offset");
        QTest::newRow("reserved slot bit set") << QStringLiteral("reserved");
        QTest::newRow("count above capacity") << QStringLiteral("count");
        QTest::newRow("count below the slots") << QStringLiteral("fewer");
    }

    void impossibleIndexIsRejectedAndRebuilt()
    {
        QFETCH(QString, damage);
        QVERIFY(!m_id.isEmpty());
        CrlCache cache(m_dir.filePath(QStringLiteral("cache")));
        const qint64 crlSize = QFile(cache.crlPath(m_id)).size();
        rewriteWithValidChecksum(cache.indexPath(m_id), [&](QByteArray& bytes) {
            const int at = firstOccupiedPacked(bytes);
            quint64 word = 0;
            if (damage == QStringLiteral("count") || damage == QStringLiteral("fewer")) {
                std::memcpy(&word, bytes.constData() + (damage == QStringLiteral("count") ? 72 : 80), 8);
                word = damage == QStringLiteral("count") ? word + 1 : word - 1; // capacity + 1, count - 1
                std::memcpy(bytes.data() + 80, &word, 8);
                return;
            }
            QVERIFY(at > 0);
            std::memcpy(&word, bytes.constData() + at, 8);
            word = damage == QStringLiteral("offset") ? (word & ~((quint64(1) << 40) - 1)) | quint64(crlSize - 1)
                                                      : word | (quint64(1) << 63);
            std::memcpy(bytes.data() + at, &word, 8);
        });
        if (QTest::currentTestFailed()) {
            return;
        }
        auto raw = Crl::reopen(cache.crlPath(m_id), cache.indexPath(m_id));
        QVERIFY(!raw);
        QCOMPARE(raw.error().code, core::Errc::MalformedInput);
        bool rebuilt = false;
        auto crl = cache.open(m_id, m_clock, &rebuilt);
        QVERIFY2(crl, crl ? "" : qPrintable(crl.error().toString()));
        QVERIFY(rebuilt);
        compareWithGenerator(*crl);
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
