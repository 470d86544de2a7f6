#include "card/HolderProof.h"

#include "JpkiScript.h"
#include "ScriptedConnection.h"

#include <QTest>

#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <memory>

using namespace madoguchi;
using namespace madoguchi::card;
using namespace madoguchi::card::test;

namespace {

struct KeyFree
{
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
using Key = std::unique_ptr<EVP_PKEY, KeyFree>;

// A self-signed RSA-2048 certificate standing in for the card's auth certificate.
QByteArray selfSignedCertificate(EVP_PKEY* key)
{
    std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), &X509_free);
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 7);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3600);
    X509_set_pubkey(cert.get(), key);
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("TEST"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    X509_sign(cert.get(), key, EVP_sha256());
    unsigned char* out = nullptr;
    const int length = i2d_X509(cert.get(), &out);
    QByteArray der(reinterpret_cast<const char*>(out), length);
    OPENSSL_free(out);
    return der;
}

// What the card does (jpki-card.md §4): PKCS#1 v1.5 type-1 padding over the DigestInfo it is given.
QByteArray cardSign(EVP_PKEY* key, QByteArrayView digestInfo)
{
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(EVP_PKEY_CTX_new(key, nullptr), &EVP_PKEY_CTX_free);
    EVP_PKEY_sign_init(ctx.get());
    EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING);
    size_t length = 256;
    QByteArray signature(256, '\0');
    EVP_PKEY_sign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                  reinterpret_cast<const unsigned char*>(digestInfo.data()), static_cast<size_t>(digestInfo.size()));
    return signature.left(static_cast<qsizetype>(length));
}

} // namespace

class TestHolderProof final : public QObject
{
    Q_OBJECT

private:
    Key m_cardKey;
    Key m_otherKey;
    QByteArray m_certificate;
    core::FixedClock m_clock{QDateTime(QDate(2026, 4, 1), QTime(9, 30, 15, 250), Qt::UTC)};

    HolderChallenge challenge()
    {
        auto created = HolderChallenge::create(QStringLiteral("card-login"), QStringLiteral("counter-07"), m_clock);
        Q_ASSERT(created);
        return *created;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cardKey.reset(EVP_RSA_gen(2048));
        m_otherKey.reset(EVP_RSA_gen(2048));
        QVERIFY(m_cardKey && m_otherKey);
        m_certificate = selfSignedCertificate(m_cardKey.get());
        QVERIFY(m_certificate.startsWith('\x30'));
    }

    void challengeCarriesItsContext()
    {
        const HolderChallenge a = challenge();
        const HolderChallenge b = challenge();
        QCOMPARE(a.nonce.size(), HolderChallenge::NonceLength);
        QVERIFY(a.nonce != b.nonce);
        const QByteArray bytes = a.toBytes();
        QVERIFY(bytes.startsWith("MADOGUCHI-HOLDER-PROOF-1"));
        QVERIFY(bytes.contains(a.nonce));
        QVERIFY(bytes.contains("card-login"));
        QVERIFY(bytes.contains("counter-07"));
        QVERIFY(bytes.contains("2026-04-01T09:30:15Z"));
        HolderChallenge other = a;
        other.purpose = QStringLiteral("enrol");
        QVERIFY(other.toBytes() != bytes);
        QVERIFY(!HolderChallenge::create(QString(), QStringLiteral("t"), m_clock));
    }

    void prove_data()
    {
        QTest::addColumn<bool>("rightKey");
        QTest::newRow("card key matches certificate") << true;
        QTest::newRow("card signs with another key") << false;
    }

    void prove()
    {
        QFETCH(bool, rightKey);
        EVP_PKEY* signer = rightKey ? m_cardKey.get() : m_otherKey.get();
        const HolderChallenge fresh = challenge();
        const QByteArray expectedDigestInfo = JpkiCard::sha256DigestInfo(HolderProof::sha256(fresh.toBytes()));

        ScriptedConnection card;
        card.expect(SelectJpkiAp, Ok).expect(selectEf(0x0018), ok()).expect(RetryCounter, "63 C3");
        card.expect(verifyWith("4721"), ok());
        card.expect(selectEf(0x0017), ok()); // the JPKI AP is still selected
        const QByteArray signCommand = ScriptedConnection::hex("80 2A 00 80 33") + expectedDigestInfo + '\0';
        card.expectRespond(signCommand, [signer](const CommandApdu& command) {
            return ResponseApdu::fromBytes(cardSign(signer, command.data().view()) + ScriptedConnection::hex(Ok));
        });

        JpkiCard jpki(card);
        auto proof = HolderProof::prove(jpki, fresh, m_certificate, core::SecureBytes(QByteArrayView("4721")),
                                        PinConfirmation::NotConfirmed);
        QVERIFY2(card.isClean(), card.report().constData());
        QCOMPARE(card.transactions(), 1); // VERIFY and SIGN in one transaction
        if (rightKey) {
            QVERIFY2(proof.has_value(), proof ? "" : qPrintable(proof.error().toString()));
            QCOMPARE(proof->signature.size(), 256);
            QVERIFY(proof->pinVerifiedNow);
            QCOMPARE(proof->challenge, fresh.toBytes());
        } else {
            QVERIFY(!proof);
            QCOMPARE(proof.error().code, core::Errc::SignatureInvalid);
        }
    }

    void verifySignatureRejectsTampering()
    {
        const QByteArray message = challenge().toBytes();
        const QByteArray signature =
            cardSign(m_cardKey.get(), JpkiCard::sha256DigestInfo(HolderProof::sha256(message)));
        QVERIFY(HolderProof::verifySignature(m_certificate, message, signature));
        QByteArray tampered = message;
        tampered[30] = static_cast<char>(tampered[30] ^ 1);
        QCOMPARE(HolderProof::verifySignature(m_certificate, tampered, signature).error().code,
                 core::Errc::SignatureInvalid);
        QCOMPARE(HolderProof::verifySignature(QByteArray("\x30\x03\x02\x01\x01"), message, signature).error().code,
                 core::Errc::CertificateInvalid);
    }

    void wrongPinStopsBeforeSigning()
    {
        ScriptedConnection card;
        card.expect(SelectJpkiAp, Ok).expect(selectEf(0x0018), ok()).expect(RetryCounter, "63 C3");
        card.expect(verifyWith("4721"), "63 C2");
        JpkiCard jpki(card);
        auto proof = HolderProof::prove(jpki, challenge(), m_certificate, core::SecureBytes(QByteArrayView("4721")),
                                        PinConfirmation::NotConfirmed);
        QCOMPARE(proof.error().code, core::Errc::PinIncorrect);
        QCOMPARE(proof.error().nativeCode, qint64(0x63C2));
        QVERIFY2(card.isClean(), card.report().constData());
    }
};

QTEST_GUILESS_MAIN(TestHolderProof)
#include "TestHolderProof.moc"
