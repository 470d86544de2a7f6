#include "card/JpkiCard.h"
#include "card/PinVerifyStructure.h"

#include "JpkiScript.h"
#include "ScriptedConnection.h"

#include <QTest>

using namespace madoguchi;
using card::PinVerifyStructure;
using card::test::ScriptedConnection;

namespace {

constexpr quint32 VerifyPinDirect = 0x42330006; // the CCID driver's SCARD_CTL_CODE(3400 + 6)

// PC/SC Part 10 v2.02.09 §2.5.2, field by field, for the JPKI auth PIN (jpki-card.md §2: 4 ASCII
// digits, VERIFY 00 20 00 80 after SELECT of EF 0018).
QByteArray expectedJpkiStructure()
{
    return ScriptedConnection::hex("1E"             // bTimerOut 30 s
                                   "1E"             // bTimerOut2
                                   "82"             // bmFormatString: bytes, pos 0, left, ASCII
                                   "04"             // bmPINBlockString: 4-byte block, no length
                                   "00"             // bmPINLengthFormat
                                   "04 04"          // wPINMaxExtraDigit: max 4 (low), min 4 (high)
                                   "02"             // bEntryValidationCondition: OK key
                                   "01"             // bNumberMessage
                                   "11 04"          // wLangId 0x0411 (Japanese), little-endian
                                   "00"             // bMsgIndex
                                   "00 00 00"       // bTeoPrologue
                                   "09 00 00 00"    // ulDataLength = 9, little-endian
                                   "00 20 00 80 04" // VERIFY header + Lc
                                   "FF FF FF FF");  // the PIN block the reader overwrites
}

ScriptedConnection& expectCounter(ScriptedConnection& card, const char* answer)
{
    return card.expect(card::test::SelectJpkiAp, card::test::Ok)
        .expect(card::test::selectEf(0x0018), card::test::Ok)
        .expect(card::test::RetryCounter, answer);
}

} // namespace

// The PIN pad path (issue 6 item 3): the bytes SCardControl gets, and the same PIN rules as a typed PIN.
class TestPinVerifyStructure final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bytesFollowPart10()
    {
        const QByteArray bytes = PinVerifyStructure::jpkiFourDigits().toBytes();
        QCOMPARE(bytes.toHex(' '), expectedJpkiStructure().toHex(' '));
        QCOMPARE(bytes.size(), 19 + 9); // fixed header of §2.5.2 + abData
    }

    void lengthsAndLanguage()
    {
        PinVerifyStructure s;
        s.minLength = 6;
        s.maxLength = 8;
        s.langId = 0x0409;
        s.timeoutSeconds = 0;
        const QByteArray bytes = s.toBytes();
        QCOMPARE(quint8(bytes[3]), quint8(0x08)); // block = max length
        QCOMPARE(quint8(bytes[5]), quint8(8));    // wPINMaxExtraDigit low byte: maximum
        QCOMPARE(quint8(bytes[6]), quint8(6));    // high byte: minimum
        QCOMPARE(quint8(bytes[9]), quint8(0x09));
        QCOMPARE(quint8(bytes[10]), quint8(0x04));
        QCOMPARE(quint8(bytes[15]), quint8(13)); // 5 + 8
        QCOMPARE(bytes.size(), 19 + 13);
    }

    void verifyOnPinPad_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<int>("errc"); // -1: verified
        QTest::newRow("right PIN") << ScriptedConnection::hex("90 00") << -1;
        QTest::newRow("wrong PIN") << ScriptedConnection::hex("63 C2") << int(core::Errc::PinIncorrect);
        QTest::newRow("blocked now") << ScriptedConnection::hex("69 83") << int(core::Errc::PinBlocked);
        QTest::newRow("keypad timeout") << ScriptedConnection::hex("64 00") << int(core::Errc::Timeout);
        QTest::newRow("keypad cancel") << ScriptedConnection::hex("64 01") << int(core::Errc::Cancelled);
        QTest::newRow("not a status word") << ScriptedConnection::hex("90") << int(core::Errc::MalformedResponse);
    }

    void verifyOnPinPad()
    {
        QFETCH(QByteArray, answer);
        QFETCH(int, errc);
        ScriptedConnection connection;
        expectCounter(connection, "63 C3");
        connection.setControlAnswer(answer);
        card::JpkiCard jpki(connection);
        const auto result =
            jpki.verifyPinOnPinPad(card::PinKind::Auth, VerifyPinDirect, card::PinConfirmation::NotConfirmed);
        QVERIFY2(connection.isClean(), connection.report().constData());
        QCOMPARE(connection.controls().size(), 1); // exactly once, never retried
        QCOMPARE(connection.controls().first().first, VerifyPinDirect);
        QCOMPARE(connection.controls().first().second, expectedJpkiStructure());
        QCOMPARE(bool(result), errc < 0);
        if (errc >= 0) {
            QCOMPARE(int(result.error().code), errc);
        }
    }

    void lastTryNeedsConfirmationBeforeTheKeypad()
    {
        ScriptedConnection connection;
        expectCounter(connection, "63 C1");
        connection.setControlAnswer(ScriptedConnection::hex("90 00"));
        card::JpkiCard jpki(connection);
        const auto refused =
            jpki.verifyPinOnPinPad(card::PinKind::Auth, VerifyPinDirect, card::PinConfirmation::NotConfirmed);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, core::Errc::PinNeedsConfirmation);
        QVERIFY(connection.controls().isEmpty());
        QVERIFY2(connection.isClean(), connection.report().constData());
    }

    void blockedCardNeverReachesTheKeypad()
    {
        ScriptedConnection connection;
        expectCounter(connection, "69 83");
        card::JpkiCard jpki(connection);
        const auto refused =
            jpki.verifyPinOnPinPad(card::PinKind::Auth, VerifyPinDirect, card::PinConfirmation::ConfirmedLastTry);
        QCOMPARE(refused.error().code, core::Errc::PinBlocked);
        QVERIFY(connection.controls().isEmpty());
    }

    void signingPasswordHasLetters()
    {
        ScriptedConnection connection;
        card::JpkiCard jpki(connection);
        const auto refused =
            jpki.verifyPinOnPinPad(card::PinKind::Sign, VerifyPinDirect, card::PinConfirmation::NotConfirmed);
        QCOMPARE(refused.error().code, core::Errc::Unsupported);
        QCOMPARE(connection.apduCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPinVerifyStructure)
#include "TestPinVerifyStructure.moc"
