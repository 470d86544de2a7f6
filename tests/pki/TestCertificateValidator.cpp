// Validation: every failure its own Errc; chains built by key identifier across two generations.
#include "CertFactory.h"
#include "pki/CertificateValidator.h"
#include "pki/DemoSet.h"

#include <QTemporaryDir>
#include <QTest>

using namespace madoguchi;
using namespace madoguchi::pki;
using namespace madoguchi::pki::testing;

class TestCertificateValidator final : public QObject
{
    Q_OBJECT

private:
    std::optional<TestPki> m_gen1;
    std::optional<TestPki> m_gen2;
    Issuer m_auth1, m_sign1, m_auth2;
    std::optional<TrustStore> m_store; // training: both generations trusted
    core::FixedClock m_clock{testNow()};

    core::Result<ValidatedCertificate> validate(const QByteArray& der,
                                                std::optional<JpkiCertificateKind> kind = std::nullopt)
    {
        return CertificateValidator(*m_store, m_clock).validate(der, kind);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Two generations of one hierarchy: same DNs, different keys (jpki-card.md §5).
        auto gen1 = TestPki::create({quint64(5), testNow(), 1, std::nullopt, std::nullopt});
        auto gen2 = TestPki::create({quint64(5), testNow(), 2, std::nullopt, std::nullopt});
        QVERIFY(gen1 && gen2);
        m_gen1 = std::move(*gen1);
        m_gen2 = std::move(*gen2);
        m_auth1 = issuerOf(*m_gen1, Hierarchy::Auth);
        m_sign1 = issuerOf(*m_gen1, Hierarchy::Sign);
        m_auth2 = issuerOf(*m_gen2, Hierarchy::Auth);
        QCOMPARE(ossl::nameToString(X509_get_subject_name(m_auth1.cert.get())),
                 ossl::nameToString(X509_get_subject_name(m_auth2.cert.get())));
        auto store = TrustStore::load(TrustMode::Training);
        QVERIFY(store);
        m_store = std::move(*store);
        for (const auto* pki : {&*m_gen1, &*m_gen2}) {
            QVERIFY(m_store->addTestAnchor(pki->caCertDer(Hierarchy::Auth)));
            QVERIFY(m_store->addTestAnchor(pki->caCertDer(Hierarchy::Sign)));
        }
    }

    void init() { m_clock.set(testNow()); }

    void validCertificatesOfBothKinds()
    {
        auto auth = validate(makeCert(m_auth1, authProfile(m_auth1)), JpkiCertificateKind::Auth);
        QVERIFY2(auth, qPrintable(auth ? QString() : auth.error().toString()));
        QCOMPARE(auth->certificate.kind(), JpkiCertificateKind::Auth);
        QVERIFY(auth->testPki);
        QVERIFY(!auth->testEnvironment);
        auto sign = validate(makeCert(m_sign1, signProfile(m_sign1)), JpkiCertificateKind::Sign);
        QVERIFY2(sign, qPrintable(sign ? QString() : sign.error().toString()));
        QCOMPARE(sign->certificate.personalData()->name, QStringLiteral("窓口　花子"));
    }

    void chainsAreBuiltByKeyIdAcrossGenerations()
    {
        auto first = validate(makeCert(m_auth1, authProfile(m_auth1)));
        auto second = validate(makeCert(m_auth2, authProfile(m_auth2)));
        QVERIFY(first && second);
        QCOMPARE(first->anchor.keyId, m_auth1.keyId());
        QCOMPARE(second->anchor.keyId, m_auth2.keyId());
        QVERIFY(first->anchor.keyId != second->anchor.keyId);

        // Trusting only generation 2: generation 1's cert has the same issuer DN but is untrusted.
        auto onlyGen2 = TrustStore::load(TrustMode::Training);
        QVERIFY(onlyGen2 && onlyGen2->addTestAnchor(m_gen2->caCertDer(Hierarchy::Auth)));
        auto refused = CertificateValidator(*onlyGen2, m_clock).validate(makeCert(m_auth1, authProfile(m_auth1)));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, core::Errc::UntrustedIssuer);
    }

    void testPkiIsNotTrustedInProduction()
    {
        auto production = TrustStore::load(TrustMode::Production);
        QVERIFY(production);
        auto result = CertificateValidator(*production, m_clock).validate(makeCert(m_auth1, authProfile(m_auth1)));
        QVERIFY(!result);
        QCOMPARE(result.error().code, core::Errc::UntrustedIssuer);
    }

    void failures_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<int>("code");
        using E = core::Errc;
        QTest::newRow("garbage") << 0 << int(E::CertificateInvalid);
        QTest::newRow("no AKI") << 1 << int(E::UntrustedIssuer);
        QTest::newRow("signed by another key, AKI of a trusted CA") << 2 << int(E::SignatureInvalid);
        QTest::newRow("expired") << 3 << int(E::Expired);
        QTest::newRow("not yet valid") << 4 << int(E::NotYetValid);
        QTest::newRow("no keyUsage") << 5 << int(E::KeyUsageInvalid);
        QTest::newRow("keyUsage keyCertSign") << 6 << int(E::KeyUsageInvalid);
        QTest::newRow("CA:TRUE") << 7 << int(E::KeyUsageInvalid);
        QTest::newRow("sign cert without nonRepudiation") << 8 << int(E::KeyUsageInvalid);
        QTest::newRow("no policy") << 9 << int(E::PolicyInvalid);
        QTest::newRow("auth cert where sign expected") << 10 << int(E::PolicyInvalid);
        QTest::newRow("unknown critical extension") << 11 << int(E::UnknownCriticalExtension);
        QTest::newRow("broken SAN") << 12 << int(E::CertificateInvalid);
        QTest::newRow("anchor expired") << 13 << int(E::Expired);
    }

    void failures()
    {
        QFETCH(int, fault);
        QFETCH(int, code);
        const Issuer& a = m_auth1;
        const QByteArray akid = a.keyId();
        std::optional<JpkiCertificateKind> expected;
        QByteArray der;
        switch (fault) {
        case 0:
            der = "not a certificate";
            break;
        case 1:
            der = makeCert(a, [](CertificateBuilder& b) { b.extension("keyUsage", "critical,digitalSignature"); });
            break;
        case 2:
            der = makeCert(a, authProfile(a), m_auth2.key.get());
            break;
        case 3:
            der = makeCert(a, authProfile(a));
            m_clock.set(testNow().addYears(5));
            break;
        case 4:
            der = makeCert(a, authProfile(a));
            m_clock.set(testNow().addYears(-2));
            break;
        case 5:
            der =
                makeCert(a, [&](CertificateBuilder& b) { b.authorityKeyIdentifier(akid).policies({oid::AuthPolicy}); });
            break;
        case 6:
            der = makeCert(a, [&](CertificateBuilder& b) {
                b.authorityKeyIdentifier(akid)
                    .policies({oid::AuthPolicy})
                    .extension("keyUsage", "critical,digitalSignature,keyCertSign");
            });
            break;
        case 7:
            der = makeCert(a, [&](CertificateBuilder& b) {
                authProfile(a)(b);
                b.extension("basicConstraints", "critical,CA:TRUE");
            });
            break;
        case 8:
            der = makeCert(m_sign1, [&](CertificateBuilder& b) {
                b.authorityKeyIdentifier(m_sign1.keyId())
                    .extension("keyUsage", "critical,digitalSignature")
                    .policies({oid::SignPolicy})
                    .otherNames(goodSan());
            });
            break;
        case 9:
            der = makeCert(a, [&](CertificateBuilder& b) {
                b.authorityKeyIdentifier(akid).extension("keyUsage", "critical,digitalSignature");
            });
            break;
        case 10:
            der = makeCert(a, authProfile(a));
            expected = JpkiCertificateKind::Sign;
            break;
        case 11:
            der = makeCert(a, [&](CertificateBuilder& b) {
                authProfile(a)(b);
                b.rawExtension("1.2.3.4.5.6", true, QByteArray("\x05\x00", 2));
            });
            break;
        case 12:
            der = makeCert(m_sign1, signProfile(m_sign1, {{oid::SanName, "x"}}));
            break;
        case 13:
            der = makeCert(a, [&](CertificateBuilder& b) {
                authProfile(a)(b);
                b.validity(testNow().addYears(-1), testNow().addYears(30));
            });
            m_clock.set(testNow().addYears(13));
            break; // the CA ends at now + 12 y
        }
        auto result = validate(der, expected);
        QVERIFY2(!result, "must fail");
        QCOMPARE(int(result.error().code), code);
        QVERIFY(!result.error().detail.isEmpty());
    }

    // The demo residents' cards as the counter sees them (revocation is not the validator's job).
    void demoResidents_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("code"); // -1: valid
        for (const char* id :
             {"valid", "moved", "lost", "renewed", "face-auth", "long-address", "one-try", "under15"}) {
            QTest::newRow(id) << QString::fromLatin1(id) << -1;
        }
        QTest::newRow("expired") << QStringLiteral("expired") << int(core::Errc::Expired);
    }

    void demoResidents()
    {
        QFETCH(QString, id);
        QFETCH(int, code);
        static const auto set = makeDemoSet();
        QVERIFY(set);
        auto store = TrustStore::load(TrustMode::Training);
        QVERIFY(store && store->addTestAnchor(set->authCaCertDer) && store->addTestAnchor(set->signCaCertDer));
        const core::FixedClock clock(set->now);
        const CertificateValidator validator(*store, clock);
        const DemoResident* resident = set->resident(id);
        QVERIFY(resident);
        for (const QByteArray& der : {resident->authCertDer, resident->signCertDer}) {
            if (der.isEmpty()) {
                continue;
            }
            auto result = validator.validate(der);
            QCOMPARE(result ? -1 : int(result.error().code), code);
        }
    }

    void testEnvironmentPolicy()
    {
        const QByteArray der = makeCert(m_sign1, signProfile(m_sign1, goodSan(), oid::TestSignPolicy));
        auto training = validate(der);
        QVERIFY(training);
        QVERIFY(training->testEnvironment);

        // In production the same policy is refused, even under a trusted (installed) anchor.
        QTemporaryDir dir;
        QFile pem(dir.filePath(QStringLiteral("root.pem")));
        SeededRandom random(7);
        auto key = generateRsaKey(random);
        CertificateBuilder builder;
        builder.serial("\x01")
            .subject({{"C", QStringLiteral("JP")}, {"O", QStringLiteral("Some CA")}})
            .validity(testNow().addYears(-1), testNow().addYears(5))
            .publicKey(key->get())
            .extension("basicConstraints", "critical,CA:TRUE")
            .extension("keyUsage", "critical,keyCertSign")
            .subjectKeyIdentifier();
        Issuer other{std::move(*builder.sign(nullptr, key->get())), std::move(*key)};
        QVERIFY(pem.open(QIODevice::WriteOnly));
        pem.write(ossl::certToPem(other.cert.get()));
        pem.close();
        auto production = TrustStore::load(TrustMode::Production, dir.filePath(QStringLiteral("installed.pem")));
        QVERIFY(production && production->installAnchorsFromFile(pem.fileName()));
        const CertificateValidator validator(*production, m_clock);
        QVERIFY(validator.validate(makeCert(other, signProfile(other))));
        auto refused = validator.validate(makeCert(other, signProfile(other, goodSan(), oid::TestSignPolicy)));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, core::Errc::PolicyInvalid);
    }
};

QTEST_GUILESS_MAIN(TestCertificateValidator)
#include "TestCertificateValidator.moc"
