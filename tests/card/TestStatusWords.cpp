#include "card/StatusWords.h"

#include <QTest>

using namespace madoguchi;
using namespace madoguchi::card;

class TestStatusWords final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void table_data()
    {
        QTest::addColumn<int>("sw");
        QTest::addColumn<core::Errc>("code");
        QTest::addColumn<int>("triesLeft");
        QTest::addColumn<bool>("blocked");

        QTest::newRow("63C3") << 0x63C3 << core::Errc::PinIncorrect << 3 << false;
        QTest::newRow("63C1") << 0x63C1 << core::Errc::PinIncorrect << 1 << false;
        QTest::newRow("63C0") << 0x63C0 << core::Errc::PinBlocked << 0 << true;
        QTest::newRow("6983") << 0x6983 << core::Errc::PinBlocked << -1 << true;
        QTest::newRow("6984") << 0x6984 << core::Errc::PinBlocked << -1 << true;
        QTest::newRow("6982") << 0x6982 << core::Errc::SecurityStatusNotSatisfied << -1 << false;
        QTest::newRow("6A82") << 0x6A82 << core::Errc::FileNotFound << -1 << false;
        QTest::newRow("6700") << 0x6700 << core::Errc::WrongLength << -1 << false;
        QTest::newRow("6C10") << 0x6C10 << core::Errc::WrongLength << -1 << false;
        QTest::newRow("6B00") << 0x6B00 << core::Errc::WrongOffset << -1 << false;
        QTest::newRow("6110") << 0x6110 << core::Errc::UnexpectedStatus << -1 << false;
        QTest::newRow("6D00") << 0x6D00 << core::Errc::UnexpectedStatus << -1 << false;
        QTest::newRow("6A86") << 0x6A86 << core::Errc::UnexpectedStatus << -1 << false;
        QTest::newRow("6282") << 0x6282 << core::Errc::UnexpectedStatus << -1 << false;
        QTest::newRow("6300") << 0x6300 << core::Errc::UnexpectedStatus << -1 << false;
    }

    void table()
    {
        QFETCH(int, sw);
        QFETCH(core::Errc, code);
        QFETCH(int, triesLeft);
        QFETCH(bool, blocked);
        const auto error = StatusWords::toError(static_cast<quint16>(sw), QStringLiteral("op"));
        QCOMPARE(error.code, code);
        QCOMPARE(error.nativeCode, qint64(sw));
        QVERIFY(error.detail.startsWith(QStringLiteral("op: ")));
        QCOMPARE(StatusWords::triesLeft(static_cast<quint16>(sw)), triesLeft);
        QCOMPARE(StatusWords::isBlocked(static_cast<quint16>(sw)), blocked);
        QVERIFY(!StatusWords::check(static_cast<quint16>(sw), QStringLiteral("op")));
    }

    void success()
    {
        QVERIFY(StatusWords::check(0x9000, QStringLiteral("op")));
        QVERIFY(StatusWords::isSuccess(0x9000));
        QCOMPARE(StatusWords::toHex(0x6a82), QStringLiteral("6A82"));
    }
};

QTEST_GUILESS_MAIN(TestStatusWords)
#include "TestStatusWords.moc"
