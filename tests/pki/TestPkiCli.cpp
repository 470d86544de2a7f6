// The `testpki` and `cert` CLI groups as whole processes: determinism across processes, personal
// data shown only on request, verify verdicts and exit codes.
#include <QCryptographicHash>
#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
};

Run cli(const QStringList& args)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(qEnvironmentVariable("MADOGUCHI_CLI"), args);
    process.waitForFinished(120000);
    return Run{process.exitCode(), QString::fromUtf8(process.readAll())};
}

// Relative path → SHA-256 of every file below dir.
QMap<QString, QByteArray> digestTree(const QString& dir)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        out.insert(QDir(dir).relativeFilePath(path),
                   QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
    }
    return out;
}

} // namespace

class TestPkiCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString& relative) const { return m_dir.filePath(relative); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(qEnvironmentVariable("MADOGUCHI_CLI")));
        const Run run = cli({QStringLiteral("testpki"), QStringLiteral("generate"), QStringLiteral("--out"),
                             path(QStringLiteral("a"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out));
    }

    void sameSeedAndClockInAnotherProcessGiveIdenticalFiles()
    {
        const Run run = cli({QStringLiteral("testpki"), QStringLiteral("generate"), QStringLiteral("--out"),
                             path(QStringLiteral("b")), QStringLiteral("--seed"), QStringLiteral("20151001"),
                             QStringLiteral("--now"), QStringLiteral("2025-04-01T00:00:00Z")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out));
        const auto a = digestTree(path(QStringLiteral("a")));
        QVERIFY(a.size() > 50);
        QCOMPARE(digestTree(path(QStringLiteral("b"))), a);
    }

    void anotherSeedGivesOtherFiles()
    {
        const Run run = cli({QStringLiteral("testpki"), QStringLiteral("generate"), QStringLiteral("--out"),
                             path(QStringLiteral("c")), QStringLiteral("--seed"), QStringLiteral("1")});
        QVERIFY(run.exitCode == 0);
        QVERIFY(digestTree(path(QStringLiteral("c"))).value(QStringLiteral("auth-ca.der")) !=
                digestTree(path(QStringLiteral("a"))).value(QStringLiteral("auth-ca.der")));
    }

    void badArgumentsAreUsageErrors()
    {
        QCOMPARE(cli({QStringLiteral("testpki"), QStringLiteral("generate")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("testpki"), QStringLiteral("generate"), QStringLiteral("--out"),
                      path(QStringLiteral("d")), QStringLiteral("--now"), QStringLiteral("yesterday")})
                     .exitCode,
                 2);
    }

    void showPrintsPersonalDataOnlyOnRequest()
    {
        const QString cert = path(QStringLiteral("a/residents/valid/sign.der"));
        const Run hidden = cli({QStringLiteral("cert"), QStringLiteral("show"), cert});
        QCOMPARE(hidden.exitCode, 0);
        QVERIFY(hidden.out.contains(QStringLiteral("personal data: present")));
        QVERIFY(!hidden.out.contains(QStringLiteral("窓口")));
        QVERIFY(!hidden.out.contains(QStringLiteral("千代田区")));
        const Run shown =
            cli({QStringLiteral("cert"), QStringLiteral("show"), cert, QStringLiteral("--show-personal")});
        QCOMPARE(shown.exitCode, 0);
        QVERIFY2(shown.out.contains(QStringLiteral("窓口　花子")), qPrintable(shown.out));
        const Run json = cli({QStringLiteral("--json"), QStringLiteral("cert"), QStringLiteral("show"),
                              path(QStringLiteral("a/residents/valid/auth.pem"))});
        QVERIFY(json.out.contains(QStringLiteral("\"kind\": \"auth\"")));
    }

    void verifyVerdicts_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("text");
        const QString demo = path(QStringLiteral("a"));
        const QString now = QStringLiteral("2025-04-01T00:00:00Z");
        QTest::newRow("valid, training") << QStringList{path(QStringLiteral("a/residents/valid/auth.der")),
                                                        QStringLiteral("--demo"), demo, QStringLiteral("--now"), now}
                                         << 0 << QStringLiteral("TEST PKI");
        QTest::newRow("expired") << QStringList{path(QStringLiteral("a/residents/expired/sign.der")),
                                                QStringLiteral("--demo"), demo, QStringLiteral("--now"), now}
                                 << 7 << QStringLiteral("expired");
        QTest::newRow("test PKI in production") << QStringList{path(QStringLiteral("a/residents/valid/auth.der"))} << 7
                                                << QStringLiteral("untrusted_issuer");
        QTest::newRow("wrong kind") << QStringList{path(QStringLiteral("a/residents/valid/auth.der")),
                                                   QStringLiteral("--kind"),
                                                   QStringLiteral("sign"),
                                                   QStringLiteral("--demo"),
                                                   demo,
                                                   QStringLiteral("--now"),
                                                   now}
                                    << 7 << QStringLiteral("policy_invalid");
    }

    void verifyVerdicts()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, text);
        const Run run = cli(QStringList{QStringLiteral("cert"), QStringLiteral("verify")} + args);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.out.contains(text), qPrintable(run.out));
    }
};

QTEST_GUILESS_MAIN(TestPkiCli)
#include "TestPkiCli.moc"
