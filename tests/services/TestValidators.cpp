#include "services/CsvFieldDecoder.h"
#include "services/CsvReader.h"
#include "services/CsvWriter.h"
#include "services/HealthInsuranceNumber.h"
#include "services/IndividualNumberDetector.h"
#include "services/LinkageValidator.h"
#include "core/PaymentCardNumber.h"

#include <QBuffer>
#include <QTest>

using namespace madoguchi;
using namespace madoguchi::services;

class TestValidators final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void insurerCheckDigit_data()
    {
        QTest::addColumn<QString>("digits");
        QTest::addColumn<int>("check");
        QTest::newRow("jpki-card.md §7") << QStringLiteral("3312001") << 5;
        QTest::newRow("6-digit NHI") << QStringLiteral("13810") << 7;
        QTest::newRow("all zero") << QStringLiteral("0000000") << 0;
        QTest::newRow("product ≥ 10") << QStringLiteral("0100009") << 0;
        QTest::newRow("not digits") << QStringLiteral("33A2001") << -1;
    }
    void insurerCheckDigit()
    {
        QFETCH(QString, digits);
        QFETCH(int, check);
        QCOMPARE(HealthInsuranceNumber::checkDigit(digits), check);
    }

    void insurerNumber_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<bool>("valid");
        QTest::newRow("8 digits ok") << QStringLiteral("33120015") << true;
        QTest::newRow("8 digits bad check") << QStringLiteral("33120014") << false;
        QTest::newRow("6 digits ok") << QStringLiteral("138107") << true;
        QTest::newRow("7 digits") << QStringLiteral("3312001") << false;
        QTest::newRow("full-width") << QStringLiteral("３３１２００１５") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void insurerNumber()
    {
        QFETCH(QString, number);
        QFETCH(bool, valid);
        QCOMPARE(HealthInsuranceNumber::isValidInsurerNumber(number), valid);
    }

    void branch_data()
    {
        QTest::addColumn<QString>("branch");
        QTest::addColumn<bool>("valid");
        QTest::newRow("00") << QStringLiteral("00") << true;
        QTest::newRow("07") << QStringLiteral("07") << true;
        QTest::newRow("7") << QStringLiteral("7") << false;
        QTest::newRow("007") << QStringLiteral("007") << false;
        QTest::newRow("ab") << QStringLiteral("ab") << false;
    }
    void branch()
    {
        QFETCH(QString, branch);
        QFETCH(bool, valid);
        QCOMPARE(HealthInsuranceNumber::isValidBranch(branch), valid);
    }

    void individualNumber_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<bool>("looksLike");
        QTest::newRow("jpki-card.md §7") << QStringLiteral("123456789018") << true;
        QTest::newRow("wrong check") << QStringLiteral("123456789017") << false;
        QTest::newRow("with hyphens") << QStringLiteral("1234-5678-9018") << true;
        QTest::newRow("with spaces") << QStringLiteral("1234 5678 9018") << true;
        QTest::newRow("11 digits") << QStringLiteral("12345678901") << false;
        QTest::newRow("13 digits") << QStringLiteral("1234567890180") << false;
        QTest::newRow("letters") << QStringLiteral("A23456789018") << false;
    }
    void individualNumber()
    {
        QFETCH(QString, field);
        QFETCH(bool, looksLike);
        QCOMPARE(IndividualNumberDetector::checkDigit(QStringLiteral("12345678901")), 8);
        QCOMPARE(IndividualNumberDetector::looksLikeIndividualNumber(field), looksLike);
        QCOMPARE(IndividualNumberDetector::containsIndividualNumber("x," + field.toLatin1() + ",y"),
                 looksLike && !field.contains(QLatin1Char(' ')) && !field.contains(QLatin1Char('-')));
    }

    void luhn_data()
    {
        QTest::addColumn<QByteArray>("pan");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("brand");
        QTest::newRow("visa test") << QByteArray("4111111111111111") << true << QStringLiteral("visa");
        QTest::newRow("visa bad") << QByteArray("4111111111111112") << false << QStringLiteral("visa");
        QTest::newRow("jcb test") << QByteArray("3530111333300000") << true << QStringLiteral("jcb");
        QTest::newRow("mc test") << QByteArray("5555555555554444") << true << QStringLiteral("mastercard");
        QTest::newRow("amex test") << QByteArray("378282246310005") << true << QStringLiteral("amex");
        QTest::newRow("too short") << QByteArray("42") << false << QStringLiteral("visa");
        QTest::newRow("letters") << QByteArray("4111a11111111111") << false << QStringLiteral("visa");
    }
    void luhn()
    {
        QFETCH(QByteArray, pan);
        QFETCH(bool, valid);
        QFETCH(QString, brand);
        const core::SecureBytes secret{QByteArrayView(pan)};
        QCOMPARE(core::PaymentCardNumber::isValid(secret), valid);
        QCOMPARE(core::PaymentCardNumber::brandOf(secret), brand);
    }

    void linkageFields_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QJsonObject>("fields");
        QTest::addColumn<QString>("badField");
        auto hi = [](const char* insurer, const char* number, const char* branch) {
            return QJsonObject{{QStringLiteral("insurer_number"), QString::fromLatin1(insurer)},
                               {QStringLiteral("symbol"), QStringLiteral("記号1")},
                               {QStringLiteral("number"), QString::fromLatin1(number)},
                               {QStringLiteral("branch"), QString::fromLatin1(branch)}};
        };
        QTest::newRow("insurance ok") << QStringLiteral("health_insurance") << hi("33120015", "1234", "01")
                                      << QString();
        QTest::newRow("insurer check") << QStringLiteral("health_insurance") << hi("33120016", "1234", "01")
                                       << QStringLiteral("insurer_number");
        QTest::newRow("branch") << QStringLiteral("health_insurance") << hi("33120015", "1234", "1")
                                << QStringLiteral("branch");
        QTest::newRow("individual number as number")
            << QStringLiteral("health_insurance") << hi("33120015", "123456789018", "01") << QStringLiteral("number");
        QTest::newRow("catv ok") << QStringLiteral("catv")
                                 << QJsonObject{{QStringLiteral("household_id"), QStringLiteral("HH-0042")}}
                                 << QString();
        QTest::newRow("catv individual number")
            << QStringLiteral("catv") << QJsonObject{{QStringLiteral("household_id"), QStringLiteral("123456789018")}}
            << QStringLiteral("household_id");
        QTest::newRow("platform id lower case")
            << QStringLiteral("platform_id") << QJsonObject{{QStringLiteral("platform_id"), QStringLiteral("abc-1")}}
            << QStringLiteral("platform_id");
    }
    void linkageFields()
    {
        QFETCH(QString, kind);
        QFETCH(QJsonObject, fields);
        QFETCH(QString, badField);
        const QList<FieldIssue> issues = LinkageValidator::validate(kind, fields);
        if (badField.isEmpty()) {
            QVERIFY(issues.isEmpty());
        } else {
            QVERIFY(!issues.isEmpty());
            QCOMPARE(issues.first().field, badField);
        }
    }

    void csvReader_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QList<QByteArray>>("first");
        QTest::addColumn<bool>("malformed");
        QTest::newRow("plain CRLF") << QByteArray("a,b,c\r\n") << QList<QByteArray>{"a", "b", "c"} << false;
        QTest::newRow("quotes") << QByteArray("\"a,1\",\"b\"\"q\"\"\"\n") << QList<QByteArray>{"a,1", "b\"q\""}
                                << false;
        QTest::newRow("embedded newline") << QByteArray("\"x\r\ny\",z") << QList<QByteArray>{"x\r\ny", "z"} << false;
        QTest::newRow("empty fields") << QByteArray(",,\n") << QList<QByteArray>{"", "", ""} << false;
        QTest::newRow("stray quote") << QByteArray("ab\"c,d\n") << QList<QByteArray>{"ab\"c", "d"} << true;
        QTest::newRow("unterminated") << QByteArray("\"abc,d\n") << QList<QByteArray>{"abc,d\n"} << true;
        QTest::newRow("sjis trail bytes")
            << QByteArray("\x83\x5c,\x95\x5c\n") << QList<QByteArray>{"\x83\x5c", "\x95\x5c"} << false;
    }
    void csvReader()
    {
        QFETCH(QByteArray, input);
        QFETCH(QList<QByteArray>, first);
        QFETCH(bool, malformed);
        QBuffer buffer(&input);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        CsvReader reader(buffer);
        CsvRecord record;
        QVERIFY(reader.next(record));
        QCOMPARE(record.fields, first);
        QCOMPARE(record.malformed, malformed);
    }

    void cp932Names_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        // Bytes from `printf '山田太郎' | iconv -f UTF-8 -t CP932 | xxd`.
        QTest::newRow("山田太郎") << QByteArray("\x8e\x52\x93\x63\x91\xbe\x98\x59") << QStringLiteral("山田太郎")
                                  << true;
        QTest::newRow("ソ (0x5C trail)") << QByteArray("\x83\x5c") << QStringLiteral("ソ") << true;
        QTest::newRow("髙 (IBM ext)") << QByteArray("\xfb\xfc") << QStringLiteral("髙") << true;
        QTest::newRow("① (NEC ext)") << QByteArray("\x87\x40") << QStringLiteral("①") << true;
        QTest::newRow("half-width ｶﾅ") << QByteArray("\xb6\xc5") << QStringLiteral("ｶﾅ") << true;
        QTest::newRow("truncated") << QByteArray("\x8e") << QString() << false;
    }
    void cp932Names()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, text);
        QFETCH(bool, valid);
        CsvFieldDecoder decoder(CsvEncoding::Cp932);
        QVERIFY(decoder.isValid());
        QString out;
        QCOMPARE(decoder.decode(bytes, out), valid);
        if (valid) {
            QCOMPARE(out, text);
        }
        QCOMPARE(CsvFieldDecoder::detect(bytes + "\n"), CsvEncoding::Cp932);
        QCOMPARE(CsvFieldDecoder::detect(text.toUtf8() + "\n"), CsvEncoding::Utf8);
    }

    void utf8DecoderRejectsCp932()
    {
        CsvFieldDecoder decoder(CsvEncoding::Utf8);
        QString out;
        QVERIFY(!decoder.decode(QByteArray("\x8e\x52\x93\x63"), out));
        QVERIFY(decoder.decode(QStringLiteral("山田").toUtf8(), out));
        QCOMPARE(out, QStringLiteral("山田"));
    }

    void formulaInjection_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("=") << QStringLiteral("=1+2") << QByteArray("'=1+2");
        QTest::newRow("+") << QStringLiteral("+81") << QByteArray("'+81");
        QTest::newRow("-") << QStringLiteral("-5") << QByteArray("'-5");
        QTest::newRow("@") << QStringLiteral("@SUM(A1)") << QByteArray("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\tx") << QByteArray("'\tx");
        QTest::newRow("cr") << QStringLiteral("\rx") << QByteArray("\"'\rx\"");
        QTest::newRow("hyperlink with comma")
            << QStringLiteral("=HYPERLINK(\"u\",\"c\")") << QByteArray("\"'=HYPERLINK(\"\"u\"\",\"\"c\"\")\"");
        QTest::newRow("plain") << QStringLiteral("abc") << QByteArray("abc");
        QTest::newRow("inner =") << QStringLiteral("a=b") << QByteArray("a=b");
    }
    void formulaInjection()
    {
        QFETCH(QString, cell);
        QFETCH(QByteArray, encoded);
        QCOMPARE(CsvWriter::encodeCell(cell), encoded);
    }
};

QTEST_GUILESS_MAIN(TestValidators)
#include "TestValidators.moc"
