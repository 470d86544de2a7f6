#include "core/Result.h"

#include <QSet>
#include <QTest>

using namespace madoguchi::core;

class TestError final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCodeHasAUniqueName()
    {
        QSet<QString> names;
        for (int i = 0; i <= static_cast<int>(Errc::CardNotBound); ++i) {
            const QString name = errcName(static_cast<Errc>(i));
            QVERIFY2(!name.startsWith(QStringLiteral("unknown_")), qPrintable(name));
            QVERIFY2(!names.contains(name), qPrintable(name));
            names.insert(name);
        }
    }

    void toStringCarriesDetailAndNativeCode()
    {
        const Error error{Errc::PinBlocked, QStringLiteral("auth PIN"), 0x6983};
        QCOMPARE(error.toString(), QStringLiteral("pin_blocked: auth PIN (0x6983)"));
        QCOMPARE(error.domain(), ErrorDomain::Pin);
    }

    void failMakesAnError()
    {
        const Result<int> result = fail(Errc::NoCard, QStringLiteral("reader 0"));
        QVERIFY(!result);
        QCOMPARE(result.error().code, Errc::NoCard);
    }
};

QTEST_GUILESS_MAIN(TestError)
#include "TestError.moc"
