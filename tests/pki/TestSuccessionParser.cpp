#include "pki/SuccessionParser.h"

#include <QBuffer>
#include <QTest>

using namespace madoguchi;
using namespace madoguchi::pki;

namespace {

const QByteArray Header = "old_issuer_key_id,old_serial,new_issuer_key_id,new_serial,linked_at\r\n";

struct Outcome
{
    QList<SuccessionLink> links;
    QList<SuccessionRowError> errors;
    core::Result<SuccessionParseSummary> summary = SuccessionParseSummary{};
};

Outcome parse(const QByteArray& data, SuccessionFormat format)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    Outcome outcome;
    outcome.summary = SuccessionParser::parse(
        buffer, format, [&](const SuccessionLink& link, qint64) { outcome.links.append(link); },
        [&](const SuccessionRowError& error) { outcome.errors.append(error); });
    return outcome;
}

} // namespace

class TestSuccessionParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvValidRecords()
    {
        const QByteArray data = "\xEF\xBB\xBF" + Header +
                                "AABB,00F1,CCDD,\"0102\",2026-04-01T09:00:00Z\r\n"
                                "\r\n"
                                "aabb,F2,ccdd,03,2026-04-01T18:00:00+09:00\n"
                                "aabb,F4,ccdd,05,2026-04-01t08:59:59.750-00:00"; // no final line break
        const Outcome out = parse(data, SuccessionFormat::Csv);
        QVERIFY(out.summary);
        QCOMPARE(out.errors.size(), 0);
        QCOMPARE(out.links.size(), 3);
        QCOMPARE(out.links[0].from.issuerKeyId, QByteArray::fromHex("AABB"));
        QCOMPARE(out.links[0].from.serial, QByteArray::fromHex("F1")); // leading zero byte dropped
        QCOMPARE(out.links[0].to.serial, QByteArray::fromHex("0102"));
        QCOMPARE(out.links[0].linkedAt, QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC));
        QCOMPARE(out.links[1].linkedAt, QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC));
        QCOMPARE(out.links[2].linkedAt, QDateTime(QDate(2026, 4, 1), QTime(8, 59, 59), Qt::UTC));
        QCOMPARE(out.summary->records, 3);
    }

    void csvRowErrors_data()
    {
        QTest::addColumn<QByteArray>("record");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("reasonContains");
        QTest::newRow("too few fields") << QByteArray("AA,01,BB,02") << QString()
                                        << QStringLiteral("expected 5 fields");
        QTest::newRow("too many fields") << QByteArray("AA,01,BB,02,2026-04-01T09:00:00Z,x") << QString()
                                         << QStringLiteral("found 6");
        QTest::newRow("odd hex") << QByteArray("AAB,01,BB,02,2026-04-01T09:00:00Z")
                                 << QStringLiteral("old_issuer_key_id") << QStringLiteral("hex");
        QTest::newRow("non-hex serial") << QByteArray("AA,0G,BB,02,2026-04-01T09:00:00Z")
                                        << QStringLiteral("old_serial") << QStringLiteral("hex");
        QTest::newRow("empty new key id") << QByteArray("AA,01,,02,2026-04-01T09:00:00Z")
                                          << QStringLiteral("new_issuer_key_id") << QStringLiteral("hex");
        QTest::newRow("serial of 21 bytes") << QByteArray("AA,01,BB," + QByteArray(42, '1') + ",2026-04-01T09:00:00Z")
                                            << QStringLiteral("new_serial") << QStringLiteral("20 bytes");
        QTest::newRow("zero serial") << QByteArray("AA,0000,BB,02,2026-04-01T09:00:00Z") << QStringLiteral("old_serial")
                                     << QStringLiteral("positive");
        QTest::newRow("date without zone")
            << QByteArray("AA,01,BB,02,2026-04-01T09:00:00") << QStringLiteral("linked_at") << QStringLiteral("zone");
        QTest::newRow("date without seconds")
            << QByteArray("AA,01,BB,02,2026-04-01T09:00Z") << QStringLiteral("linked_at") << QStringLiteral("RFC 3339");
        QTest::newRow("month 13") << QByteArray("AA,01,BB,02,2026-13-01T09:00:00Z") << QStringLiteral("linked_at")
                                  << QStringLiteral("RFC 3339");
        QTest::newRow("offset +25:00") << QByteArray("AA,01,BB,02,2026-04-01T09:00:00+25:00")
                                       << QStringLiteral("linked_at") << QStringLiteral("RFC 3339");
        QTest::newRow("trailing text") << QByteArray("AA,01,BB,02,2026-04-01T09:00:00Zx") << QStringLiteral("linked_at")
                                       << QStringLiteral("RFC 3339");
        QTest::newRow("not a date") << QByteArray("AA,01,BB,02,yesterday") << QStringLiteral("linked_at")
                                    << QStringLiteral("RFC 3339");
        QTest::newRow("self link") << QByteArray("AA,01,AA,0001,2026-04-01T09:00:00Z") << QStringLiteral("new_serial")
                                   << QStringLiteral("itself");
        QTest::newRow("quote inside field")
            << QByteArray("AA,0\"1,BB,02,2026-04-01T09:00:00Z") << QString() << QStringLiteral("quote inside");
        QTest::newRow("text after quote") << QByteArray("AA,\"01\"x,BB,02,2026-04-01T09:00:00Z") << QString()
                                          << QStringLiteral("after a closing quote");
        QTest::newRow("invalid UTF-8") << QByteArray("AA,01,BB,02,\xff") << QStringLiteral("linked_at")
                                       << QStringLiteral("UTF-8");
        QTest::newRow("unterminated quote")
            << QByteArray("AA,01,BB,\"02,2026-04-01T09:00:00Z") << QString() << QStringLiteral("unterminated");
    }

    // Each bad record is reported with row and field, and the good record after it still arrives.
    void csvRowErrors()
    {
        QFETCH(QByteArray, record);
        QFETCH(QString, field);
        QFETCH(QString, reasonContains);
        const QByteArray good = "\r\nCC,05,DD,06,2026-04-01T09:00:00Z\r\n";
        const bool swallowsRest = QByteArray(QTest::currentDataTag()) == "unterminated quote";
        const Outcome out = parse(Header + record + good, SuccessionFormat::Csv);
        QVERIFY(out.summary);
        QCOMPARE(out.errors.size(), 1);
        QCOMPARE(out.errors[0].row, 2);
        QCOMPARE(out.errors[0].field, field);
        QVERIFY2(out.errors[0].reason.contains(reasonContains), qPrintable(out.errors[0].reason));
        QCOMPARE(out.links.size(), swallowsRest ? 0 : 1);
    }

    void csvQuotedFieldSpansLines()
    {
        // RFC 4180 §2.6: a quoted field may hold a line break; the record starts on line 2 and the
        // next one on line 4.
        const Outcome out =
            parse(Header + "AA,01,BB,\"0\n2\",2026-04-01T09:00:00Z\nCC,05,DD,06,bad\n", SuccessionFormat::Csv);
        QVERIFY(out.summary);
        QCOMPARE(out.errors.size(), 2);
        QCOMPARE(out.errors[0].row, 2);
        QCOMPARE(out.errors[0].field, QStringLiteral("new_serial"));
        QCOMPARE(out.errors[1].row, 4);
    }

    void csvWholeFileErrors_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("wrong header") << QByteArray("old,new\r\nAA,BB\r\n");
        QTest::newRow("reordered header")
            << QByteArray("old_serial,old_issuer_key_id,new_issuer_key_id,new_serial,linked_at\n");
        QTest::newRow("over-long line") << QByteArray(Header + QByteArray(SuccessionParser::MaxLineBytes + 10, 'A') +
                                                      "\n");
    }

    void csvWholeFileErrors()
    {
        QFETCH(QByteArray, data);
        const Outcome out = parse(data, SuccessionFormat::Csv);
        QVERIFY(!out.summary);
        QCOMPARE(out.summary.error().code, core::Errc::MalformedInput);
    }

    void jsonLines_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("field"); // empty with an empty reason: accepted
        QTest::addColumn<QString>("reasonContains");
        const QByteArray ok =
            R"("old_issuer_key_id":"AA","old_serial":"01","new_issuer_key_id":"BB","new_serial":"02")";
        QTest::newRow("valid") << QByteArray("{" + ok + R"(,"linked_at":"2026-04-01T09:00:00Z"})") << QString()
                               << QString();
        QTest::newRow("not JSON") << QByteArray("{old_serial: 1}") << QString() << QStringLiteral("invalid JSON");
        QTest::newRow("array") << QByteArray("[1,2]") << QString() << QStringLiteral("object");
        QTest::newRow("missing member") << QByteArray("{" + ok + "}") << QStringLiteral("linked_at")
                                        << QStringLiteral("missing");
        QTest::newRow("number, not string")
            << QByteArray(
                   R"({"old_issuer_key_id":"AA","old_serial":1,"new_issuer_key_id":"BB","new_serial":"02","linked_at":"2026-04-01T09:00:00Z"})")
            << QStringLiteral("old_serial") << QStringLiteral("string");
        QTest::newRow("unknown member") << QByteArray("{" + ok + R"(,"linked_at":"2026-04-01T09:00:00Z","name":"x"})")
                                        << QStringLiteral("name") << QStringLiteral("unknown");
    }

    void jsonLines()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, field);
        QFETCH(QString, reasonContains);
        const Outcome out = parse("\n" + line + "\n", SuccessionFormat::JsonLines);
        QVERIFY(out.summary);
        if (reasonContains.isEmpty()) {
            QCOMPARE(out.links.size(), 1);
            QCOMPARE(out.errors.size(), 0);
            return;
        }
        QCOMPARE(out.links.size(), 0);
        QCOMPARE(out.errors.size(), 1);
        QCOMPARE(out.errors[0].row, 2);
        QCOMPARE(out.errors[0].field, field);
        QVERIFY2(out.errors[0].reason.contains(reasonContains), qPrintable(out.errors[0].reason));
    }
};

QTEST_GUILESS_MAIN(TestSuccessionParser)
#include "TestSuccessionParser.moc"
