// The JPKI certificate model against good and broken certificates built with OpenSSL.
#include "CertFactory.h"
#include "pki/JpkiCertificate.h"

#include <QTest>

#include <algorithm>

using namespace madoguchi;
using namespace madoguchi::pki;
using namespace madoguchi::pki::testing;

Q_DECLARE_METATYPE(std::vector<madoguchi::pki::OtherNameSpec>)

namespace {

std::vector<OtherNameSpec> with(std::vector<OtherNameSpec> san, const char* oid, QByteArray value,
                                int type = V_ASN1_UTF8STRING)
{
    for (auto& spec : san) {
        if (spec.oid == oid) {
            spec.value = std::move(value);
            spec.asn1Type = type;
        }
    }
    return san;
}

std::vector<OtherNameSpec> without(std::vector<OtherNameSpec> san, const char* oid)
{
    san.erase(std::remove_if(san.begin(), san.end(), [oid](const OtherNameSpec& s) { return s.oid == oid; }),
              san.end());
    return san;
}

} // namespace

class TestJpkiCertificate final : public QObject
{
    Q_OBJECT

private:
    std::optional<TestPki> m_pki;
    Issuer m_sign;
    Issuer m_auth;

private Q_SLOTS:
    void initTestCase()
    {
        auto pki = TestPki::create({quint64(1), testNow(), 1, std::nullopt, std::nullopt});
        QVERIFY(pki);
        m_pki = std::move(*pki);
        m_sign = issuerOf(*m_pki, Hierarchy::Sign);
        m_auth = issuerOf(*m_pki, Hierarchy::Auth);
    }

    void parsesTheTestPkisSigningCert()
    {
        JpkiPersonalData personal{QStringLiteral("𠮷田　髙子"), QStringLiteral("10010"),
                                  QStringLiteral("2"),          3,
                                  QDate(1964, 2, 29),           QStringLiteral("鹿児島県十島村𠮷﨑"),
                                  QStringLiteral("000000011")};
        const SignCertProfile profile{QStringLiteral("鹿児島県"),
                                      QStringLiteral("鹿児島郡十島村"),
                                      QStringLiteral("463035"),
                                      7,
                                      personal,
                                      testNow(),
                                      testNow().addYears(4)};
        auto issued = m_pki->issueSignCert("model", profile);
        QVERIFY(issued);
        auto cert = JpkiCertificate::parse(issued->certDer);
        QVERIFY2(cert, qPrintable(cert ? QString() : cert.error().toString()));
        QCOMPARE(cert->kind(), JpkiCertificateKind::Sign);
        QCOMPARE(cert->policyOid(), QString::fromLatin1(oid::SignPolicy));
        QVERIFY(!cert->isTestEnvironmentPolicy());
        QVERIFY(cert->personalData());
        QCOMPARE(*cert->personalData(), personal);
        QCOMPARE(cert->identity().serial, issued->serial);
        QCOMPARE(cert->identity().issuerKeyId, m_sign.keyId());
        QCOMPARE(cert->notBefore(), testNow());
        QCOMPARE(cert->notAfter(), testNow().addYears(4));
    }

    void authCertHasIdentityButNoPersonalData()
    {
        auto issued = m_pki->issueAuthCert("model", testNow(), testNow().addYears(4));
        QVERIFY(issued);
        auto cert = JpkiCertificate::parse(issued->certDer);
        QVERIFY(cert);
        QCOMPARE(cert->kind(), JpkiCertificateKind::Auth);
        QVERIFY(!cert->personalData());
        QCOMPARE(cert->identity(), (CardIdentity{m_auth.keyId(), issued->serial}));
        // PEM gives the same model.
        auto x = ossl::certFromDer(issued->certDer);
        auto fromPem = JpkiCertificate::parse(ossl::certToPem(x->get()));
        QVERIFY(fromPem);
        QCOMPARE(fromPem->identity(), cert->identity());
        QCOMPARE(fromPem->der(), issued->certDer);
    }

    void cardIdentityTextFormAndOrder()
    {
        const CardIdentity a{QByteArray::fromHex("0a0b"), QByteArray::fromHex("01ff")};
        const CardIdentity b{QByteArray::fromHex("0a0b"), QByteArray::fromHex("0200")};
        const CardIdentity c{QByteArray::fromHex("ff"), QByteArray::fromHex("01")};
        QCOMPARE(a.toString(), QStringLiteral("0a0b:01ff"));
        QCOMPARE(*CardIdentity::fromString(QStringLiteral("0A0B:01FF")), a);
        QVERIFY(!CardIdentity::fromString(QStringLiteral("0a0b")));
        QVERIFY(!CardIdentity::fromString(QStringLiteral("0a0:01")));
        QVERIFY(!CardIdentity::fromString(QStringLiteral("zz:01")));
        QVERIFY(a < b && b < c && a != b);
        // Same serial under another generation's key id is another card.
        QVERIFY((CardIdentity{QByteArray::fromHex("01"), a.serial}) != a);
    }

    void sanOrderDoesNotMatter()
    {
        std::vector<OtherNameSpec> san = goodSan();
        std::reverse(san.begin(), san.end());
        auto cert = JpkiCertificate::parse(makeCert(m_sign, signProfile(m_sign, san)));
        QVERIFY2(cert, qPrintable(cert ? QString() : cert.error().toString()));
        QCOMPARE(cert->personalData()->name, QStringLiteral("窓口　花子"));
        QCOMPARE(cert->personalData()->eraDigit, 3);
        QCOMPARE(cert->personalData()->birthDate, QDate(1985, 6, 15));
    }

    void brokenSanIsRejected_data()
    {
        QTest::addColumn<std::vector<OtherNameSpec>>("san");
        QTest::addColumn<QString>("detail");
        const auto good = goodSan();
        QTest::newRow("name missing") << without(good, oid::SanName) << QStringLiteral("8.5.5.1 missing");
        QTest::newRow("address flags missing")
            << without(good, oid::SanAddressFlags) << QStringLiteral("8.5.5.6 missing");
        auto twice = good;
        twice.push_back(good.front());
        QTest::newRow("name twice") << twice << QStringLiteral("appears twice");
        QTest::newRow("PrintableString") << with(good, oid::SanSex, "2", V_ASN1_PRINTABLESTRING)
                                         << QStringLiteral("PRINTABLESTRING, not UTF8String");
        QTest::newRow("IA5String") << with(good, oid::SanBirth, "319850615", V_ASN1_IA5STRING)
                                   << QStringLiteral("not UTF8String");
        QTest::newRow("invalid UTF-8") << with(good, oid::SanName, "\xe7\xaa\x93\xff\xff")
                                       << QStringLiteral("not valid UTF-8");
        QTest::newRow("era digit 7") << with(good, oid::SanBirth, "719850615") << QStringLiteral("era digit 7");
        QTest::newRow("era 平成 for 1985")
            << with(good, oid::SanBirth, "419850615") << QStringLiteral("falls in era 3");
        QTest::newRow("30 February") << with(good, oid::SanBirth, "319850230") << QStringLiteral("not a calendar date");
        QTest::newRow("birth too short") << with(good, oid::SanBirth, "31985061") << QStringLiteral("not EYYYYMMDD");
        QTest::newRow("birth not digits") << with(good, oid::SanBirth, "S19850615") << QStringLiteral("not EYYYYMMDD");
        QTest::newRow("name flags too short")
            << with(good, oid::SanNameFlags, "0000") << QStringLiteral("4 flags for 5 characters");
        QTest::newRow("address flags too long")
            << with(good, oid::SanAddressFlags, "00000000000000000") << QStringLiteral("17 flags for 16 characters");
        QTest::newRow("flag not 0/1") << with(good, oid::SanNameFlags, "00200") << QStringLiteral("contain '2'");
        QTest::newRow("sex 3") << with(good, oid::SanSex, "3") << QStringLiteral("not 1, 2 or 9");
        QTest::newRow("empty address") << with(with(good, oid::SanAddress, ""), oid::SanAddressFlags, "")
                                       << QStringLiteral("address is empty");
    }

    void brokenSanIsRejected()
    {
        QFETCH(std::vector<OtherNameSpec>, san);
        QFETCH(QString, detail);
        const QByteArray der = makeCert(m_sign, signProfile(m_sign, san));
        QVERIFY(!der.isEmpty());
        auto cert = JpkiCertificate::parse(der);
        QVERIFY(!cert);
        QCOMPARE(cert.error().code, core::Errc::CertificateInvalid);
        QVERIFY2(cert.error().detail.contains(detail), qPrintable(cert.error().detail));
    }

    void eraDigitZeroMeansUnknown()
    {
        auto cert =
            JpkiCertificate::parse(makeCert(m_sign, signProfile(m_sign, with(goodSan(), oid::SanBirth, "019850615"))));
        QVERIFY(cert);
        QCOMPARE(cert->personalData()->eraDigit, 0);
    }

    void otherStructuralFaults_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<QString>("detail");
        QTest::newRow("auth cert with personal data") << 0 << QStringLiteral("auth certificate carries personal");
        QTest::newRow("no AKI") << 1 << QStringLiteral("no authorityKeyIdentifier");
        QTest::newRow("no policies") << 2 << QStringLiteral("no certificatePolicies");
        QTest::newRow("two JPKI policies") << 3 << QStringLiteral("more than one JPKI policy");
        QTest::newRow("foreign policy only") << 4 << QStringLiteral("no JPKI certificate policy");
        QTest::newRow("garbage") << 5 << QStringLiteral("not a DER certificate");
    }

    void otherStructuralFaults()
    {
        QFETCH(int, fault);
        QFETCH(QString, detail);
        const QByteArray keyId = m_auth.keyId();
        const Customize customize[] = {
            [&](CertificateBuilder& b) {
                authProfile(m_auth)(b);
                b.otherNames(goodSan());
            },
            [&](CertificateBuilder& b) { b.policies({oid::AuthPolicy}); },
            [&](CertificateBuilder& b) { b.authorityKeyIdentifier(keyId); },
            [&](CertificateBuilder& b) {
                b.authorityKeyIdentifier(keyId).policies({oid::AuthPolicy, oid::SignPolicy});
            },
            [&](CertificateBuilder& b) { b.authorityKeyIdentifier(keyId).policies({"1.2.3.4"}); },
        };
        const QByteArray der = fault < 5 ? makeCert(m_auth, customize[fault]) : QByteArray("\x30\x03\x02\x01\x01", 5);
        auto cert = JpkiCertificate::parse(der);
        QVERIFY(!cert);
        QCOMPARE(cert.error().code, core::Errc::CertificateInvalid);
        QVERIFY2(cert.error().detail.contains(detail), qPrintable(cert.error().detail));
    }

    void testEnvironmentPolicyIsFlagged()
    {
        auto cert = JpkiCertificate::parse(makeCert(m_sign, signProfile(m_sign, goodSan(), oid::TestSignPolicy)));
        QVERIFY(cert);
        QVERIFY(cert->isTestEnvironmentPolicy());
        QCOMPARE(cert->kind(), JpkiCertificateKind::Sign);
    }
};

QTEST_GUILESS_MAIN(TestJpkiCertificate)
#include "TestJpkiCertificate.moc"
