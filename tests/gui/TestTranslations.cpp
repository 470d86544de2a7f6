#include <QDir>
#include <QFile>
#include <QTest>
#include <QXmlStreamReader>

// Both .ts files must be complete: a new string without its Japanese (and English) translation fails
// here, not in front of a clerk.
class TestTranslations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyMessageIsTranslated_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("ja") << QStringLiteral("madoguchi_ja.ts");
        QTest::newRow("en") << QStringLiteral("madoguchi_en.ts");
    }

    void everyMessageIsTranslated()
    {
        QFETCH(QString, file);
        QFile ts(QDir(qEnvironmentVariable("MADOGUCHI_SOURCE_DIR")).filePath(QStringLiteral("translations/") + file));
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        QXmlStreamReader xml(&ts);
        int messages = 0;
        QStringList problems;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement()) {
                continue;
            }
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                ++messages;
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (type == QLatin1String("unfinished") || type == QLatin1String("vanished") ||
                    text.trimmed().isEmpty()) {
                    problems << source;
                }
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(messages > 20, "suspiciously few messages: is the .ts file up to date?");
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("untranslated: ") + problems.join(QStringLiteral(" | "))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "TestTranslations.moc"
