// File contents of the simulated card: DER objects inside padded EFs, the Text AP's TLVs, and
// signatures checked with the certificate's public key.
#include "sim/JpkiCardSim.h"
#include "sim/SimCardImage.h"

#include "SimFixtures.h"

#include <QCryptographicHash>
#include <QtTest>

#include <openssl/x509.h>

using madoguchi::pki::DemoCardKind;
using madoguchi::pki::DemoResident;
using madoguchi::sim::JpkiCardSim;
using madoguchi::sim::SimCardImage;
namespace fx = madoguchi::sim::test;

namespace {

const QByteArray SelJpki = QByteArray::fromHex("00A4040C0AD392F000260100000001");
const QByteArray SelText = QByteArray::fromHex("00A4040C0AD3921000310001010408");

QByteArray selEf(quint16 fid)
{
    return QByteArray::fromHex("00A4020C02") + char(fid >> 8) + char(fid & 0xFF);
}

QByteArray verifyApdu(const QByteArray& pin)
{
    return QByteArray::fromHex("00200080") + char(pin.size()) + pin;
}

quint16 swOf(const QByteArray& r)
{
    return static_cast<quint16>((quint8(r[r.size() - 2]) << 8) | quint8(r[r.size() - 1]));
}

// Reads an EF to its end in short 256-byte chunks, as a naive reader would (which is why the card
// pads: the tail is not the DER object).
QByteArray readWholeEf(JpkiCardSim& sim)
{
    QByteArray all;
    for (;;) {
        const QByteArray apdu = QByteArray::fromHex("00B0") + char(all.size() >> 8) + char(all.size() & 0xFF) + '\0';
        const QByteArray r = sim.process(apdu);
        if (swOf(r) != 0x9000) {
            return swOf(r) == 0x6B00 ? all : QByteArray();
        }
        all += r.left(r.size() - 2);
    }
}

std::unique_ptr<JpkiCardSim> makeSim(const DemoResident& resident)
{
    auto sim = JpkiCardSim::create(resident);
    return sim ? std::move(*sim) : nullptr;
}

} // namespace

class TestJpkiCardSimFiles final : public QObject
{
    Q_OBJECT

private slots:
    void paddedEf_data();
    void paddedEf();
    void signatureVerifies_data();
    void signatureVerifies();
    void basicFactsLength_data();
    void basicFactsLength();
};

void TestJpkiCardSimFiles::paddedEf_data()
{
    QTest::addColumn<quint16>("fid");
    QTest::addColumn<QByteArray>("der");
    QTest::addColumn<int>("efSize");
    QTest::addColumn<QByteArray>("pin"); // signing password to VERIFY first, if any

    QTest::newRow("000A auth cert") << quint16(0x000A) << fx::authPair().certDer << SimCardImage::CertEfSize
                                    << QByteArray();
    QTest::newRow("000B auth CA") << quint16(0x000B) << fx::caPair().certDer << SimCardImage::CertEfSize
                                  << QByteArray();
    QTest::newRow("0002 sign CA") << quint16(0x0002) << fx::signCaPair().certDer << SimCardImage::CertEfSize
                                  << QByteArray();
    QTest::newRow("0001 sign cert") << quint16(0x0001) << fx::signPair().certDer << SimCardImage::SignCertEfSize
                                    << QByteArrayLiteral("ABC123");
}

void TestJpkiCardSimFiles::paddedEf()
{
    QFETCH(quint16, fid);
    QFETCH(QByteArray, der);
    QFETCH(int, efSize);
    QFETCH(QByteArray, pin);

    auto sim = makeSim(fx::makeResident());
    QVERIFY(sim);
    QCOMPARE(swOf(sim->process(SelJpki)), quint16(0x9000));
    if (!pin.isEmpty()) {
        QCOMPARE(swOf(sim->process(selEf(0x001B))), quint16(0x9000));
        QCOMPARE(swOf(sim->process(verifyApdu(pin))), quint16(0x9000));
    }
    QCOMPARE(swOf(sim->process(selEf(fid))), quint16(0x9000));
    const QByteArray ef = readWholeEf(*sim);
    QCOMPARE(ef.size(), efSize);
    QVERIFY(ef.size() > der.size());
    QCOMPARE(ef.left(der.size()), der);
    QCOMPARE(ef.mid(der.size()), QByteArray(efSize - der.size(), SimCardImage::CertPadding));
}

void TestJpkiCardSimFiles::signatureVerifies_data()
{
    QTest::addColumn<quint16>("keyFid");
    QTest::addColumn<quint16>("pinFid");
    QTest::addColumn<QByteArray>("pin");
    QTest::addColumn<QByteArray>("certDer");

    QTest::newRow("auth key 0017") << quint16(0x0017) << quint16(0x0018) << QByteArrayLiteral("1234")
                                   << fx::authPair().certDer;
    QTest::newRow("sign key 001A") << quint16(0x001A) << quint16(0x001B) << QByteArrayLiteral("ABC123")
                                   << fx::signPair().certDer;
}

void TestJpkiCardSimFiles::signatureVerifies()
{
    QFETCH(quint16, keyFid);
    QFETCH(quint16, pinFid);
    QFETCH(QByteArray, pin);
    QFETCH(QByteArray, certDer);

    auto sim = makeSim(fx::makeResident());
    QVERIFY(sim);
    QCOMPARE(swOf(sim->process(SelJpki)), quint16(0x9000));
    QCOMPARE(swOf(sim->process(selEf(pinFid))), quint16(0x9000));
    QCOMPARE(swOf(sim->process(verifyApdu(pin))), quint16(0x9000));
    QCOMPARE(swOf(sim->process(selEf(keyFid))), quint16(0x9000));

    // jpki-card.md §4: the host sends the SHA-256 DigestInfo, the card pads and signs it.
    const QByteArray challenge = QByteArrayLiteral("madoguchi test challenge");
    const QByteArray digestInfo = QByteArray::fromHex("3031300D060960864801650304020105000420") +
                                  QCryptographicHash::hash(challenge, QCryptographicHash::Sha256);
    const QByteArray r = sim->process(QByteArray::fromHex("802A0080") + char(digestInfo.size()) + digestInfo + '\0');
    QCOMPARE(swOf(r), quint16(0x9000));
    const QByteArray signature = r.left(r.size() - 2);
    QCOMPARE(signature.size(), 256);

    // Verify as a relying party would: sha256WithRSAEncryption over the challenge, key from the cert.
    const auto* p = reinterpret_cast<const unsigned char*>(certDer.constData());
    std::unique_ptr<X509, decltype(&X509_free)> cert(d2i_X509(nullptr, &p, certDer.size()), X509_free);
    QVERIFY(cert);
    EVP_PKEY* key = X509_get0_pubkey(cert.get());
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    QCOMPARE(EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key), 1);
    const auto* sig = reinterpret_cast<const unsigned char*>(signature.constData());
    const auto* msg = reinterpret_cast<const unsigned char*>(challenge.constData());
    QCOMPARE(EVP_DigestVerify(ctx.get(), sig, 256, msg, static_cast<size_t>(challenge.size())), 1);
    // ... and a different challenge must not verify (the check can fail).
    QCOMPARE(EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key), 1);
    QVERIFY(EVP_DigestVerify(ctx.get(), sig, 256, msg, static_cast<size_t>(challenge.size() - 1)) != 1);
}

void TestJpkiCardSimFiles::basicFactsLength_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("lengthForm"); // 0 short, 0x81, 0x82

    QTest::newRow("short address") << QStringLiteral("東京都") << 0;
    QTest::newRow("81 form") << QStringLiteral("東京都千代田区霞が関二丁目一番二号中央合同庁舎第二号館") << 0x81;
    QTest::newRow("long address 82 form") << QStringLiteral("北海道札幌市中央区北一条西二丁目一番地") +
                                                 QStringLiteral("札幌市役所本庁舎内郵便私書箱").repeated(6)
                                          << 0x82;
}

void TestJpkiCardSimFiles::basicFactsLength()
{
    QFETCH(QString, address);
    QFETCH(int, lengthForm);

    DemoResident resident = fx::makeResident();
    resident.facts.address = address;
    auto sim = makeSim(resident);
    QVERIFY(sim);
    QCOMPARE(swOf(sim->process(SelText)), quint16(0x9000));
    QCOMPARE(swOf(sim->process(selEf(0x0011))), quint16(0x9000));
    QCOMPARE(swOf(sim->process(verifyApdu("1234"))), quint16(0x9000));
    QCOMPARE(swOf(sim->process(selEf(0x0002))), quint16(0x9000));
    const QByteArray ef = readWholeEf(*sim);
    QCOMPARE(ef.left(2), QByteArray::fromHex("FF20"));
    qsizetype header = 3;
    qsizetype length = quint8(ef[2]);
    if (lengthForm == 0) {
        QVERIFY(length < 0x80);
    } else if (lengthForm == 0x81) {
        QCOMPARE(quint8(ef[2]), quint8(0x81));
        length = quint8(ef[3]);
        header = 4;
        QVERIFY(length >= 0x80 && length <= 0xFF);
    } else {
        QCOMPARE(quint8(ef[2]), quint8(0x82));
        length = (quint8(ef[3]) << 8) | quint8(ef[4]);
        header = 5;
        QVERIFY(length > 255);
    }
    const QByteArray body = ef.mid(header, length);
    QCOMPARE(body.size(), length);
    // The address element sits inside, UTF-8, with its own length form; padding follows the object.
    QVERIFY(body.contains(QByteArray::fromHex("DF23")));
    QVERIFY(body.contains(address.toUtf8()));
    QVERIFY(body.contains(QByteArray::fromHex("DF24") + char(8) + QByteArrayLiteral("19800401")));
    QVERIFY(body.endsWith(QByteArray::fromHex("DF2501") + QByteArrayLiteral("2")));
    QCOMPARE(ef.mid(header + length), QByteArray(ef.size() - header - length, SimCardImage::TextPadding));
}

QTEST_GUILESS_MAIN(TestJpkiCardSimFiles)
#include "TestJpkiCardSimFiles.moc"
