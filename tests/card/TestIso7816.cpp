#include "card/Iso7816.h"

#include "JpkiScript.h"
#include "ScriptedConnection.h"

#include <QTest>

using namespace madoguchi;
using namespace madoguchi::card;
using namespace madoguchi::card::test;

class TestIso7816 final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void getResponseChain()
    {
        ScriptedConnection card;
        card.expect("00 B0 00 00 00", "01 02 61 02").expect("00 C0 00 00 02", "03 04 61 01");
        card.expect("00 C0 00 00 01", "05 90 00");
        auto data = Iso7816::readBinary(card, 0, 256);
        QVERIFY(data);
        QCOMPARE(*data, ScriptedConnection::hex("01 02 03 04 05"));
        QVERIFY2(card.isClean(), card.report().constData());
    }

    void endlessGetResponseStops()
    {
        ScriptedConnection card;
        card.expect("00 B0 00 00 08", "61 01");
        for (int i = 0; i < 64; ++i) {
            card.expect("00 C0 00 00 01", "AA 61 01");
        }
        auto data = Iso7816::readBinary(card, 0, 8);
        QCOMPARE(data.error().code, core::Errc::MalformedResponse);
        QVERIFY2(card.isClean(), card.report().constData());
    }

    void wrongLeResentOnce()
    {
        ScriptedConnection card;
        card.expect("00 B0 00 10 20", "6C 08").expect("00 B0 00 10 08", "11 22 33 44 55 66 77 88 90 00");
        auto data = Iso7816::readBinary(card, 0x10, 0x20);
        QCOMPARE(data->size(), 8);
        QVERIFY2(card.isClean(), card.report().constData());
    }

    void wrongLeNotResentWhenForbidden()
    {
        ScriptedConnection card;
        card.expect("00 20 00 80 02 31 32", "6C 00");
        auto response = Iso7816::transmit(card, CommandApdu(0x00, 0x20, 0x00, 0x80).withData(QByteArrayView("12")),
                                          Iso7816::Resend::Never);
        QCOMPARE(int(response->sw), 0x6C00);
        QVERIFY2(card.isClean(), card.report().constData());
    }

    void selects()
    {
        ScriptedConnection card;
        card.expect(SelectJpkiAp, Ok).expect("00 A4 02 0C 02 00 0A", "6A 82");
        QVERIFY(Iso7816::selectAid(card, ScriptedConnection::hex("D3 92 F0 00 26 01 00 00 00 01")));
        auto ef = Iso7816::selectEf(card, 0x000A);
        QCOMPARE(ef.error().code, core::Errc::FileNotFound);
        QCOMPARE(ef.error().nativeCode, qint64(0x6A82));
        QVERIFY2(card.isClean(), card.report().constData());
    }

    void readBinaryBounds_data()
    {
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("length");
        QTest::addColumn<bool>("extended");
        QTest::newRow("offset past 15 bits") << 0x8000 << 1 << false;
        QTest::newRow("negative offset") << -1 << 1 << false;
        QTest::newRow("zero length") << 0 << 0 << false;
        QTest::newRow("short 257") << 0 << 257 << false;
        QTest::newRow("extended 65537") << 0 << 65537 << true;
    }

    void readBinaryBounds()
    {
        QFETCH(int, offset);
        QFETCH(int, length);
        QFETCH(bool, extended);
        ScriptedConnection card;
        QCOMPARE(Iso7816::readBinary(card, offset, length, extended).error().code, core::Errc::InvalidArgument);
        QCOMPARE(card.apduCount(), 0);
    }

    void readBinaryEncodings()
    {
        ScriptedConnection card;
        card.expect("00 B0 7F FF 01", "AB 90 00").expect("00 B0 00 08 00 04 A8", ok(QByteArray(1192, 'x')));
        QVERIFY(Iso7816::readBinary(card, 0x7FFF, 1));
        QCOMPARE(Iso7816::readBinary(card, 8, 1192, true)->size(), 1192);
        QVERIFY2(card.isClean(), card.report().constData());
    }
};

QTEST_GUILESS_MAIN(TestIso7816)
#include "TestIso7816.moc"
