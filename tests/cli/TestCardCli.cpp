// madoguchi-cli card … --training ID as whole processes: no pcscd needed (the in-process training
// reader). The PIN goes in on stdin, never in argv; outputs must never carry it or personal data.
#include "pki/DemoSet.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace madoguchi;

namespace {

enum Exit
{
    Ok = 0,
    Usage = 2,
    Pcsc = 3,
    Card = 4,
    Pin = 5,
};

} // namespace

class TestCardCli final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void verbs_data();
    void verbs();
    void readShowsTheCardIdentity();
    void wrongPinThenRightPin();
    void lastTryNeedsConfirmation();
    void noPersonalDataInAnyOutput();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QJsonObject json;
    };
    [[nodiscard]] Run run(const QStringList& args, const QByteArray& stdinData = {});
    [[nodiscard]] QByteArray pinOf(const QString& id) const;

    QString m_cacheRoot = QStringLiteral(MADOGUCHI_TEST_CACHE);
    pki::DemoSet m_demo;
    QList<QByteArray> m_outputs; // everything printed, for the leak check
};

void TestCardCli::initTestCase()
{
    // The CLI caches the demo set in QStandardPaths::CacheLocation; share it through XDG_CACHE_HOME.
    const QString dir = m_cacheRoot + QStringLiteral("/Madoguchi/madoguchi-cli/demo-set");
    auto loaded = QDir(dir).exists() ? pki::DemoSet::loadFrom(dir) : core::fail(core::Errc::NotFound, QString());
    if (!loaded) {
        loaded = pki::makeDemoSet();
        QVERIFY(loaded.has_value());
        QVERIFY(loaded->saveTo(dir).has_value());
    }
    m_demo = std::move(*loaded);
}

TestCardCli::Run TestCardCli::run(const QStringList& args, const QByteArray& stdinData)
{
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_cacheRoot);
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(MADOGUCHI_CLI_EXE), QStringList{QStringLiteral("--json"), QStringLiteral("card")} + args);
    cli.write(stdinData);
    cli.closeWriteChannel();
    Run r;
    if (!cli.waitForFinished(60000) || cli.exitStatus() != QProcess::NormalExit) {
        cli.kill();
        return r;
    }
    r.exitCode = cli.exitCode();
    r.out = cli.readAllStandardOutput();
    r.err = cli.readAllStandardError();
    r.json = QJsonDocument::fromJson(r.out).object();
    m_outputs << r.out << r.err;
    return r;
}

QByteArray TestCardCli::pinOf(const QString& id) const
{
    const pki::DemoResident* resident = m_demo.resident(id);
    return resident && resident->authPin ? resident->authPin->value : QByteArray();
}

void TestCardCli::verbs_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("stdinPinOf"); // resident whose auth PIN goes on stdin; "" none
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariant>("value");

    const auto a = [](const char* text) { return QString::fromLatin1(text).split(QLatin1Char(' ')); };
    QTest::newRow("list") << a("list --training valid") << "" << int(Ok) << "ok" << QVariant(true);
    QTest::newRow("read valid") << a("read --training valid") << "" << int(Ok) << "chain"
                                << QVariant(QStringLiteral("trusted_test_pki"));
    QTest::newRow("read production trust") << a("read --training valid --trust production") << "" << int(Ok)
                                           << "chainError" << QVariant(QStringLiteral("untrusted_issuer"));
    QTest::newRow("read expired") << a("read --training expired") << "" << int(Ok) << "chainError"
                                  << QVariant(QStringLiteral("expired"));
    QTest::newRow("read extended") << a("read --training valid --extended") << "" << int(Ok) << "hasPins"
                                   << QVariant(true);
    QTest::newRow("read face-auth") << a("read --training face-auth") << "" << int(Ok) << "hasPins" << QVariant(false);
    QTest::newRow("pin-status face-auth")
        << a("pin-status --training face-auth") << "" << int(Ok) << "hasPins" << QVariant(false);
    QTest::newRow("pin-status face-auth auth") << a("pin-status --training face-auth --pin auth") << "" << int(Pin)
                                               << "error" << QVariant(QStringLiteral("pin_not_available"));
    QTest::newRow("verify face-auth") << a("verify-pin --pin auth --training face-auth") << "" << int(Pin) << "error"
                                      << QVariant(QStringLiteral("pin_not_available"));
    QTest::newRow("pin-status valid") << a("pin-status --training valid") << "" << int(Ok) << "hasPins"
                                      << QVariant(true);
    QTest::newRow("verify right") << a("verify-pin --pin auth --training valid") << "valid" << int(Ok) << "verified"
                                  << QVariant(true);
    QTest::newRow("verify no PIN given") << a("verify-pin --pin auth --training valid") << "" << int(Ok + 1) << "error"
                                         << QVariant(QStringLiteral("cancelled"));
    QTest::newRow("verify bad format") << a("verify-pin --pin auth --training valid") << "lost-format" << int(Pin)
                                       << "error" << QVariant(QStringLiteral("pin_format"));
    QTest::newRow("prove valid") << a("prove --training valid") << "valid" << int(Ok) << "assurance"
                                 << QVariant(QStringLiteral("pin_signature"));
    QTest::newRow("prove expired refused before PIN")
        << a("prove --training expired") << "expired" << int(7) << "error" << QVariant(QStringLiteral("expired"));
    QTest::newRow("prove one-try") << a("prove --training one-try") << "one-try" << int(Pin) << "error"
                                   << QVariant(QStringLiteral("pin_needs_confirmation"));
    QTest::newRow("one-try wrong confirmed blocks")
        << a("verify-pin --pin auth --training one-try --confirm-last-try") << "wrong" << int(Pin) << "error"
        << QVariant(QStringLiteral("pin_blocked"));
    QTest::newRow("unknown demo card") << a("read --training nobody") << "" << int(Usage) << "error"
                                       << QVariant(QStringLiteral("invalid_argument"));
    QTest::newRow("no such reader") << a("read --training valid --reader nope") << "" << int(Pcsc) << "error"
                                    << QVariant(QStringLiteral("reader_unavailable"));
}

void TestCardCli::verbs()
{
    QFETCH(QStringList, args);
    QFETCH(QString, stdinPinOf);
    QFETCH(int, exitCode);
    QFETCH(QString, field);
    QFETCH(QVariant, value);
    QByteArray input;
    if (stdinPinOf == QStringLiteral("lost-format")) {
        input = "12a4\n";
    } else if (stdinPinOf == QStringLiteral("wrong")) {
        input = "0000\n";
    } else if (!stdinPinOf.isEmpty()) {
        input = pinOf(stdinPinOf) + '\n';
    }
    const Run r = run(args, input);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.json.contains(field), r.out.constData());
    QCOMPARE(r.json.value(field).toVariant(), value);
}

void TestCardCli::readShowsTheCardIdentity()
{
    const pki::DemoResident* valid = m_demo.resident(QStringLiteral("valid"));
    QVERIFY(valid);
    const Run r = run({QStringLiteral("read"), QStringLiteral("--training"), QStringLiteral("valid")});
    QCOMPARE(r.exitCode, 0);
    // The serial is the DER INTEGER of the auth cert: find its hex in the certificate bytes.
    const QByteArray serialHex = r.json.value(QStringLiteral("serial")).toString().toLatin1();
    QVERIFY(serialHex.size() >= 16);
    QVERIFY(valid->authCertDer.toHex().contains(serialHex));
    QCOMPARE(r.json.value(QStringLiteral("kind")).toString(), QStringLiteral("my_number_card"));
    QVERIFY(r.json.value(QStringLiteral("apduCount")).toInt() > 0);
    QVERIFY(r.json.value(QStringLiteral("apduCount")).toInt() <= 12);
}

void TestCardCli::wrongPinThenRightPin()
{
    // Each process gets a fresh training card, so the counter starts at 3 every run.
    const QStringList args{QStringLiteral("verify-pin"), QStringLiteral("--pin"), QStringLiteral("auth"),
                           QStringLiteral("--training"), QStringLiteral("valid")};
    QByteArray wrong = pinOf(QStringLiteral("valid"));
    wrong[0] = wrong.at(0) == '9' ? '0' : static_cast<char>(wrong.at(0) + 1);
    const Run bad = run(args, wrong + '\n');
    QCOMPARE(bad.exitCode, int(Pin));
    QCOMPARE(bad.json.value(QStringLiteral("error")).toString(), QStringLiteral("pin_incorrect"));
    QCOMPARE(bad.json.value(QStringLiteral("triesLeft")).toInt(), 2);
    const Run good = run(args, pinOf(QStringLiteral("valid")) + "\r\n");
    QCOMPARE(good.exitCode, 0);
    QCOMPARE(good.json.value(QStringLiteral("triesLeftBefore")).toInt(), 3);
}

void TestCardCli::lastTryNeedsConfirmation()
{
    const QStringList args{QStringLiteral("verify-pin"), QStringLiteral("--pin"), QStringLiteral("auth"),
                           QStringLiteral("--training"), QStringLiteral("one-try")};
    const QByteArray pin = pinOf(QStringLiteral("one-try")) + '\n';
    const Run refused = run(args, pin);
    QCOMPARE(refused.exitCode, int(Pin));
    QCOMPARE(refused.json.value(QStringLiteral("error")).toString(), QStringLiteral("pin_needs_confirmation"));
    const Run confirmed = run(args + QStringList{QStringLiteral("--confirm-last-try")}, pin);
    QCOMPARE(confirmed.exitCode, 0);
    QCOMPARE(confirmed.json.value(QStringLiteral("triesLeftBefore")).toInt(), 1);
}

void TestCardCli::noPersonalDataInAnyOutput()
{
    QVERIFY(!m_outputs.isEmpty());
    for (const pki::DemoResident& resident : m_demo.residents) {
        for (const QByteArray& output : std::as_const(m_outputs)) {
            QVERIFY(!output.contains(resident.testIndividualNumber));
            QVERIFY(!resident.facts.name.isEmpty());
            QVERIFY(!output.contains(resident.facts.name.toUtf8()));
            if (resident.signPin) {
                QVERIFY(!output.contains(resident.signPin->value));
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestCardCli)
#include "TestCardCli.moc"
