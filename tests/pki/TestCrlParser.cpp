// CRL walker and signature check against OpenSSL's own reading of the same bytes (issue 3 item 4).
#include "pki/Crl.h"
#include "pki/CrlGenerator.h"
#include "pki/CrlIssuer.h"
#include "pki/CrlParser.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>

#include <list>
#include <map>

#include <openssl/bn.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

using namespace madoguchi;
using namespace madoguchi::pki;

namespace {

const qint64 Now = 1767225600 + 3600; // one hour after the generator's default thisUpdate

QByteArray serialBytes(const ASN1_INTEGER* serial)
{
    std::unique_ptr<BIGNUM, decltype(&BN_free)> bn(ASN1_INTEGER_to_BN(serial, nullptr), &BN_free);
    QByteArray out(BN_num_bytes(bn.get()), '\0');
    BN_bn2bin(bn.get(), reinterpret_cast<unsigned char*>(out.data()));
    return out;
}

qint64 seconds(const ASN1_TIME* time)
{
    struct tm tm
    {};
    ASN1_TIME_to_tm(time, &tm);
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec),
                     Qt::UTC)
        .toSecsSinceEpoch();
}

std::vector<CrlGenerator::Entry> oddEntries()
{
    return {
        {QByteArray::fromHex("01"), CrlReason::NotGiven, 0}, // 1 octet, 1970
        {QByteArray::fromHex("ff00112233445566778899aabbccddeeff001122"), CrlReason::KeyCompromise,
         1767000000},                                                        // 20 octets, 0x00 prefix
        {QByteArray::fromHex("7f"), CrlReason::CertificateHold, 2556144000}, // 2051: GeneralizedTime
        {QByteArray::fromHex("0a0b0c"), CrlReason::Unspecified, -631152000}, // 1950
        {QByteArray::fromHex("123456"), CrlReason::AaCompromise, 1700000000},
    };
}

} // namespace

class TestCrlParser final : public QObject
{
    Q_OBJECT

private:
    std::optional<CrlGenerator> m_ca;
    std::optional<CrlIssuer> m_issuer;
    core::FixedClock m_clock{QDateTime::fromSecsSinceEpoch(Now, Qt::UTC)};

    QByteArray small(qint64 n = 10)
    {
        CrlGenerator::Spec spec;
        spec.randomEntries = n;
        return *m_ca->generate(spec);
    }

    // Crl::fromMemory() does not copy: the bytes are kept alive (implicitly shared) for the whole test.
    core::Result<Crl> load(const QByteArray& der, const CrlIssuer* issuer)
    {
        m_keep.push_back(der);
        const QByteArray& kept = m_keep.back();
        return Crl::fromMemory(reinterpret_cast<const uchar*>(kept.constData()), kept.size(), issuer, m_clock);
    }
    std::list<QByteArray> m_keep;

private Q_SLOTS:
    void initTestCase()
    {
        auto ca = CrlGenerator::create(QStringLiteral("JPKI Test CA"));
        QVERIFY(ca);
        m_ca = std::move(*ca);
        auto issuer = CrlIssuer::fromPem(m_ca->certificatePem());
        QVERIFY(issuer);
        m_issuer = std::move(*issuer);
    }

    void parsesLikeOpenSsl_data()
    {
        QTest::addColumn<int>("randomEntries");
        QTest::addColumn<bool>("odd");
        QTest::addColumn<bool>("ecdsa");
        QTest::newRow("10") << 10 << false << false;
        QTest::newRow("100+odd") << 100 << true << false;
        QTest::newRow("1000") << 1000 << false << false;
        QTest::newRow("odd only") << 0 << true << false;
        QTest::newRow("ecdsa 50+odd") << 50 << true << true;
        QTest::newRow("3000 without reason (index regrows)") << -3000 << false << false;
        QTest::newRow("70000 (index settled by two workers)") << 70000 << true << false;
    }

    void parsesLikeOpenSsl()
    {
        QFETCH(int, randomEntries);
        QFETCH(bool, odd);
        QFETCH(bool, ecdsa);
        auto ca =
            ecdsa ? CrlGenerator::create(QStringLiteral("JPKI Test EC CA"), true) : core::Result<CrlGenerator>(*m_ca);
        QVERIFY(ca);
        auto issuer = CrlIssuer::fromPem(ca->certificatePem());
        QVERIFY(issuer);
        CrlGenerator::Spec spec;
        spec.randomEntries = std::max(0, randomEntries);
        spec.crlNumber = 4711;
        for (int i = 0; i < -randomEntries; ++i) { // 35-byte entries: more than the index's first estimate
            auto entry = CrlGenerator::randomEntry(3, i, spec.thisUpdate);
            entry.reason = CrlReason::NotGiven;
            spec.entries.push_back(entry);
        }
        if (odd) {
            spec.entries = oddEntries();
        }
        const QByteArray der = *ca->generate(spec);
        auto crl = load(der, &*issuer);
        QVERIFY2(crl, crl ? "" : qPrintable(crl.error().toString()));

        const unsigned char* p = reinterpret_cast<const unsigned char*>(der.constData());
        std::unique_ptr<X509_CRL, decltype(&X509_CRL_free)> ref(d2i_X509_CRL(nullptr, &p, long(der.size())),
                                                                &X509_CRL_free);
        QVERIFY(ref);
        STACK_OF(X509_REVOKED)* revoked = X509_CRL_get_REVOKED(ref.get());
        QCOMPARE(crl->info().entryCount, qint64(sk_X509_REVOKED_num(revoked)));
        QCOMPARE(crl->uniqueEntries(), crl->info().entryCount);
        for (int i = 0; i < sk_X509_REVOKED_num(revoked); ++i) {
            X509_REVOKED* r = sk_X509_REVOKED_value(revoked, i);
            const QByteArray serial = serialBytes(X509_REVOKED_get0_serialNumber(r));
            const auto hit = crl->find(serial);
            QVERIFY2(hit, serial.toHex().constData());
            QCOMPARE(hit->revocationDate, seconds(X509_REVOKED_get0_revocationDate(r)));
            int critical = 0;
            std::unique_ptr<ASN1_ENUMERATED, decltype(&ASN1_ENUMERATED_free)> reason(
                static_cast<ASN1_ENUMERATED*>(X509_REVOKED_get_ext_d2i(r, NID_crl_reason, &critical, nullptr)),
                &ASN1_ENUMERATED_free);
            QCOMPARE(int(hit->reason), reason ? int(ASN1_ENUMERATED_get(reason.get())) : 0xFF);
        }
        QCOMPARE(crl->info().thisUpdate, seconds(X509_CRL_get0_lastUpdate(ref.get())));
        QCOMPARE(*crl->info().nextUpdate, seconds(X509_CRL_get0_nextUpdate(ref.get())));
        QCOMPARE(crl->info().crlNumber.value_or(0), quint64(4711));
        QCOMPARE(crl->info().authorityKeyId, ca->subjectKeyId());
        QVERIFY(!crl->find(QByteArray::fromHex("0102030405")));
        QVERIFY(!crl->isStale(m_clock));
    }

    void everyTruncationIsRejectedWithAnOffset()
    {
        const QByteArray der = small(10);
        for (qsizetype length = 0; length < der.size(); ++length) {
            const QByteArray prefix = der.left(length);
            auto crl = load(prefix, &*m_issuer);
            QVERIFY2(!crl, qPrintable(QString::number(length)));
            QCOMPARE(crl.error().code, core::Errc::MalformedDer);
            QVERIFY2(crl.error().detail.startsWith(QStringLiteral("offset ")), qPrintable(crl.error().detail));
            QVERIFY(crl.error().nativeCode <= length);
        }
    }

    void everyTruncatedTbsIsRejected()
    {
        // Cut the TBS content itself (lengths patched so the outer frame is consistent): reaches every
        // inner element's bounds check, not only the outer length.
        const QByteArray der = small(5);
        auto info = CrlParser::parseEnvelope(reinterpret_cast<const uchar*>(der.constData()), der.size());
        QVERIFY(info);
        for (qint64 cut = 1; cut < info->tbsLength - 4; ++cut) {
            CrlInfo partial = *info;
            partial.tbsLength -= cut;
            auto tbs = CrlParser::parseTbs(reinterpret_cast<const uchar*>(der.constData()), partial, nullptr);
            QVERIFY(!tbs);
            QCOMPARE(tbs.error().code, core::Errc::MalformedDer);
        }
    }

    void bitFlipsBreakTheSignature_data()
    {
        QTest::addColumn<QString>("where");
        QTest::newRow("signature") << QStringLiteral("signature");
        QTest::newRow("serials") << QStringLiteral("serials");
        QTest::newRow("thisUpdate digits") << QStringLiteral("time");
    }

    void bitFlipsBreakTheSignature()
    {
        QFETCH(QString, where);
        const QByteArray der = small(10);
        auto good = load(der, &*m_issuer);
        QVERIFY(good);
        std::vector<qint64> positions;
        if (where == QStringLiteral("signature")) {
            for (qint64 i = 0; i < good->info().signatureLength; ++i) {
                positions.push_back(good->info().signatureOffset + i);
            }
        } else if (where == QStringLiteral("serials")) {
            good->forEachEntry([&](const uchar* serial, int length, const CrlRevocation&) {
                positions.push_back(serial - reinterpret_cast<const uchar*>(der.constData()) + length - 1);
            });
        } else {
            const qint64 at = der.indexOf(QByteArray::fromHex("170d3236303130313030303030305a")); // thisUpdate
            QVERIFY(at > 0);
            positions.push_back(at + 12); // a minute digit: still a valid time
        }
        QVERIFY(!positions.empty());
        for (qint64 position : positions) {
            QByteArray bad = der;
            bad[position] = char(bad[position] ^ 0x01);
            auto crl = load(bad, &*m_issuer);
            QVERIFY(!crl);
            QCOMPARE(crl.error().code, core::Errc::SignatureInvalid);
        }
    }

    void noTbsByteChangeIsAccepted()
    {
        const QByteArray der = small(3);
        for (qsizetype i = 0; i < der.size(); ++i) {
            for (quint8 mask : {0x01, 0x80}) {
                QByteArray bad = der;
                bad[i] = char(bad[i] ^ mask);
                QVERIFY2(!load(bad, &*m_issuer), qPrintable(QString::number(i)));
            }
        }
    }

    void wrongIssuer_data()
    {
        QTest::addColumn<int>("variant");
        QTest::addColumn<int>("expected");
        QTest::newRow("other CA, same DN") << 0 << int(core::Errc::UntrustedIssuer);
        QTest::newRow("our key id, other key") << 1 << int(core::Errc::SignatureInvalid);
        QTest::newRow("no AKI") << 2 << int(core::Errc::UntrustedIssuer);
        QTest::newRow("our key id, other DN") << 3 << int(core::Errc::UntrustedIssuer);
    }

    void wrongIssuer()
    {
        QFETCH(int, variant);
        QFETCH(int, expected);
        auto other =
            CrlGenerator::create(variant == 3 ? QStringLiteral("Someone Else") : QStringLiteral("JPKI Test CA"));
        QVERIFY(other);
        CrlGenerator::Spec spec;
        spec.randomEntries = 5;
        if (variant == 1 || variant == 3) {
            spec.authorityKeyId = m_ca->subjectKeyId();
        } else if (variant == 2) {
            spec.authorityKeyId = QByteArray();
        }
        auto crl = load(*other->generate(spec), &*m_issuer);
        QVERIFY(!crl);
        QCOMPARE(int(crl.error().code), expected);
    }

    void staleAndNotYetValid()
    {
        CrlGenerator::Spec spec;
        spec.randomEntries = 2;
        spec.thisUpdate = Now - 10 * 86400;
        spec.nextUpdate = Now - 86400;
        auto expired = load(*m_ca->generate(spec), &*m_issuer);
        QVERIFY(expired);
        QVERIFY(expired->isStale(m_clock));
        spec.nextUpdate.reset();
        auto open = load(*m_ca->generate(spec), &*m_issuer);
        QVERIFY(open);
        QVERIFY(open->isStale(m_clock)); // no nextUpdate: freshness unknown, fail closed
        spec.thisUpdate = Now + 86400;
        spec.nextUpdate = Now + 2 * 86400;
        auto future = load(*m_ca->generate(spec), &*m_issuer);
        QVERIFY(future);
        QVERIFY(future->isNotYetValid(m_clock));
        QVERIFY(!future->isStale(m_clock));
    }

    void garbageIsMalformed()
    {
        QRandomGenerator random(42);
        for (int size : {0, 1, 2, 3, 17, 100, 4096}) {
            for (int round = 0; round < 20; ++round) {
                QByteArray junk(size, '\0');
                for (auto& c : junk) {
                    c = char(random.bounded(256));
                }
                auto crl = load(junk, &*m_issuer);
                QVERIFY(!crl);
                QVERIFY(crl.error().code == core::Errc::MalformedDer || crl.error().code == core::Errc::Unsupported);
            }
        }
    }

    void malformedEncodings_data()
    {
        QTest::addColumn<QByteArray>("der");
        QTest::addColumn<int>("offset");
        QTest::newRow("indefinite") << QByteArray::fromHex("3080") << 0;
        QTest::newRow("5-byte length") << QByteArray::fromHex("30850000000001") << 0;
        QTest::newRow("length beyond file") << QByteArray::fromHex("3084ffffffff00") << 0;
        QTest::newRow("non-minimal length") << QByteArray::fromHex("30810100") << 0;
        QTest::newRow("trailing bytes") << QByteArray::fromHex("30000000") << 2;
        QTest::newRow("high tag") << QByteArray::fromHex("3f0100") << 0;
        QTest::newRow("tbs not a sequence") << QByteArray::fromHex("30020400") << 2;
    }

    void malformedEncodings()
    {
        QFETCH(QByteArray, der);
        QFETCH(int, offset);
        auto info = CrlParser::parse(reinterpret_cast<const uchar*>(der.constData()), der.size(), nullptr);
        QVERIFY(!info);
        QCOMPARE(info.error().code, core::Errc::MalformedDer);
        QCOMPARE(info.error().nativeCode, qint64(offset));
    }

    void badEntries_data()
    {
        QTest::addColumn<QByteArray>("serial");
        QTest::addColumn<QByteArray>("extension");
        QTest::addColumn<int>("expected");
        const QByteArray time = QByteArray::fromHex("170d3236303130313030303030305a");
        QTest::newRow("21-octet serial") << QByteArray::fromHex("0215") + QByteArray(21, '\x11') << QByteArray()
                                         << int(core::Errc::MalformedDer);
        QTest::newRow("negative serial") << QByteArray::fromHex("020180") << QByteArray()
                                         << int(core::Errc::MalformedDer);
        QTest::newRow("zero serial") << QByteArray::fromHex("020100") << QByteArray() << int(core::Errc::MalformedDer);
        QTest::newRow("padded serial") << QByteArray::fromHex("02020001") << QByteArray()
                                       << int(core::Errc::MalformedDer);
        QTest::newRow("reason 7") << QByteArray::fromHex("020101")
                                  << QByteArray::fromHex("300e300c0603551d150405"
                                                         "0a0107")
                                  << int(core::Errc::MalformedDer);
        QTest::newRow("indirect") << QByteArray::fromHex("020101")
                                  << QByteArray::fromHex("300d300b0603551d1d0404"
                                                         "30028000")
                                  << int(core::Errc::Unsupported);
        QTest::newRow("unknown critical") << QByteArray::fromHex("020101")
                                          << QByteArray::fromHex("300e300c0603550401"
                                                                 "0101ff04020500")
                                          << int(core::Errc::Unsupported);
    }

    void badEntries()
    {
        QFETCH(QByteArray, serial);
        QFETCH(QByteArray, extension);
        QFETCH(int, expected);
        const QByteArray time = QByteArray::fromHex("170d3236303130313030303030305a");
        auto wrap = [](const QByteArray& content) {
            const QByteArray length = content.size() < 0x80 ? QByteArray(1, char(content.size()))
                                                            : QByteArray(1, '\x81') + char(content.size());
            return QByteArray(1, '\x30') + length + content;
        };
        const QByteArray alg = QByteArray::fromHex("300d06092a864886f70d01010b0500");
        const QByteArray list = wrap(wrap(serial + time + extension));
        const QByteArray tbs = wrap(QByteArray::fromHex("020101") + alg + QByteArray::fromHex("3000") + time + list);
        const QByteArray body = wrap(tbs + alg + QByteArray::fromHex("03020000"));
        auto info = CrlParser::parse(reinterpret_cast<const uchar*>(body.constData()), body.size(), nullptr);
        QVERIFY(info); // no sink: entries skipped
        struct Ignore final : CrlParser::EntrySink
        {
            bool add(const CrlRawEntry&) override { return true; }
        } sink;
        auto walked = CrlParser::parse(reinterpret_cast<const uchar*>(body.constData()), body.size(), &sink);
        QVERIFY(!walked);
        QCOMPARE(int(walked.error().code), expected);
        QVERIFY2(walked.error().detail.startsWith(QStringLiteral("offset ")), qPrintable(walked.error().detail));
    }

    void duplicateSerialsKeepTheFirst()
    {
        CrlGenerator::Spec spec;
        spec.entries = {{QByteArray::fromHex("42"), CrlReason::KeyCompromise, Now - 10},
                        {QByteArray::fromHex("43"), CrlReason::Superseded, Now - 9},
                        {QByteArray::fromHex("42"), CrlReason::CertificateHold, Now - 8}};
        auto crl = load(*m_ca->generate(spec), &*m_issuer);
        QVERIFY(crl);
        QCOMPARE(crl->info().entryCount, qint64(3));
        QCOMPARE(crl->uniqueEntries(), qint64(2));
        QCOMPARE(crl->find(QByteArray::fromHex("42"))->reason, CrlReason::KeyCompromise);
        QCOMPARE(crl->find(QByteArray::fromHex("0043"))->reason, CrlReason::Superseded); // leading zero ignored
    }

    // Large enough for the index's bulk build to use many regions and all 64 settling chunks (entries that
    // run past a region or a chunk), with duplicates spread over the list: each serial is found once, with
    // the reason and date of its first entry in file order, whichever thread placed it.
    void bulkBuildKeepsTheFirstOfDuplicates()
    {
        constexpr qint64 Random = 150000;
        constexpr quint64 Seed = 11;
        CrlGenerator::Spec spec;
        spec.seed = Seed;
        spec.randomEntries = Random;
        std::map<qint64, CrlGenerator::Entry> firsts; // random index → the explicit entry written before it
        for (qint64 i = 0; i < Random; i += 37) {
            auto early = CrlGenerator::randomEntry(Seed, i, spec.thisUpdate);
            early.reason = early.reason == CrlReason::KeyCompromise ? CrlReason::Superseded : CrlReason::KeyCompromise;
            early.date -= 86400 + i;
            spec.entries.push_back(early);
            spec.entries.push_back(early); // and again right after: dropped too
            firsts.emplace(i, early);
        }
        auto crl = load(*m_ca->generate(spec), &*m_issuer);
        QVERIFY2(crl, crl ? "" : qPrintable(crl.error().toString()));
        QCOMPARE(crl->info().entryCount, Random + qint64(2 * firsts.size()));
        QCOMPARE(crl->uniqueEntries(), Random);
        QVERIFY(crl->indexBytes() / Random <= 40);
        for (qint64 i = 0; i < Random; ++i) {
            const auto it = firsts.find(i);
            const auto expected = it != firsts.end() ? it->second : CrlGenerator::randomEntry(Seed, i, spec.thisUpdate);
            const auto hit = crl->find(expected.serial);
            QVERIFY2(hit, qPrintable(QStringLiteral("entry %1 not found").arg(i)));
            QCOMPARE(hit->reason, expected.reason);
            QCOMPARE(hit->revocationDate, expected.date);
        }
        qint64 visited = 0;
        crl->forEachEntry([&](const uchar*, int, const CrlRevocation&) { ++visited; });
        QCOMPARE(visited, Random);
    }

    void datesTheIndexCannotHoldAreRefused()
    {
        CrlGenerator::Spec spec;
        spec.entries = {{QByteArray::fromHex("42"), CrlReason::KeyCompromise, -631152001}}; // 1949-12-31T23:59:59Z
        const QByteArray der = *m_ca->generate(spec);
        QVERIFY(CrlParser::parse(reinterpret_cast<const uchar*>(der.constData()), der.size(), nullptr)); // valid DER
        auto crl = load(der, &*m_issuer);
        QVERIFY(!crl);
        QCOMPARE(crl.error().code, core::Errc::Unsupported);
        spec.entries[0].date = -631152000; // 1950-01-01: the first representable second
        QCOMPARE(load(*m_ca->generate(spec), &*m_issuer)->find(QByteArray::fromHex("42"))->revocationDate,
                 qint64(-631152000));
    }

    void removeFromCrlOnlyInDeltas()
    {
        CrlGenerator::Spec spec;
        spec.entries = {{QByteArray::fromHex("42"), CrlReason::RemoveFromCrl, Now}};
        auto crl = load(*m_ca->generate(spec), &*m_issuer);
        QVERIFY(!crl);
        QCOMPARE(crl.error().code, core::Errc::MalformedInput);
    }

    void timeParsing_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("tag");
        QTest::addColumn<qint64>("expected"); // -1 = rejected
        QTest::newRow("utc 2026") << QByteArray("260101000000Z") << 0x17 << qint64(1767225600);
        QTest::newRow("utc 1950") << QByteArray("500101000000Z") << 0x17 << qint64(-631152000);
        QTest::newRow("utc 2049 leap") << QByteArray("480229235959Z") << 0x17 << qint64(2466633599);
        QTest::newRow("gen 2050") << QByteArray("20500101000000Z") << 0x18 << qint64(2524608000);
        QTest::newRow("feb 29 non-leap") << QByteArray("270229000000Z") << 0x17 << qint64(-1);
        QTest::newRow("month 13") << QByteArray("261301000000Z") << 0x17 << qint64(-1);
        QTest::newRow("letter in seconds") << QByteArray("2601010000a0Z") << 0x17 << qint64(-1);
        QTest::newRow("colon in year") << QByteArray("2:0101000000Z") << 0x17 << qint64(-1);
        QTest::newRow("slash in gen day") << QByteArray("2026010/000000Z") << 0x18 << qint64(-1);
        QTest::newRow("hour 24") << QByteArray("260101240000Z") << 0x17 << qint64(-1);
        QTest::newRow("gen 9999") << QByteArray("99991231235959Z") << 0x18 << qint64(253402300799);
        QTest::newRow("no Z") << QByteArray("2601010000000") << 0x17 << qint64(-1);
        QTest::newRow("fraction") << QByteArray("20260101000000.5Z") << 0x18 << qint64(-1);
        QTest::newRow("wrong tag") << QByteArray("260101000000Z") << 0x18 << qint64(-1);
    }

    void timeParsing()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, tag);
        QFETCH(qint64, expected);
        qint64 seconds = 0;
        const bool ok =
            CrlParser::parseTime(quint8(tag), reinterpret_cast<const uchar*>(text.constData()), text.size(), seconds);
        QCOMPARE(ok, expected != -1);
        if (ok) {
            QCOMPARE(seconds, expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestCrlParser)
#include "TestCrlParser.moc"
