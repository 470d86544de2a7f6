#include "card/PinPadFeatures.h"

#include <QTest>

using namespace madoguchi;
using card::PinPadFeatures;

namespace {

// A connection whose reader answers CM_IOCTL_GET_FEATURE_REQUEST with fixed bytes (or not at all).
class FeatureConnection final : public card::CardConnection
{
public:
    explicit FeatureConnection(core::Result<QByteArray> answer) : m_answer(std::move(answer)) {}
    core::Result<card::ResponseApdu> transmit(const card::CommandApdu&) override
    {
        return core::fail(core::Errc::Unsupported, QStringLiteral("no card"));
    }
    core::Result<void> beginTransaction() override { return {}; }
    core::Result<void> endTransaction() override { return {}; }
    core::Result<void> reconnect() override { return {}; }
    QByteArray atr() const override { return {}; }
    QString readerName() const override { return QStringLiteral("test"); }
    bool supportsExtendedLength() const override { return false; }
    int apduCount() const override { return 0; }
    core::Result<QByteArray> readerFeatures() override { return m_answer; }

private:
    core::Result<QByteArray> m_answer;
};

} // namespace

// PC/SC Part 10 §2.2 feature lists: what a PIN pad reader announces, and the readers that announce nothing.
class TestPinPadFeatures final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("tlvs");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("verify"); // -1: none
        QTest::addColumn<qint64>("modify");
        // The shape of the CCID driver's answer for a pinpad reader: each IOCTL is
        // SCARD_CTL_CODE(0x330000 + feature) (pcsc-lite: 0x42000000 + code).
        QTest::newRow("pinpad") << QByteArray::fromHex("060442330006070442330007120442330012") << true
                                << qint64(0x42330006) << qint64(0x42330007);
        QTest::newRow("no pinpad (only GET_TLV_PROPERTIES)")
            << QByteArray::fromHex("120442330012") << true << qint64(-1) << qint64(-1);
        QTest::newRow("empty") << QByteArray() << true << qint64(-1) << qint64(-1);
        QTest::newRow("truncated value") << QByteArray::fromHex("0604423300") << false << qint64(-1) << qint64(-1);
        QTest::newRow("truncated header") << QByteArray::fromHex("06") << false << qint64(-1) << qint64(-1);
        QTest::newRow("wrong length") << QByteArray::fromHex("060242330012") << false << qint64(-1) << qint64(-1);
    }

    void parse()
    {
        QFETCH(QByteArray, tlvs);
        QFETCH(bool, ok);
        QFETCH(qint64, verify);
        QFETCH(qint64, modify);
        const auto features = PinPadFeatures::parse(tlvs);
        QCOMPARE(bool(features), ok);
        if (!ok) {
            QCOMPARE(features.error().code, core::Errc::MalformedTlv);
            return;
        }
        QCOMPARE(features->canVerifyOnPinPad(), verify >= 0);
        QCOMPARE(features->verifyPinDirect.value_or(quint32(0)), verify >= 0 ? quint32(verify) : 0u);
        QCOMPARE(features->modifyPinDirect.value_or(quint32(0)), modify >= 0 ? quint32(modify) : 0u);
    }

    void queryTreatsUnsupportedAsNoPinPad()
    {
        FeatureConnection none(core::fail(core::Errc::Unsupported, QStringLiteral("x")));
        auto features = PinPadFeatures::query(none);
        QVERIFY(features);
        QVERIFY(!features->canVerifyOnPinPad());
        FeatureConnection pinpad(QByteArray::fromHex("060442330006"));
        QVERIFY(PinPadFeatures::query(pinpad)->canVerifyOnPinPad());
        FeatureConnection broken(core::fail(core::Errc::CardRemoved, QStringLiteral("x")));
        QCOMPARE(PinPadFeatures::query(broken).error().code, core::Errc::CardRemoved);
    }
};

QTEST_GUILESS_MAIN(TestPinPadFeatures)
#include "TestPinPadFeatures.moc"
