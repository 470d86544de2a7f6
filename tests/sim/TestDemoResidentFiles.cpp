#include "sim/DemoResidentFiles.h"

#include "SimFixtures.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using madoguchi::core::Errc;
using madoguchi::pki::DemoCardKind;
using madoguchi::pki::DemoResident;
using madoguchi::sim::DemoResidentFiles;

class TestDemoResidentFiles final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void badManifest_data();
    void badManifest();
    void missingDirectory();
};

void TestDemoResidentFiles::roundTrip_data()
{
    QTest::addColumn<int>("kind");
    for (const auto kind :
         {DemoCardKind::MyNumberCard, DemoCardKind::JukiCard, DemoCardKind::Smartphone, DemoCardKind::FaceAuthCard}) {
        QTest::newRow(qPrintable(DemoResidentFiles::kindName(kind))) << static_cast<int>(kind);
    }
}

void TestDemoResidentFiles::roundTrip()
{
    QFETCH(int, kind);
    DemoResident in = madoguchi::sim::test::makeResident(static_cast<DemoCardKind>(kind));
    if (in.authPin) {
        in.authPin->triesLeft = 1; // the "one try left" demo must survive a save
    }
    QTemporaryDir dir;
    QVERIFY(DemoResidentFiles::save(in, dir.path()).has_value());
    const auto perms = QFile::permissions(dir.filePath(QStringLiteral("auth-key.p8.der")));
    QVERIFY(perms.testFlags(QFile::ReadOwner | QFile::WriteOwner));
    QVERIFY(!(perms & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther)));
    const auto out = DemoResidentFiles::load(dir.path());
    QVERIFY2(out.has_value(), out ? "" : qPrintable(out.error().toString()));
    QCOMPARE(out->id, in.id);
    QCOMPARE(out->description, in.description);
    QCOMPARE(out->kind, in.kind);
    QCOMPARE(out->authCertDer, in.authCertDer);
    QCOMPARE(out->authCaCertDer, in.authCaCertDer);
    QCOMPARE(out->authKeyPkcs8Der, in.authKeyPkcs8Der);
    QCOMPARE(out->signCertDer, in.signCertDer);
    QCOMPARE(out->signCaCertDer, in.signCaCertDer);
    QCOMPARE(out->signKeyPkcs8Der, in.signKeyPkcs8Der);
    for (const auto member : {&DemoResident::authPin, &DemoResident::signPin, &DemoResident::textPin}) {
        QCOMPARE(((*out).*member).has_value(), (in.*member).has_value());
        if ((in.*member).has_value()) {
            QCOMPARE(((*out).*member)->value, (in.*member)->value);
            QCOMPARE(((*out).*member)->triesLeft, (in.*member)->triesLeft);
            QCOMPARE(((*out).*member)->maxTries, (in.*member)->maxTries);
        }
    }
    QCOMPARE(out->facts.name, in.facts.name);
    QCOMPARE(out->facts.address, in.facts.address);
    QCOMPARE(out->facts.birthDate, in.facts.birthDate);
    QCOMPARE(out->facts.sex, in.facts.sex);
    QCOMPARE(out->testIndividualNumber, in.testIndividualNumber);
}

void TestDemoResidentFiles::badManifest_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<int>("errc");

    QTest::newRow("unknown kind") << QStringLiteral("kind") << QJsonValue(QStringLiteral("credit-card"))
                                  << static_cast<int>(Errc::MalformedInput);
    QTest::newRow("future format") << QStringLiteral("format") << QJsonValue(2)
                                   << static_cast<int>(Errc::MalformedInput);
    QTest::newRow("path in file name") << QStringLiteral("files")
                                       << QJsonValue(
                                              QJsonObject{{QStringLiteral("authCert"), QStringLiteral("../x.der")}})
                                       << static_cast<int>(Errc::MalformedInput);
    QTest::newRow("missing DER file") << QStringLiteral("files")
                                      << QJsonValue(
                                             QJsonObject{{QStringLiteral("authCert"), QStringLiteral("gone.der")}})
                                      << static_cast<int>(Errc::Io);
}

void TestDemoResidentFiles::badManifest()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(int, errc);

    QTemporaryDir dir;
    QVERIFY(DemoResidentFiles::save(madoguchi::sim::test::makeResident(), dir.path()).has_value());
    QFile manifest(dir.filePath(QString::fromLatin1(DemoResidentFiles::ManifestName)));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    QJsonObject o = QJsonDocument::fromJson(manifest.readAll()).object();
    manifest.close();
    o.insert(key, value);
    QVERIFY(manifest.open(QIODevice::WriteOnly | QIODevice::Truncate));
    manifest.write(QJsonDocument(o).toJson());
    manifest.close();

    const auto loaded = DemoResidentFiles::load(dir.path());
    QVERIFY(!loaded.has_value());
    QCOMPARE(static_cast<int>(loaded.error().code), errc);
}

void TestDemoResidentFiles::missingDirectory()
{
    const auto loaded = DemoResidentFiles::load(QStringLiteral("/nonexistent/madoguchi/resident"));
    QVERIFY(!loaded.has_value());
    QCOMPARE(loaded.error().code, Errc::Io);
}

QTEST_GUILESS_MAIN(TestDemoResidentFiles)
#include "TestDemoResidentFiles.moc"
