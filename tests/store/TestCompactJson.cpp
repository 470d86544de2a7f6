#include "store/CompactJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace madoguchi;

// CompactJson must parse back to exactly the object QJsonDocument would have written.
class TestCompactJson final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QJsonObject>("object");
        QTest::newRow("empty") << QJsonObject{};
        QTest::newRow("insurance") << QJsonObject{{QStringLiteral("insurer_number"), QStringLiteral("33120015")},
                                                  {QStringLiteral("symbol"), QStringLiteral("S5")},
                                                  {QStringLiteral("number"), QStringLiteral("5")},
                                                  {QStringLiteral("branch"), QStringLiteral("05")}};
        QTest::newRow("outbox") << QJsonObject{{QStringLiteral("uuid"), QStringLiteral("0190-ab")},
                                               {QStringLiteral("version"), 12},
                                               {QStringLiteral("kind"), QStringLiteral("catv")},
                                               {QStringLiteral("status"), QStringLiteral("active")}};
        QTest::newRow("escapes") << QJsonObject{{QStringLiteral("q\"k"), QStringLiteral("a\\b\"c\n\t\r\b\f")},
                                                {QStringLiteral("ctl"), QString(QChar(0x01)) + QChar(0x1f)}};
        QTest::newRow("japanese") << QJsonObject{{QStringLiteral("symbol"), QStringLiteral("記号１２")},
                                                 {QStringLiteral("name"), QString::fromUtf8("髙橋 𠮷")}};
        QTest::newRow("other values") << QJsonObject{{QStringLiteral("b"), true},
                                                     {QStringLiteral("n"), QJsonValue::Null},
                                                     {QStringLiteral("big"), qint64(1) << 50},
                                                     {QStringLiteral("neg"), -7}};
        QTest::newRow("fallback double") << QJsonObject{{QStringLiteral("d"), 1.5}};
        QTest::newRow("fallback array") << QJsonObject{{QStringLiteral("a"), QJsonArray{1, 2}}};
    }
    void roundTrip()
    {
        QFETCH(QJsonObject, object);
        const QByteArray text = store::CompactJson::write(object);
        QJsonParseError error{};
        const QJsonDocument parsed = QJsonDocument::fromJson(text, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(parsed.object(), object);
        // Same bytes as Qt's writer for the plain cases: existing rows and new rows look alike.
        if (!text.contains("\\u")) {
            QCOMPARE(text, QJsonDocument(object).toJson(QJsonDocument::Compact));
        }
    }
};

QTEST_GUILESS_MAIN(TestCompactJson)
#include "TestCompactJson.moc"
