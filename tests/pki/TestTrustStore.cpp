// The trust store: embedded J-LIS roots (fingerprints pinned here), installed anchors, test roots.
#include "CertFactory.h"
#include "pki/TrustStore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace madoguchi;
using namespace madoguchi::pki;
using namespace madoguchi::pki::testing;

namespace {

QByteArray writeTemp(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    QFile file(dir.filePath(name));
    file.open(QIODevice::WriteOnly);
    file.write(bytes);
    return dir.filePath(name).toUtf8();
}

QByteArray pemOf(const QByteArray& der)
{
    return ossl::certToPem(ossl::certFromDer(der)->get());
}

} // namespace

class TestTrustStore final : public QObject
{
    Q_OBJECT

private:
    std::optional<TestPki> m_pki;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        auto pki = TestPki::create({quint64(3), testNow(), 1, std::nullopt, std::nullopt});
        QVERIFY(pki);
        m_pki = std::move(*pki);
        QVERIFY(m_dir.isValid());
    }

    // SHA-256 fingerprints computed with `openssl x509 -fingerprint -sha256` from
    // ../shared/jpki-roots, and the subject key identifiers J-LIS publishes.
    void builtInRootsHaveTheirFingerprints_data()
    {
        QTest::addColumn<QByteArray>("fingerprint");
        QTest::addColumn<QByteArray>("keyId");
        QTest::newRow("auth 2015") << QByteArray("4DCFC4CA0AAF9FB2A3081B3F0C991C320B3ACC008667A341EEAEC5AF1D58CA7D")
                                   << QByteArray("9567951B5CA70D84A0FFF1D85A87F1AAB1340385");
        QTest::newRow("auth 2023") << QByteArray("64114F29620C24ED2631D46476A040E7EE740D956089C00B036A6A8118C322B5")
                                   << QByteArray("1AC100F596A3BC8C4B3DF195E32699249E9E308A");
        QTest::newRow("sign 2015") << QByteArray("19645405A1FE14377434BD55957628AC4038557C542403A2243F21C706FC9355")
                                   << QByteArray("0D034CBB34D0714F45E45A1CAFD8FD143FAB54A7");
        QTest::newRow("sign 2023") << QByteArray("D227F6CDE11D35C5252178F106F843D24651944975413B539FA2FB68DBFA365F")
                                   << QByteArray("D21EA55895617E93ADBF966B941AB4EDF653F08F");
    }

    void builtInRootsHaveTheirFingerprints()
    {
        QFETCH(QByteArray, fingerprint);
        QFETCH(QByteArray, keyId);
        auto store = TrustStore::load(TrustMode::Production);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
        QCOMPARE(store->anchors().size(), size_t(4));
        const TrustAnchor* anchor = store->findByKeyId(QByteArray::fromHex(keyId));
        QVERIFY(anchor);
        QCOMPARE(anchor->origin, AnchorOrigin::BuiltIn);
        QVERIFY(!anchor->isTest);
        QCOMPARE(QCryptographicHash::hash(anchor->certDer, QCryptographicHash::Sha256).toHex().toUpper(), fingerprint);
        QVERIFY(!store->isTestPkiTrusted());
    }

    void generationsShareOneDnButNotOneKeyId()
    {
        auto store = TrustStore::load(TrustMode::Production);
        QVERIFY(store);
        QStringList subjects;
        for (const auto& anchor : store->anchors()) {
            subjects << anchor.subject;
        }
        subjects.removeDuplicates();
        QCOMPARE(subjects.size(), 2); // auth and sign, two generations each
    }

    void testRootsOnlyInTraining()
    {
        auto production = TrustStore::load(TrustMode::Production);
        QVERIFY(production);
        auto refused = production->addTestAnchor(m_pki->caCertDer(Hierarchy::Auth));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, core::Errc::UntrustedIssuer);
        QVERIFY(!production->isTestPkiTrusted());

        auto training = TrustStore::load(TrustMode::Training);
        QVERIFY(training);
        QVERIFY(!training->isTestPkiTrusted()); // training mode alone trusts no test root yet
        QVERIFY(training->addTestAnchor(m_pki->caCertDer(Hierarchy::Auth)));
        QVERIFY(training->isTestPkiTrusted());
        const TrustAnchor* anchor = training->findByKeyId(issuerOf(*m_pki, Hierarchy::Auth).keyId());
        QVERIFY(anchor && anchor->isTest && anchor->origin == AnchorOrigin::Test);
    }

    void administratorInstallsAnchorsPersistently()
    {
        const QString persisted = m_dir.filePath(QStringLiteral("anchors/installed.pem"));
        // A non-TEST CA (e.g. J-LIS's 2019 generation): built here with another DN.
        SeededRandom random(99);
        auto key = generateRsaKey(random);
        QVERIFY(key);
        CertificateBuilder builder;
        builder.serial(QByteArray::fromHex("0132C4AB"))
            .subject({{"C", QStringLiteral("JP")},
                      {"O", QStringLiteral("JPKI")},
                      {"OU", QStringLiteral("JPKI for digital signature")}})
            .validity(testNow().addYears(-2), testNow().addYears(8))
            .publicKey(key->get())
            .extension("basicConstraints", "critical,CA:TRUE")
            .extension("keyUsage", "critical,keyCertSign,cRLSign")
            .subjectKeyIdentifier();
        auto ca = builder.sign(nullptr, key->get());
        QVERIFY(ca);
        const QByteArray file = writeTemp(m_dir, QStringLiteral("new-root.pem"), ossl::certToPem(ca->get()));

        auto store = TrustStore::load(TrustMode::Production, persisted);
        QVERIFY(store);
        auto installed = store->installAnchorsFromFile(QString::fromUtf8(file));
        QVERIFY2(installed, qPrintable(installed ? QString() : installed.error().toString()));
        QCOMPARE(*installed, 1);
        QVERIFY(store->findByKeyId(ossl::subjectKeyId(ca->get())));

        auto reloaded = TrustStore::load(TrustMode::Production, persisted);
        QVERIFY(reloaded);
        QCOMPARE(reloaded->anchors().size(), size_t(5));
        const TrustAnchor* anchor = reloaded->findByKeyId(ossl::subjectKeyId(ca->get()));
        QVERIFY(anchor && anchor->origin == AnchorOrigin::Installed && !anchor->isTest);
    }

    void installRefusesWhatIsNoAnchor_data()
    {
        QTest::addColumn<int>("what");
        QTest::addColumn<int>("code");
        QTest::newRow("end-entity cert") << 0 << int(core::Errc::CertificateInvalid);
        QTest::newRow("TEST root in production") << 1 << int(core::Errc::UntrustedIssuer);
        QTest::newRow("garbage") << 2 << int(core::Errc::CertificateInvalid);
        QTest::newRow("missing file") << 3 << int(core::Errc::NotFound);
    }

    void installRefusesWhatIsNoAnchor()
    {
        QFETCH(int, what);
        QFETCH(int, code);
        const QString persisted = m_dir.filePath(QStringLiteral("refused/installed.pem"));
        auto store = TrustStore::load(TrustMode::Production, persisted);
        QVERIFY(store);
        auto ee = m_pki->issueAuthCert("ee", testNow(), testNow().addYears(1));
        QVERIFY(ee);
        const QByteArray contents[] = {pemOf(ee->certDer), pemOf(m_pki->caCertDer(Hierarchy::Sign)),
                                       QByteArray("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")};
        const QString file = what < 3 ? QString::fromUtf8(writeTemp(m_dir, QStringLiteral("x.pem"), contents[what]))
                                      : QStringLiteral("/nonexistent.pem");
        auto installed = store->installAnchorsFromFile(file);
        QVERIFY(!installed);
        QCOMPARE(int(installed.error().code), code);
        QCOMPARE(store->anchors().size(), size_t(4));
        QVERIFY(!QFile::exists(persisted));
    }
};

QTEST_GUILESS_MAIN(TestTrustStore)
#include "TestTrustStore.moc"
