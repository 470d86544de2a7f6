#include "core/SecureBytes.h"

#include <QTest>

using madoguchi::core::SecureBytes;

class TestSecureBytes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void copiesAndViews()
    {
        const SecureBytes pin(QByteArrayView("1234"));
        QCOMPARE(pin.size(), 4u);
        QCOMPARE(pin.view(), QByteArrayView("1234"));
    }

    void appendGrowsWithoutLosingBytes_data()
    {
        QTest::addColumn<int>("pieces");
        QTest::newRow("one") << 1;
        QTest::newRow("many") << 100;
    }

    void appendGrowsWithoutLosingBytes()
    {
        QFETCH(int, pieces);
        SecureBytes bytes;
        QByteArray expected;
        for (int i = 0; i < pieces; ++i) {
            bytes.append(static_cast<std::uint8_t>(i));
            expected.append(static_cast<char>(i));
        }
        QCOMPARE(bytes.view(), QByteArrayView(expected));
    }

    void moveLeavesSourceEmpty()
    {
        SecureBytes a(QByteArrayView("secret"));
        SecureBytes b(std::move(a));
        QVERIFY(a.isEmpty()); // NOLINT(bugprone-use-after-move): the point of the test
        QCOMPARE(b.view(), QByteArrayView("secret"));
        a = std::move(b);
        QCOMPARE(a.view(), QByteArrayView("secret"));
    }

    void clearEmpties()
    {
        SecureBytes a(QByteArrayView("secret"));
        a.clear();
        QVERIFY(a.isEmpty());
        QCOMPARE(a.view(), QByteArrayView());
    }

    void equalsComparesContent_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");
        QTest::newRow("same") << QByteArray("1234") << QByteArray("1234") << true;
        QTest::newRow("last differs") << QByteArray("1234") << QByteArray("1235") << false;
        QTest::newRow("length differs") << QByteArray("1234") << QByteArray("123") << false;
        QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    }

    void equalsComparesContent()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        QCOMPARE(SecureBytes(QByteArrayView(a)).equals(SecureBytes(QByteArrayView(b))), equal);
    }
};

QTEST_GUILESS_MAIN(TestSecureBytes)
#include "TestSecureBytes.moc"
