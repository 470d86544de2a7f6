#include "app/cardsim/CardSimOptions.h"

#include <QtTest>

using madoguchi::app::CardSimCommand;
using madoguchi::app::CardSimOptions;

class TestCardSimOptions final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void schedule();
};

void TestCardSimOptions::parse_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("extended");
    QTest::addColumn<int>("blockedSw");

    const auto s = [](const char* text) {
        return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    };
    QTest::newRow("defaults") << s("--profile-dir /tmp/x") << true << 41000 << true << 0x6983;
    QTest::newRow("port") << s("--port 35963 --profile-dir d") << true << 35963 << true << 0x6983;
    QTest::newRow("no extended") << s("--no-extended") << true << 41000 << false << 0x6983;
    QTest::newRow("blocked 6984") << s("--blocked-sw 6984") << true << 41000 << true << 0x6984;
    QTest::newRow("blocked 63c0") << s("--blocked-sw 63c0") << true << 41000 << true << 0x63C0;
    QTest::newRow("blocked 6A82 refused") << s("--blocked-sw 6A82") << false << 0 << true << 0;
    QTest::newRow("port 0 refused") << s("--port 0") << false << 0 << true << 0;
    QTest::newRow("port text refused") << s("--port abc") << false << 0 << true << 0;
    QTest::newRow("missing value") << s("--port") << false << 0 << true << 0;
    QTest::newRow("unknown option") << s("--demo-mode yes") << false << 0 << true << 0;
    QTest::newRow("bad schedule") << s("--schedule insert@x") << false << 0 << true << 0;
}

void TestCardSimOptions::parse()
{
    QFETCH(QStringList, args);
    QFETCH(bool, valid);
    QFETCH(int, port);
    QFETCH(bool, extended);
    QFETCH(int, blockedSw);

    const auto o = CardSimOptions::parse(args);
    QCOMPARE(o.has_value(), valid);
    if (valid) {
        QCOMPARE(int(o->port), port);
        QCOMPARE(o->extendedLength, extended);
        QCOMPARE(int(o->blockedSw), blockedSw);
    }
}

void TestCardSimOptions::schedule()
{
    const auto s = CardSimOptions::parseSchedule(QStringLiteral("insert@0, remove@1500,insert@3000,quit@4000"));
    QVERIFY(s.has_value());
    QCOMPARE(s->size(), 4);
    QCOMPARE(s->at(1).command, CardSimCommand::Remove);
    QCOMPARE(s->at(1).atMs, 1500);
    QCOMPARE(s->at(3).command, CardSimCommand::Quit);
    QVERIFY(!CardSimOptions::parseSchedule(QStringLiteral("eject@5")));
    QVERIFY(!CardSimOptions::parseSchedule(QStringLiteral("insert@-1")));
    QVERIFY(!CardSimOptions::parseSchedule(QStringLiteral("insert")));
}

QTEST_GUILESS_MAIN(TestCardSimOptions)
#include "TestCardSimOptions.moc"
