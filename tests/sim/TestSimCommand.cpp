#include "sim/SimCommand.h"

#include <QtTest>

using madoguchi::sim::SimCommand;

class TestSimCommand final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
};

void TestSimCommand::parse_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("ne"); // -1 = absent
    QTest::addColumn<bool>("extended");

    const QByteArray none;
    QTest::newRow("too short") << QByteArray::fromHex("00B000") << false << none << -1 << false;
    QTest::newRow("case 1") << QByteArray::fromHex("00200080") << true << none << -1 << false;
    QTest::newRow("case 2S Le=10") << QByteArray::fromHex("00B0000010") << true << none << 0x10 << false;
    QTest::newRow("case 2S Le=00 is 256") << QByteArray::fromHex("00B0000000") << true << none << 256 << false;
    QTest::newRow("case 3S") << QByteArray::fromHex("00A4020C020006") << true << QByteArray::fromHex("0006") << -1
                             << false;
    QTest::newRow("case 4S") << QByteArray::fromHex("802A00800301020300") << true << QByteArray::fromHex("010203")
                             << 256 << false;
    QTest::newRow("case 3S Lc too long") << QByteArray::fromHex("00A4020C030006") << false << none << -1 << false;
    QTest::newRow("case 3S Lc too short") << QByteArray::fromHex("00A4020C01000600") << false << none << -1 << false;
    QTest::newRow("case 2E") << QByteArray::fromHex("00B00000000800") << true << none << 0x800 << true;
    QTest::newRow("case 2E Le=0000 is 65536") << QByteArray::fromHex("00B00000000000") << true << none << 65536 << true;
    QTest::newRow("case 3E") << QByteArray::fromHex("00A4020C0000020006") << true << QByteArray::fromHex("0006") << -1
                             << true;
    QTest::newRow("case 4E") << QByteArray::fromHex("802A0080000003010203"
                                                    "0000")
                             << true << QByteArray::fromHex("010203") << 65536 << true;
    QTest::newRow("extended Lc=0000") << QByteArray::fromHex("00A4020C00000000") << false << none << -1 << false;
    QTest::newRow("extended truncated") << QByteArray::fromHex("00B0000000") << true << none << 256 << false;
    QTest::newRow("extended 2 bytes") << QByteArray::fromHex("00B000000008") << false << none << -1 << false;
}

void TestSimCommand::parse()
{
    QFETCH(QByteArray, raw);
    QFETCH(bool, valid);
    QFETCH(QByteArray, data);
    QFETCH(int, ne);
    QFETCH(bool, extended);

    const auto cmd = SimCommand::parse(raw);
    QCOMPARE(cmd.has_value(), valid);
    if (!valid) {
        return;
    }
    QCOMPARE(cmd->cla, static_cast<quint8>(raw[0]));
    QCOMPARE(cmd->ins, static_cast<quint8>(raw[1]));
    QCOMPARE(cmd->data.toByteArray(), data);
    QCOMPARE(cmd->ne.value_or(-1), ne);
    QCOMPARE(cmd->extended, extended);
}

QTEST_GUILESS_MAIN(TestSimCommand)
#include "TestSimCommand.moc"
