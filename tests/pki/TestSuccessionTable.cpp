#include "pki/SuccessionTable.h"

#include <QBuffer>
#include <QTest>

using namespace madoguchi;
using namespace madoguchi::pki;

namespace {

SuccessionKey key(const char* serialHex)
{
    return SuccessionKey{QByteArray::fromHex("AA"), QByteArray::fromHex(serialHex)};
}

SuccessionLink makeLink(const char* from, const char* to)
{
    return SuccessionLink{key(from), key(to), QDateTime(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC)};
}

} // namespace

class TestSuccessionTable final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Links added in order; then the expected result of the last add and of resolving "01".
    void chainsAndCycles_data()
    {
        QTest::addColumn<QStringList>("links");  // "from>to"
        QTest::addColumn<int>("lastAdd");        // -1 ok, else the Errc
        QTest::addColumn<QString>("latestOf01"); // empty: no successor
        const int ok = -1;
        QTest::newRow("single link") << QStringList{QStringLiteral("01>02")} << ok << QStringLiteral("02");
        QTest::newRow("chain in order") << QStringList{QStringLiteral("01>02"), QStringLiteral("02>03"),
                                                       QStringLiteral("03>04")}
                                        << ok << QStringLiteral("04");
        QTest::newRow("chain out of order")
            << QStringList{QStringLiteral("03>04"), QStringLiteral("01>02"), QStringLiteral("02>03")} << ok
            << QStringLiteral("04");
        QTest::newRow("duplicate is fine")
            << QStringList{QStringLiteral("01>02"), QStringLiteral("01>02")} << ok << QStringLiteral("02");
        QTest::newRow("conflict") << QStringList{QStringLiteral("01>02"), QStringLiteral("01>05")}
                                  << static_cast<int>(core::Errc::SuccessionConflict) << QStringLiteral("02");
        QTest::newRow("two-cycle") << QStringList{QStringLiteral("01>02"), QStringLiteral("02>01")}
                                   << static_cast<int>(core::Errc::SuccessionCycle) << QStringLiteral("02");
        QTest::newRow("long cycle") << QStringList{QStringLiteral("01>02"), QStringLiteral("02>03"),
                                                   QStringLiteral("03>04"), QStringLiteral("04>01")}
                                    << static_cast<int>(core::Errc::SuccessionCycle) << QStringLiteral("04");
        QTest::newRow("self") << QStringList{QStringLiteral("01>01")} << static_cast<int>(core::Errc::SuccessionCycle)
                              << QString();
        QTest::newRow("unrelated") << QStringList{QStringLiteral("05>06")} << ok << QString();
    }

    void chainsAndCycles()
    {
        QFETCH(QStringList, links);
        QFETCH(int, lastAdd);
        QFETCH(QString, latestOf01);
        SuccessionTable table;
        core::Result<bool> result = false;
        for (const QString& text : links) {
            const QStringList parts = text.split(QLatin1Char('>'));
            result = table.add(makeLink(parts[0].toLatin1().constData(), parts[1].toLatin1().constData()));
        }
        if (lastAdd < 0) {
            QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
        } else {
            QVERIFY(!result);
            QCOMPARE(static_cast<int>(result.error().code), lastAdd);
        }
        const auto latest = table.latestSuccessorOf(key("01"));
        QCOMPARE(latest.has_value(), !latestOf01.isEmpty());
        if (latest) {
            QCOMPARE(latest->serial, QByteArray::fromHex(latestOf01.toLatin1()));
        }
    }

    void sameSerialUnderAnotherIssuerIsAnotherCertificate()
    {
        SuccessionTable table;
        QVERIFY(table.add(makeLink("01", "02")));
        QVERIFY(!table.latestSuccessorOf(SuccessionKey{QByteArray::fromHex("BB"), QByteArray::fromHex("01")}));
    }

    void importReportsConflictsAsRowErrors()
    {
        QBuffer buffer;
        buffer.setData("old_issuer_key_id,old_serial,new_issuer_key_id,new_serial,linked_at\n"
                       "AA,01,AA,02,2026-04-01T09:00:00Z\n"
                       "AA,02,AA,03,2026-04-02T09:00:00Z\n"
                       "AA,03,AA,01,2026-04-03T09:00:00Z\n"   // cycle
                       "AA,01,AA,02,2026-04-01T09:00:00Z\n"   // duplicate
                       "AA,01,AA,09,2026-04-01T09:00:00Z\n"   // conflict
                       "AA,zz,AA,09,2026-04-01T09:00:00Z\n"); // malformed
        buffer.open(QIODevice::ReadOnly);
        QList<SuccessionRowError> errors;
        const auto summary = SuccessionTable().import(buffer, SuccessionFormat::Csv,
                                                      [&](const SuccessionRowError& e) { errors.append(e); });
        QVERIFY(summary);
        QCOMPARE(summary->parsed.records, 6);
        QCOMPARE(summary->added, 2);
        QCOMPARE(summary->duplicates, 1);
        QCOMPARE(summary->refused, 2);
        QCOMPARE(errors.size(), 3);
        QCOMPARE(errors[0].row, 4);
        QVERIFY(errors[0].reason.startsWith(QStringLiteral("succession_cycle")));
        QCOMPARE(errors[1].row, 6);
        QVERIFY(errors[1].reason.startsWith(QStringLiteral("succession_conflict")));
        QCOMPARE(errors[2].row, 7);
        QCOMPARE(errors[2].field, QStringLiteral("old_serial"));
    }
};

QTEST_GUILESS_MAIN(TestSuccessionTable)
#include "TestSuccessionTable.moc"
