// The test PKI: determinism, the JPKI profile of every certificate, CRLs with their reasons.
#include "pki/DemoSet.h"
#include "pki/JpkiOids.h"
#include "pki/OpenSsl.h"
#include "pki/TestPki.h"

#include <QCryptographicHash>
#include <QTest>

#include <map>

using namespace madoguchi;
using namespace madoguchi::pki;

namespace {

QString dnText(const X509_NAME* name)
{
    ossl::BioPtr bio(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, size);
}

QStringList policies(X509* cert)
{
    QStringList out;
    ossl::CertificatePoliciesPtr list(
        static_cast<CERTIFICATEPOLICIES*>(X509_get_ext_d2i(cert, NID_certificate_policies, nullptr, nullptr)));
    for (int i = 0; list && i < sk_POLICYINFO_num(list.get()); ++i) {
        char text[80] = {};
        OBJ_obj2txt(text, sizeof text, sk_POLICYINFO_value(list.get(), i)->policyid, 1);
        out << QString::fromLatin1(text);
    }
    return out;
}

// SAN otherNames read with OpenSSL: OID → UTF-8 value (and the ASN.1 type must be UTF8String).
std::map<QByteArray, QString> otherNames(X509* cert)
{
    std::map<QByteArray, QString> out;
    ossl::GeneralNamesPtr names(
        static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr)));
    for (int i = 0; names && i < sk_GENERAL_NAME_num(names.get()); ++i) {
        const GENERAL_NAME* name = sk_GENERAL_NAME_value(names.get(), i);
        if (name->type != GEN_OTHERNAME || name->d.otherName->value->type != V_ASN1_UTF8STRING) {
            continue;
        }
        char oid[80] = {};
        OBJ_obj2txt(oid, sizeof oid, name->d.otherName->type_id, 1);
        out[QByteArray(oid)] = QString::fromUtf8(ossl::toBytes(name->d.otherName->value->value.utf8string));
    }
    return out;
}

int reasonOf(X509_REVOKED* revoked)
{
    std::unique_ptr<ASN1_ENUMERATED, ossl::Deleter<ASN1_ENUMERATED_free>> reason(
        static_cast<ASN1_ENUMERATED*>(X509_REVOKED_get_ext_d2i(revoked, NID_crl_reason, nullptr, nullptr)));
    return reason ? static_cast<int>(ASN1_ENUMERATED_get(reason.get())) : -1;
}

// -1: not on the CRL; else the reason code.
int crlStatus(const QByteArray& crlDer, const QByteArray& certDer)
{
    auto crl = ossl::crlFromDer(crlDer);
    auto cert = ossl::certFromDer(certDer);
    X509_REVOKED* revoked = nullptr;
    if (X509_CRL_get0_by_serial(crl->get(), &revoked, X509_get0_serialNumber(cert->get())) != 1) {
        return -1;
    }
    return reasonOf(revoked);
}

bool verifiedBy(const QByteArray& certDer, const QByteArray& caDer)
{
    auto cert = ossl::certFromDer(certDer);
    auto ca = ossl::certFromDer(caDer);
    return X509_verify(cert->get(), X509_get0_pubkey(ca->get())) == 1;
}

} // namespace

class TestTestPki final : public QObject
{
    Q_OBJECT

private:
    DemoSet m_set;

    const DemoResident& resident(const char* id)
    {
        const DemoResident* r = m_set.resident(QString::fromLatin1(id));
        if (r == nullptr) {
            qFatal("no resident %s", id);
        }
        return *r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto set = makeDemoSet();
        QVERIFY2(set, qPrintable(set ? QString() : set.error().toString()));
        m_set = std::move(*set);
    }

    void sameSeedAndClockGiveIdenticalBytes()
    {
        auto again = makeDemoSet();
        QVERIFY(again);
        QCOMPARE(again->authCaCertDer, m_set.authCaCertDer);
        QCOMPARE(again->signCaKeyPkcs8Der, m_set.signCaKeyPkcs8Der);
        QCOMPARE(again->authCrlDer, m_set.authCrlDer);
        QCOMPARE(again->signCrlDer, m_set.signCrlDer);
        QCOMPARE(again->signOcspSignerKeyPkcs8Der, m_set.signOcspSignerKeyPkcs8Der);
        QCOMPARE(again->residents.size(), m_set.residents.size());
        for (size_t i = 0; i < m_set.residents.size(); ++i) {
            QCOMPARE(again->residents[i].authCertDer, m_set.residents[i].authCertDer);
            QCOMPARE(again->residents[i].authKeyPkcs8Der, m_set.residents[i].authKeyPkcs8Der);
            QCOMPARE(again->residents[i].signCertDer, m_set.residents[i].signCertDer);
            QCOMPARE(again->residents[i].signKeyPkcs8Der, m_set.residents[i].signKeyPkcs8Der);
            QCOMPARE(again->residents[i].testIndividualNumber, m_set.residents[i].testIndividualNumber);
        }
    }

    // Pinned across processes and machines: the default set's auth CA key is always these bytes
    // (a cache of the demo set, or a card simulator on another machine, relies on it).
    void defaultSetIsPinned()
    {
        QCOMPARE(QCryptographicHash::hash(m_set.authCaKeyPkcs8Der, QCryptographicHash::Sha256).toHex(),
                 QByteArray("1eaf765640bbb06c0c1e121460b457036c225c924bf6775280cba862551a0ce6"));
    }

    void otherSeedOrUnseededGivesOtherKeys()
    {
        const QDateTime now = DemoSet::defaultNow();
        auto seeded = TestPki::create({quint64(7), now, 1, std::nullopt, std::nullopt});
        auto unseeded1 = TestPki::create({std::nullopt, now, 1, std::nullopt, std::nullopt});
        auto unseeded2 = TestPki::create({std::nullopt, now, 1, std::nullopt, std::nullopt});
        QVERIFY(seeded && unseeded1 && unseeded2);
        QVERIFY(seeded->caKeyPkcs8Der(Hierarchy::Auth) != m_set.authCaKeyPkcs8Der);
        QVERIFY(unseeded1->caKeyPkcs8Der(Hierarchy::Auth) != unseeded2->caKeyPkcs8Der(Hierarchy::Auth));
    }

    void caProfile_data()
    {
        QTest::addColumn<bool>("auth");
        QTest::newRow("auth CA") << true;
        QTest::newRow("sign CA") << false;
    }

    void caProfile()
    {
        QFETCH(bool, auth);
        const QByteArray der = auth ? m_set.authCaCertDer : m_set.signCaCertDer;
        auto ca = ossl::certFromDer(der);
        QVERIFY(ca);
        const QString purpose =
            auth ? QStringLiteral("JPKI for user authentication") : QStringLiteral("JPKI for digital signature");
        QCOMPARE(
            dnText(X509_get_subject_name(ca->get())),
            QStringLiteral("OU=Japan Agency for Local Authority Information Systems,OU=%1,OU=TEST,O=JPKI TEST,C=JP")
                .arg(purpose));
        QCOMPARE(X509_check_ca(ca->get()), 1);
        QCOMPARE(X509_get_signature_nid(ca->get()), NID_sha256WithRSAEncryption);
        QCOMPARE(EVP_PKEY_get_bits(X509_get0_pubkey(ca->get())), 2048);
        QVERIFY(X509_get_key_usage(ca->get()) & KU_KEY_CERT_SIGN);
        QCOMPARE(ossl::subjectKeyId(ca->get()), ossl::publicKeySha1(ca->get()));
        QCOMPARE(ossl::authorityKeyId(ca->get()), ossl::subjectKeyId(ca->get()));
        QVERIFY(verifiedBy(der, der));
        QCOMPARE(ossl::serialBytes(ca->get()).size(), 16);
    }

    void authCertProfile_data()
    {
        QTest::addColumn<QString>("id");
        for (const char* id :
             {"valid", "moved", "lost", "renewed", "expired", "face-auth", "long-address", "one-try", "under15"}) {
            QTest::newRow(id) << QString::fromLatin1(id);
        }
    }

    void authCertProfile()
    {
        QFETCH(QString, id);
        const DemoResident* r = m_set.resident(id);
        QVERIFY(r);
        auto cert = ossl::certFromDer(r->authCertDer);
        QVERIFY(cert);
        const QString subject = dnText(X509_get_subject_name(cert->get()));
        QVERIFY2(QRegularExpression(QStringLiteral("^CN=[0-9A-F]{20},C=JP$")).match(subject).hasMatch(),
                 qPrintable(subject));
        QCOMPARE(policies(cert->get()), QStringList{QString::fromLatin1(oid::AuthPolicy)});
        QVERIFY(X509_get_ext_by_NID(cert->get(), NID_subject_alt_name, -1) < 0); // no personal data
        QCOMPARE(ossl::authorityKeyId(cert->get()), ossl::subjectKeyId(ossl::certFromDer(m_set.authCaCertDer)->get()));
        QVERIFY(verifiedBy(r->authCertDer, m_set.authCaCertDer));
        QCOMPARE(X509_get_key_usage(cert->get()), quint32(KU_DIGITAL_SIGNATURE));
        QCOMPARE(r->authCaCertDer, m_set.authCaCertDer);
        QVERIFY(!r->authKeyPkcs8Der.isEmpty());
    }

    void signCertProfileAndSanParseBack()
    {
        const DemoResident& r = resident("long-address");
        auto cert = ossl::certFromDer(r.signCertDer);
        QVERIFY(cert);
        QCOMPARE(dnText(X509_get_subject_name(cert->get())),
                 QStringLiteral("CN=202406050800000001463035,L=鹿児島郡十島村,L=鹿児島県,C=JP"));
        QCOMPARE(policies(cert->get()), QStringList{QString::fromLatin1(oid::SignPolicy)});
        const auto names = otherNames(cert->get());
        QCOMPARE(names.size(), size_t(6));
        QCOMPARE(names.at(oid::SanName), QStringLiteral("𠮷田　髙子"));
        QCOMPARE(names.at(oid::SanNameFlags), QStringLiteral("10010"));
        QCOMPARE(names.at(oid::SanSex), QStringLiteral("2"));
        QCOMPARE(names.at(oid::SanBirth), QStringLiteral("319640229")); // 昭和
        QCOMPARE(names.at(oid::SanAddress), r.facts.address);
        QCOMPARE(names.at(oid::SanAddressFlags).size(), r.facts.address.toUcs4().size());
        QVERIFY(names.at(oid::SanAddressFlags).contains(QLatin1Char('1')));
        QVERIFY(verifiedBy(r.signCertDer, m_set.signCaCertDer));
        QCOMPARE(X509_get_key_usage(cert->get()), quint32(KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION));
    }

    void validityEndsOnTheFifthBirthdayAfterIssue_data()
    {
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<QDateTime>("issued");
        QTest::addColumn<QDateTime>("notAfter");
        const auto jst = [](int y, int m, int d) { return QDateTime(QDate(y, m, d), QTime(14, 59, 59), Qt::UTC); };
        QTest::newRow("birthday later in the year")
            << QDate(1985, 6, 15) << QDateTime(QDate(2024, 1, 10), QTime(1, 0), Qt::UTC) << jst(2028, 6, 15);
        QTest::newRow("birthday earlier in the year")
            << QDate(1985, 6, 15) << QDateTime(QDate(2024, 7, 1), QTime(1, 0), Qt::UTC) << jst(2029, 6, 15);
        QTest::newRow("issued on the birthday")
            << QDate(1985, 6, 15) << QDateTime(QDate(2024, 6, 15), QTime(1, 0), Qt::UTC) << jst(2029, 6, 15);
        // 23:30 UTC is already the next day in Japan: the birthday counts from the JST date.
        QTest::newRow("JST date decides")
            << QDate(1985, 6, 15) << QDateTime(QDate(2024, 6, 14), QTime(23, 30), Qt::UTC) << jst(2029, 6, 15);
        QTest::newRow("29 February") << QDate(1964, 2, 29) << QDateTime(QDate(2024, 6, 5), QTime(1, 0), Qt::UTC)
                                     << jst(2029, 2, 28);
    }

    void validityEndsOnTheFifthBirthdayAfterIssue()
    {
        QFETCH(QDate, birth);
        QFETCH(QDateTime, issued);
        QFETCH(QDateTime, notAfter);
        QCOMPARE(TestPki::fifthBirthdayAfter(birth, issued), notAfter);
    }

    void crlsCarryTheRightReasons_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("authReason");
        QTest::addColumn<int>("signReason");
        QTest::newRow("valid") << QStringLiteral("valid") << -1 << -1;
        QTest::newRow("moved") << QStringLiteral("moved") << -1 << 3;
        QTest::newRow("lost") << QStringLiteral("lost") << 1 << 1;
        QTest::newRow("renewed (new card)") << QStringLiteral("renewed") << -1 << -1;
        QTest::newRow("expired") << QStringLiteral("expired") << -1 << -1;
    }

    void crlsCarryTheRightReasons()
    {
        QFETCH(QString, id);
        QFETCH(int, authReason);
        QFETCH(int, signReason);
        const DemoResident* r = m_set.resident(id);
        QVERIFY(r);
        QCOMPARE(crlStatus(m_set.authCrlDer, r->authCertDer), authReason);
        QCOMPARE(crlStatus(m_set.signCrlDer, r->signCertDer), signReason);
    }

    void crlHeaderAndSuccession()
    {
        for (const auto& [der, caDer] :
             {std::pair{m_set.authCrlDer, m_set.authCaCertDer}, std::pair{m_set.signCrlDer, m_set.signCaCertDer}}) {
            auto crl = ossl::crlFromDer(der);
            auto ca = ossl::certFromDer(caDer);
            QVERIFY(crl && ca);
            QCOMPARE(X509_CRL_verify(crl->get(), X509_get0_pubkey(ca->get())), 1);
            QCOMPARE(X509_CRL_get_version(crl->get()), long(X509_CRL_VERSION_2));
            QVERIFY(X509_CRL_get_ext_by_NID(crl->get(), NID_crl_number, -1) >= 0);
            QVERIFY(X509_CRL_get_ext_by_NID(crl->get(), NID_authority_key_identifier, -1) >= 0);
            QCOMPARE(ossl::fromAsn1Time(X509_CRL_get0_nextUpdate(crl->get())), m_set.now.addDays(1));
        }
        QCOMPARE(m_set.successions.size(), size_t(1));
        const DemoSuccession& s = m_set.successions.front();
        QCOMPARE(s.residentId, QStringLiteral("renewed"));
        QCOMPARE(crlStatus(m_set.authCrlDer, s.oldAuthCertDer), 4);
        QCOMPARE(s.newSerial, ossl::serialBytes(ossl::certFromDer(resident("renewed").authCertDer)->get()));
        QVERIFY(s.oldSerial != s.newSerial);
    }

    void expiredResidentIsExpired()
    {
        const DemoResident& r = resident("expired");
        for (const QByteArray& der : {r.authCertDer, r.signCertDer}) {
            auto cert = ossl::certFromDer(der);
            QVERIFY(ossl::fromAsn1Time(X509_get0_notAfter(cert->get())) < m_set.now);
        }
        auto valid = ossl::certFromDer(resident("valid").authCertDer);
        QVERIFY(ossl::fromAsn1Time(X509_get0_notAfter(valid->get())) > m_set.now);
    }

    void ocspSignerProfile()
    {
        for (const auto& [der, caDer] : {std::pair{m_set.authOcspSignerCertDer, m_set.authCaCertDer},
                                         std::pair{m_set.signOcspSignerCertDer, m_set.signCaCertDer}}) {
            auto cert = ossl::certFromDer(der);
            QVERIFY(cert);
            QVERIFY(X509_get_extended_key_usage(cert->get()) & XKU_OCSP_SIGN);
            QVERIFY(X509_get_ext_by_NID(cert->get(), NID_id_pkix_OCSP_noCheck, -1) >= 0);
            QVERIFY(verifiedBy(der, caDer));
        }
    }
};

QTEST_GUILESS_MAIN(TestTestPki)
#include "TestTestPki.moc"
