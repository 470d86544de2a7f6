#include "card/JpkiCard.h"

#include "JpkiScript.h"
#include "ScriptedConnection.h"

#include <QLoggingCategory>
#include <QTest>

using namespace madoguchi;
using namespace madoguchi::card;
using namespace madoguchi::card::test;

namespace {

core::SecureBytes secret(const char* text)
{
    return core::SecureBytes(QByteArrayView(text));
}

QByteArray tlv(quint16 tag, const QByteArray& value)
{
    QByteArray out;
    out.append(static_cast<char>(tag >> 8)).append(static_cast<char>(tag & 0xFF));
    if (value.size() < 0x80) {
        out.append(static_cast<char>(value.size()));
    } else {
        out.append('\x82').append(static_cast<char>(value.size() >> 8)).append(static_cast<char>(value.size() & 0xFF));
    }
    return out + value;
}

QByteArray pinEfSelect(PinKind kind)
{
    return selectEf(kind == PinKind::Auth ? 0x0018 : kind == PinKind::Sign ? 0x001B : 0x0011);
}

const char* apFor(PinKind kind)
{
    return kind == PinKind::Text ? SelectTextAp : SelectJpkiAp;
}

} // namespace

class TestJpkiCard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detectsJpki()
    {
        ScriptedConnection card;
        card.expect(SelectJpkiAp, Ok);
        JpkiCard jpki(card);
        QVERIFY(jpki.selectJpkiAp());
        QVERIFY2(card.isClean(), card.report().constData());
    }

    void otherCardIsNotJpki_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::newRow("6A82") << ScriptedConnection::hex("6A 82");
        QTest::newRow("6D00") << ScriptedConnection::hex("6D 00");
        QTest::newRow("6A86") << ScriptedConnection::hex("6A 86");
    }

    void otherCardIsNotJpki()
    {
        QFETCH(QByteArray, answer);
        ScriptedConnection card;
        card.expect(ScriptedConnection::hex(SelectJpkiAp), answer);
        JpkiCard jpki(card);
        auto selected = jpki.selectJpkiAp();
        QVERIFY(!selected);
        QCOMPARE(selected.error().code, core::Errc::NotJpkiCard);
        QCOMPARE(selected.error().nativeCode, qint64((quint8(answer[0]) << 8) | quint8(answer[1])));
        QVERIFY2(card.isClean(), card.report().constData());
    }

    void token_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<TokenKind>("kind");
        QTest::newRow("my number card") << QByteArray("JPKIAPICCTOKEN2").leftJustified(32, ' ')
                                        << TokenKind::MyNumberCard;
        QTest::newRow("juki card") << QByteArray("JPKIAPICCTOKEN").leftJustified(32, ' ') << TokenKind::JukiCard;
        QTest::newRow("smartphone") << QByteArray("JPKIAPGPSETOKEN").leftJustified(32, ' ') << TokenKind::Smartphone;
        QTest::newRow("nul padded") << QByteArray("JPKIAPICCTOKEN2").leftJustified(32, '\0') << TokenKind::MyNumberCard;
        QTest::newRow("longer token unknown")
            << QByteArray("JPKIAPICCTOKEN23").leftJustified(32, ' ') << TokenKind::Unknown;
        QTest::newRow("other") << QByteArray(32, ' ') << TokenKind::Unknown;
    }

    void token()
    {
        QFETCH(QByteArray, raw);
        QFETCH(TokenKind, kind);
        ScriptedConnection card;
        card.expect(ScriptedConnection::hex(SelectJpkiAp), ok()).expect(selectEf(0x0006), ok());
        card.expect(readBinary(0, 0x20), ok(raw));
        JpkiCard jpki(card);
        auto token = jpki.readToken();
        QVERIFY(token);
        QCOMPARE(*token, kind);
        QVERIFY2(card.isClean(), card.report().constData());
        QCOMPARE(card.transactions(), 1);
    }

    void paddedCertificate_data()
    {
        QTest::addColumn<int>("total");
        QTest::addColumn<int>("probe");
        QTest::addColumn<bool>("extended");
        QTest::addColumn<int>("reads");
        QTest::newRow("1200 probe 8") << 1200 << 8 << false << 6;
        QTest::newRow("1100 probe 8") << 1100 << 8 << false << 6;
        QTest::newRow("1032 probe 8: 8 + 4x256") << 1032 << 8 << false << 5;
        QTest::newRow("1033 probe 8") << 1033 << 8 << false << 6;
        QTest::newRow("1200 probe 256") << 1200 << 256 << false << 5;
        QTest::newRow("1200 extended") << 1200 << 8 << true << 2;
        QTest::newRow("tiny 300") << 300 << 8 << false << 3;
    }

    void paddedCertificate()
    {
        QFETCH(int, total);
        QFETCH(int, probe);
        QFETCH(bool, extended);
        QFETCH(int, reads);
        const QByteArray file = paddedDer(total, 2048);
        ScriptedConnection card;
        card.setExtendedLength(extended);
        card.expect(ScriptedConnection::hex(SelectJpkiAp), ok()).expect(selectEf(0x000A), ok());
        QCOMPARE(expectObjectReads(card, file, total, probe, extended), reads);
        JpkiCard jpki(card, JpkiCardOptions{extended, probe});
        auto der = jpki.readAuthCertificate();
        QVERIFY2(der.has_value(), der ? "" : qPrintable(der.error().toString()));
        QCOMPARE(*der, file.first(total)); // no padding
        QCOMPARE(card.apduCount(), 2 + reads);
        QCOMPARE(card.transactions(), 1);
        QVERIFY2(card.isClean(), card.report().constData());
    }

    // The benchmark budget (performance.md §4): card present → auth cert + auth CA cert.
    void chainReadCounts_data()
    {
        QTest::addColumn<int>("probe");
        QTest::addColumn<bool>("extended");
        QTest::addColumn<int>("authOnly");
        QTest::addColumn<int>("withCa");
        QTest::newRow("short, probe 8") << 8 << false << 8 << 15;
        QTest::newRow("short, probe 256") << 256 << false << 7 << 13;
        QTest::newRow("extended") << 8 << true << 4 << 7;
    }

    void chainReadCounts()
    {
        QFETCH(int, probe);
        QFETCH(bool, extended);
        QFETCH(int, authOnly);
        QFETCH(int, withCa);
        const QByteArray auth = paddedDer(1200, 2048);
        const QByteArray ca = paddedDer(1100, 2048);
        ScriptedConnection card;
        card.setExtendedLength(extended);
        card.expect(ScriptedConnection::hex(SelectJpkiAp), ok()).expect(selectEf(0x000A), ok());
        expectObjectReads(card, auth, 1200, probe, extended);
        card.expect(selectEf(0x000B), ok()); // the AP stays selected: no second SELECT AID
        expectObjectReads(card, ca, 1100, probe, extended);
        JpkiCard jpki(card, JpkiCardOptions{extended, probe});
        auto tx = jpki.transaction();
        QVERIFY(tx);
        QVERIFY(jpki.readAuthCertificate());
        QCOMPARE(jpki.apduCount(), authOnly);
        QVERIFY(jpki.readAuthCaCertificate());
        QCOMPARE(jpki.apduCount(), withCa);
        tx->release();
        QCOMPARE(card.transactions(), 1);
        QVERIFY2(card.isClean(), card.report().constData());
        qInfo("APDUs: auth cert 1200 B = %d, + CA cert 1100 B = %d", authOnly, withCa);
    }

    void emptyCertificateEf()
    {
        ScriptedConnection card;
        card.expect(ScriptedConnection::hex(SelectJpkiAp), ok()).expect(selectEf(0x000B), ok());
        card.expect(readBinary(0, 8), ok(QByteArray(8, '\xFF')));
        JpkiCard jpki(card);
        auto der = jpki.readAuthCaCertificate();
        QVERIFY(!der);
        QCOMPARE(der.error().code, core::Errc::MalformedDer);
        QVERIFY2(card.isClean(), card.report().constData());
    }

    void signingCertificate_data()
    {
        QTest::addColumn<QByteArray>("selectAnswer");
        QTest::addColumn<QByteArray>("readAnswer");
        QTest::addColumn<core::Errc>("code");
        QTest::newRow("no signing cert (face auth, under 15)")
            << ScriptedConnection::hex("6A 82") << QByteArray() << core::Errc::NoSigningCertificate;
        QTest::newRow("password not verified") << ScriptedConnection::hex(Ok) << ScriptedConnection::hex("69 82")
                                               << core::Errc::SecurityStatusNotSatisfied;
    }

    void signingCertificate()
    {
        QFETCH(QByteArray, selectAnswer);
        QFETCH(QByteArray, readAnswer);
        QFETCH(core::Errc, code);
        ScriptedConnection card;
        card.expect(ScriptedConnection::hex(SelectJpkiAp), ok()).expect(selectEf(0x0001), selectAnswer);
        if (!readAnswer.isEmpty()) {
            card.expect(readBinary(0, 8), readAnswer);
        }
        JpkiCard jpki(card);
        auto der = jpki.readSigningCertificate();
        QVERIFY(!der);
        QCOMPARE(der.error().code, code);
        QVERIFY2(card.isClean(), card.report().constData());
    }

    void pinStatus_data()
    {
        QTest::addColumn<PinKind>("kind");
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<int>("triesLeft");
        QTest::addColumn<bool>("verified");
        QTest::addColumn<bool>("blocked");
        const auto h = &ScriptedConnection::hex;
        QTest::newRow("auth 3 left") << PinKind::Auth << h("63 C3") << 3 << false << false;
        QTest::newRow("sign 5 left") << PinKind::Sign << h("63 C5") << 5 << false << false;
        QTest::newRow("text 1 left") << PinKind::Text << h("63 C1") << 1 << false << false;
        QTest::newRow("auth verified") << PinKind::Auth << h("90 00") << -1 << true << false;
        QTest::newRow("blocked 6983") << PinKind::Auth << h("69 83") << 0 << false << true;
        QTest::newRow("blocked 6984") << PinKind::Sign << h("69 84") << 0 << false << true;
        QTest::newRow("blocked 63C0") << PinKind::Text << h("63 C0") << 0 << false << true;
    }

    void pinStatus()
    {
        QFETCH(PinKind, kind);
        QFETCH(QByteArray, answer);
        QFETCH(int, triesLeft);
        QFETCH(bool, verified);
        QFETCH(bool, blocked);
        ScriptedConnection card;
        card.expect(ScriptedConnection::hex(apFor(kind)), ok()).expect(pinEfSelect(kind), ok());
        card.expect(ScriptedConnection::hex(RetryCounter), answer); // case 1: exactly 4 bytes
        JpkiCard jpki(card);
        auto status = jpki.pinStatus(kind);
        QVERIFY2(status.has_value(), status ? "" : qPrintable(status.error().toString()));
        QCOMPARE(status->triesLeft, triesLeft);
        QCOMPARE(status->verified, verified);
        QCOMPARE(status->blocked, blocked);
        QVERIFY2(card.isClean(), card.report().constData());
    }

    void faceAuthenticationCardHasNoPins_data()
    {
        QTest::addColumn<PinKind>("kind");
        QTest::newRow("auth") << PinKind::Auth;
        QTest::newRow("sign") << PinKind::Sign;
        QTest::newRow("text") << PinKind::Text;
    }

    void faceAuthenticationCardHasNoPins()
    {
        QFETCH(PinKind, kind);
        ScriptedConnection card;
        card.expect(ScriptedConnection::hex(apFor(kind)), ok())
            .expect(pinEfSelect(kind), ScriptedConnection::hex("6A 82"));
        card.expect(ScriptedConnection::hex(apFor(kind)), ok())
            .expect(pinEfSelect(kind), ScriptedConnection::hex("6A 82"));
        JpkiCard jpki(card);
        QCOMPARE(jpki.pinStatus(kind).error().code, core::Errc::PinNotAvailable);
        JpkiCard fresh(card);
        const char* pin = kind == PinKind::Sign ? "ABC123" : "4721";
        auto verified = fresh.verifyPin(kind, secret(pin), PinConfirmation::ConfirmedLastTry);
        QCOMPARE(verified.error().code, core::Errc::PinNotAvailable);
        QVERIFY2(card.isClean(), card.report().constData());
    }

    void rightPin()
    {
        ScriptedConnection card;
        card.expect(SelectJpkiAp, Ok).expect(selectEf(0x0018), ok()).expect(RetryCounter, "63 C3");
        card.expect(verifyWith("4721"), ok());
        JpkiCard jpki(card);
        auto outcome = jpki.verifyPin(PinKind::Auth, secret("4721"));
        QVERIFY2(outcome.has_value(), outcome ? "" : qPrintable(outcome.error().toString()));
        QCOMPARE(*outcome, VerifyOutcome::Verified);
        QCOMPARE(card.transactions(), 1);
        QVERIFY2(card.isClean(), card.report().constData());
    }

    void alreadyVerifiedSendsNothing()
    {
        ScriptedConnection card;
        card.expect(SelectJpkiAp, Ok).expect(selectEf(0x0018), ok()).expect(RetryCounter, Ok);
        JpkiCard jpki(card);
        QCOMPARE(*jpki.verifyPin(PinKind::Auth, secret("4721")), VerifyOutcome::AlreadyVerified);
        QVERIFY2(card.isClean(), card.report().constData());
    }

    void wrongPinSaysTriesLeft_data()
    {
        QTest::addColumn<PinKind>("kind");
        QTest::addColumn<QByteArray>("pin");
        QTest::addColumn<QByteArray>("counter");
        QTest::addColumn<QByteArray>("answer");
        const auto h = &ScriptedConnection::hex;
        QTest::newRow("auth 3 -> 2") << PinKind::Auth << QByteArray("1111") << h("63 C3") << h("63 C2");
        QTest::newRow("sign 5 -> 4") << PinKind::Sign << QByteArray("ABCDEF") << h("63 C5") << h("63 C4");
        QTest::newRow("text 2 -> 1") << PinKind::Text << QByteArray("0000") << h("63 C2") << h("63 C1");
    }

    void wrongPinSaysTriesLeft()
    {
        QFETCH(PinKind, kind);
        QFETCH(QByteArray, pin);
        QFETCH(QByteArray, counter);
        QFETCH(QByteArray, answer);
        ScriptedConnection card;
        card.expect(ScriptedConnection::hex(apFor(kind)), ok()).expect(pinEfSelect(kind), ok());
        card.expect(ScriptedConnection::hex(RetryCounter), counter).expect(verifyWith(pin), answer);
        JpkiCard jpki(card);
        auto outcome = jpki.verifyPin(kind, core::SecureBytes(QByteArrayView(pin)));
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().code, core::Errc::PinIncorrect);
        QCOMPARE(outcome.error().nativeCode, qint64((quint8(answer[0]) << 8) | quint8(answer[1])));
        QVERIFY2(card.isClean(), card.report().constData()); // exactly one VERIFY
    }

    void blockedBeforeVerify_data()
    {
        QTest::addColumn<QByteArray>("counter");
        QTest::newRow("6983") << ScriptedConnection::hex("69 83");
        QTest::newRow("6984") << ScriptedConnection::hex("69 84");
        QTest::newRow("63C0") << ScriptedConnection::hex("63 C0");
    }

    void blockedBeforeVerify()
    {
        QFETCH(QByteArray, counter);
        ScriptedConnection card;
        card.expect(SelectJpkiAp, Ok)
            .expect(selectEf(0x0018), ok())
            .expect(ScriptedConnection::hex(RetryCounter), counter);
        JpkiCard jpki(card);
        auto outcome = jpki.verifyPin(PinKind::Auth, secret("4721"), PinConfirmation::ConfirmedLastTry);
        QCOMPARE(outcome.error().code, core::Errc::PinBlocked);
        QVERIFY2(card.isClean(), card.report().constData()); // no VERIFY with data was sent
    }

    void blockedByVerify_data() { blockedBeforeVerify_data(); }

    void blockedByVerify()
    {
        QFETCH(QByteArray, counter);
        ScriptedConnection card;
        card.expect(SelectJpkiAp, Ok).expect(selectEf(0x0018), ok()).expect(RetryCounter, "63 C1");
        card.expect(verifyWith("4721"), counter);
        JpkiCard jpki(card);
        auto outcome = jpki.verifyPin(PinKind::Auth, secret("4721"), PinConfirmation::ConfirmedLastTry);
        QCOMPARE(outcome.error().code, core::Errc::PinBlocked);
        QVERIFY2(card.isClean(), card.report().constData());
    }

    void lastTryNeedsConfirmation()
    {
        ScriptedConnection card;
        card.expect(SelectJpkiAp, Ok).expect(selectEf(0x001B), ok()).expect(RetryCounter, "63 C1");
        JpkiCard jpki(card);
        auto outcome = jpki.verifyPin(PinKind::Sign, secret("ABC123"));
        QCOMPARE(outcome.error().code, core::Errc::PinNeedsConfirmation);
        QVERIFY2(card.isClean(), card.report().constData()); // the password never left
    }

    void signPasswordUpperCased()
    {
        ScriptedConnection card;
        card.expect(SelectJpkiAp, Ok).expect(selectEf(0x001B), ok()).expect(RetryCounter, "63 C5");
        card.expect(verifyWith("ABCXYZ09"), ok());
        JpkiCard jpki(card);
        QVERIFY(jpki.verifyPin(PinKind::Sign, secret("abcXyz09")));
        QVERIFY2(card.isClean(), card.report().constData());
    }

    void badFormatSendsNothing_data()
    {
        QTest::addColumn<PinKind>("kind");
        QTest::addColumn<QByteArray>("pin");
        QTest::newRow("auth 3 digits") << PinKind::Auth << QByteArray("123");
        QTest::newRow("auth 5 digits") << PinKind::Auth << QByteArray("12345");
        QTest::newRow("auth letter") << PinKind::Auth << QByteArray("12a4");
        QTest::newRow("auth full-width digit") << PinKind::Auth << QStringLiteral("１２３４").toUtf8();
        QTest::newRow("text empty") << PinKind::Text << QByteArray();
        QTest::newRow("sign 5 chars") << PinKind::Sign << QByteArray("ABC12");
        QTest::newRow("sign 17 chars") << PinKind::Sign << QByteArray("ABCDEFGHIJ1234567");
        QTest::newRow("sign hyphen") << PinKind::Sign << QByteArray("ABC-123");
        QTest::newRow("sign space") << PinKind::Sign << QByteArray("ABC 123");
        QTest::newRow("sign non-ascii") << PinKind::Sign << QStringLiteral("ÄBC123").toUtf8();
    }

    void badFormatSendsNothing()
    {
        QFETCH(PinKind, kind);
        QFETCH(QByteArray, pin);
        ScriptedConnection card;
        JpkiCard jpki(card);
        auto outcome = jpki.verifyPin(kind, core::SecureBytes(QByteArrayView(pin)), PinConfirmation::ConfirmedLastTry);
        QCOMPARE(outcome.error().code, core::Errc::PinFormat);
        QCOMPARE(card.apduCount(), 0);
        QCOMPARE(card.transactions(), 0);
    }

    void cardRemovedDuringVerifyIsNotRetried()
    {
        ScriptedConnection card;
        card.expect(SelectJpkiAp, Ok).expect(selectEf(0x0018), ok()).expect(RetryCounter, "63 C3");
        card.expectError(verifyWith("4721"), core::Errc::CardRemoved);
        JpkiCard jpki(card);
        auto outcome = jpki.verifyPin(PinKind::Auth, secret("4721"));
        QCOMPARE(outcome.error().code, core::Errc::CardRemoved);
        QVERIFY2(card.isClean(), card.report().constData());
        QCOMPARE(card.reconnects(), 0);

        // After reinsertion the driver SELECTs again and re-reads the counter; it never re-sends on its own.
        card.expect(SelectJpkiAp, Ok).expect(selectEf(0x0018), ok()).expect(RetryCounter, "63 C3");
        QVERIFY(jpki.reconnect());
        auto status = jpki.pinStatus(PinKind::Auth);
        QCOMPARE(status->triesLeft, 3);
        QVERIFY2(card.isClean(), card.report().constData());
    }

    void cardRemovedMidRead()
    {
        const QByteArray file = paddedDer(1200, 2048);
        ScriptedConnection card;
        card.expect(ScriptedConnection::hex(SelectJpkiAp), ok()).expect(selectEf(0x000A), ok());
        card.expect(readBinary(0, 8), ok(file.first(8))).expect(readBinary(8, 256), ok(file.mid(8, 256)));
        card.expectError(readBinary(264, 256), core::Errc::CardRemoved);
        JpkiCard jpki(card);
        auto der = jpki.readAuthCertificate();
        QCOMPARE(der.error().code, core::Errc::CardRemoved);
        QVERIFY2(card.isClean(), card.report().constData());
        // The selection is forgotten: the next operation starts with SELECT AID again.
        card.expect(SelectJpkiAp, Ok).expect(selectEf(0x0006), ok()).expect(readBinary(0, 32), "6A 82");
        QCOMPARE(jpki.readToken().error().code, core::Errc::FileNotFound);
        QVERIFY2(card.isClean(), card.report().constData());
    }

    void getResponseOn61xx()
    {
        const QByteArray signature(256, '\x42');
        const QByteArray digest(32, '\x11');
        ScriptedConnection card;
        card.expect(SelectJpkiAp, Ok).expect(selectEf(0x0017), ok());
        card.expect(ScriptedConnection::hex("80 2A 00 80 33") + JpkiCard::sha256DigestInfo(digest) + '\0',
                    ScriptedConnection::hex("61 00"));
        card.expect(ScriptedConnection::hex("00 C0 00 00 00"), ok(signature));
        JpkiCard jpki(card);
        auto signed_ = jpki.signWithAuthKey(digest);
        QVERIFY2(signed_.has_value(), signed_ ? "" : qPrintable(signed_.error().toString()));
        QCOMPARE(*signed_, signature);
        QVERIFY2(card.isClean(), card.report().constData());
    }

    void resendOn6Cxx()
    {
        const QByteArray token = QByteArray("JPKIAPICCTOKEN2").leftJustified(16, ' ');
        ScriptedConnection card;
        card.expect(SelectJpkiAp, Ok).expect(selectEf(0x0006), ok());
        card.expect(readBinary(0, 32), ScriptedConnection::hex("6C 10")).expect(readBinary(0, 16), ok(token));
        JpkiCard jpki(card);
        QCOMPARE(*jpki.readToken(), TokenKind::MyNumberCard);
        QVERIFY2(card.isClean(), card.report().constData());
    }

    void sign_data()
    {
        QTest::addColumn<bool>("authKey");
        QTest::addColumn<QByteArray>("selectAnswer");
        QTest::addColumn<QByteArray>("signAnswer");
        QTest::addColumn<int>("code"); // -1 ok
        const auto h = &ScriptedConnection::hex;
        const QByteArray sig = QByteArray(256, '\x5C') + h(Ok);
        QTest::newRow("auth ok") << true << h(Ok) << sig << -1;
        QTest::newRow("sign ok") << false << h(Ok) << sig << -1;
        QTest::newRow("not verified") << true << h(Ok) << h("69 82") << int(core::Errc::SecurityStatusNotSatisfied);
        QTest::newRow("no signing key") << false << h("6A 82") << QByteArray() << int(core::Errc::NoSigningCertificate);
        QTest::newRow("short signature") << true << h(Ok) << QByteArray(128, '\x01') + h(Ok)
                                         << int(core::Errc::MalformedResponse);
    }

    void sign()
    {
        QFETCH(bool, authKey);
        QFETCH(QByteArray, selectAnswer);
        QFETCH(QByteArray, signAnswer);
        QFETCH(int, code);
        const QByteArray digest(32, '\x22');
        ScriptedConnection card;
        card.expect(ScriptedConnection::hex(SelectJpkiAp), ok())
            .expect(selectEf(authKey ? 0x0017 : 0x001A), selectAnswer);
        if (!signAnswer.isEmpty()) {
            card.expect(ScriptedConnection::hex("80 2A 00 80 33") + JpkiCard::sha256DigestInfo(digest) + '\0',
                        signAnswer);
        }
        JpkiCard jpki(card);
        auto signature = authKey ? jpki.signWithAuthKey(digest) : jpki.signWithSignKey(digest);
        if (code < 0) {
            QVERIFY(signature);
            QCOMPARE(signature->size(), 256);
        } else {
            QCOMPARE(int(signature.error().code), code);
        }
        QVERIFY2(card.isClean(), card.report().constData());
        QCOMPARE(jpki.signWithAuthKey(QByteArray(20, 'x')).error().code, core::Errc::InvalidArgument);
    }

    void basicFactsWithLongLength()
    {
        const QByteArray address = QStringLiteral("北海道札幌市中央区北一条西二丁目一番地").toUtf8().repeated(8);
        const QByteArray value = tlv(0xDF21, ScriptedConnection::hex("22 1E 2E 3E")) +
                                 tlv(0xDF22, QStringLiteral("山田　花子").toUtf8()) + tlv(0xDF23, address) +
                                 tlv(0xDF24, "19750704") + tlv(0xDF25, "2");
        const QByteArray object = tlv(0xFF20, value);
        QVERIFY(object.size() > 300);
        QCOMPARE(quint8(object[2]), quint8(0x82));
        const QByteArray file = object + QByteArray(1024, '\xFF');
        ScriptedConnection card;
        card.expect(ScriptedConnection::hex(SelectTextAp), ok()).expect(selectEf(0x0002), ok());
        const int reads = expectObjectReads(card, file, int(object.size()));
        JpkiCard jpki(card);
        auto facts = jpki.readBasicFacts();
        QVERIFY2(facts.has_value(), facts ? "" : qPrintable(facts.error().toString()));
        QCOMPARE(facts->name, QStringLiteral("山田　花子"));
        QCOMPARE(facts->address, QString::fromUtf8(address));
        QCOMPARE(facts->birthDate, QStringLiteral("19750704"));
        QCOMPARE(facts->sex, QStringLiteral("2"));
        QCOMPARE(card.apduCount(), 2 + reads);
        QVERIFY2(card.isClean(), card.report().constData());
    }

    void basicFactsNeedTextPin()
    {
        ScriptedConnection card;
        card.expect(SelectTextAp, Ok).expect(selectEf(0x0002), ok()).expect(readBinary(0, 8), "69 82");
        JpkiCard jpki(card);
        QCOMPARE(jpki.readBasicFacts().error().code, core::Errc::SecurityStatusNotSatisfied);
        QVERIFY2(card.isClean(), card.report().constData());
    }

    // style.md: logs carry APDU headers and status words, never VERIFY data.
    void logsNeverContainThePin()
    {
        static QStringList messages;
        messages.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("madoguchi.*.debug=true"));
        const auto previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext&, const QString& message) { messages << message; });

        ScriptedConnection card;
        card.expect(SelectJpkiAp, Ok).expect(selectEf(0x0018), ok()).expect(RetryCounter, "63 C3");
        card.expect(verifyWith("4721"), "63 C2");
        card.expect(SelectJpkiAp, Ok).expect(selectEf(0x001B), ok()).expect(RetryCounter, "63 C5");
        card.expect(verifyWith("MYSECRET9"), ok());
        card.expect(SelectJpkiAp, Ok).expect(selectEf(0x0018), ok()).expect(RetryCounter, "63 C2");
        card.expectError(verifyWith("4721"), core::Errc::CardRemoved);
        {
            JpkiCard jpki(card);
            QVERIFY(!jpki.verifyPin(PinKind::Auth, secret("4721")));
        }
        {
            JpkiCard jpki(card);
            QVERIFY(jpki.verifyPin(PinKind::Sign, secret("mysecret9")));
        }
        {
            JpkiCard jpki(card);
            QVERIFY(!jpki.verifyPin(PinKind::Auth, secret("4721")));
        }
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QVERIFY2(card.isClean(), card.report().constData());

        QVERIFY(messages.size() >= 12); // the exchanges were logged, by header
        const QStringList forbidden{QStringLiteral("4721"),        QStringLiteral("34 37 32 31"),
                                    QStringLiteral("34373231"),    QStringLiteral("MYSECRET9"),
                                    QStringLiteral("mysecret9"),   QStringLiteral("4d 59 53"),
                                    QStringLiteral("4D 59 53 45"), QStringLiteral("4d595345")};
        for (const QString& message : std::as_const(messages)) {
            for (const QString& secretText : forbidden) {
                QVERIFY2(!message.contains(secretText, Qt::CaseInsensitive), qPrintable(message));
            }
        }
        QVERIFY(messages.join(QLatin1Char('\n')).contains(QStringLiteral("00 20 00 80 Lc=4")));
    }
};

QTEST_GUILESS_MAIN(TestJpkiCard)
#include "TestJpkiCard.moc"
