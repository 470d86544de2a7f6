#include "card/Tlv.h"

#include <QRandomGenerator>
#include <QTest>

using namespace madoguchi;
using namespace madoguchi::card;

namespace {

QByteArray hex(const char* text)
{
    return QByteArray::fromHex(QByteArray(text));
}

QByteArray tlv(quint16 tag, const QByteArray& value)
{
    QByteArray out;
    out.append(static_cast<char>(tag >> 8)).append(static_cast<char>(tag & 0xFF));
    if (value.size() < 0x80) {
        out.append(static_cast<char>(value.size()));
    } else if (value.size() < 0x100) {
        out.append('\x81').append(static_cast<char>(value.size()));
    } else {
        out.append('\x82').append(static_cast<char>(value.size() >> 8)).append(static_cast<char>(value.size() & 0xFF));
    }
    return out + value;
}

// The Text AP's EF 0002 shape (jpki-card.md §3) with a long address, so FF20 needs 82 xx xx.
QByteArray basicFacts()
{
    const QByteArray address = QStringLiteral("東京都千代田区霞が関二丁目一番二号").toUtf8().repeated(6);
    return tlv(0xFF20, tlv(0xDF21, hex("22 1E 2E 3E")) + tlv(0xDF22, QStringLiteral("山田　太郎").toUtf8()) +
                           tlv(0xDF23, address) + tlv(0xDF24, "19800101") + tlv(0xDF25, "1"));
}

} // namespace

class TestTlv final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void longFf20()
    {
        const QByteArray data = basicFacts();
        QVERIFY(data.size() > 255);
        QCOMPARE(quint8(data[2]), quint8(0x82));
        auto nodes = Tlv::parse(data);
        QVERIFY2(nodes.has_value(), nodes ? "" : qPrintable(nodes.error().toString()));
        QCOMPARE(nodes->size(), 1);
        const TlvNode& outer = nodes->front();
        QCOMPARE(outer.tag, quint32(0xFF20));
        QVERIFY(outer.constructed);
        QCOMPARE(outer.children.size(), 5);
        QCOMPARE(QString::fromUtf8(outer.child(0xDF22)->value), QStringLiteral("山田　太郎"));
        QVERIFY(outer.child(0xDF23)->value.size() > 255);
        QCOMPARE(outer.child(0xDF24)->value, QByteArray("19800101"));
        QCOMPARE(outer.child(0xDF25)->offset, qsizetype(data.size() - 4));
        QVERIFY(!outer.child(0xDF10));

        auto header = Tlv::parseHeader(data.first(8));
        QVERIFY(header);
        QCOMPARE(header->headerLength, 5);
        QCOMPARE(header->totalLength(), int(data.size()));
    }

    void nested()
    {
        const QByteArray data = tlv(0xFF30, tlv(0xFF31, tlv(0xDF32, "ab")) + tlv(0xDF33, "c")) + tlv(0xDF01, "");
        auto nodes = Tlv::parse(data);
        QVERIFY(nodes);
        QCOMPARE(nodes->size(), 2);
        QCOMPARE(nodes->at(0).child(0xFF31)->child(0xDF32)->value, QByteArray("ab"));
        QCOMPARE(nodes->at(1).tag, quint32(0xDF01));
        QVERIFY(nodes->at(1).value.isEmpty());
    }

    void shortTagsAndLengths_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("tag");
        QTest::addColumn<int>("length");
        QTest::newRow("one-byte tag") << hex("04 02 AA BB") << 0x04 << 2;
        QTest::newRow("DF 01 < 31") << hex("DF 01 01 AA") << 0xDF01 << 1;
        QTest::newRow("81 form") << hex("DF 22 81 03 01 02 03") << 0xDF22 << 3;
        QTest::newRow("82 form") << hex("DF 22 82 00 01 09") << 0xDF22 << 1;
        QTest::newRow("three-byte tag") << hex("DF 81 01 01 00") << 0xDF8101 << 1;
    }

    void shortTagsAndLengths()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, tag);
        QFETCH(int, length);
        auto nodes = Tlv::parse(data);
        QVERIFY2(nodes.has_value(), nodes ? "" : qPrintable(nodes.error().toString()));
        QCOMPARE(int(nodes->front().tag), tag);
        QCOMPARE(int(nodes->front().value.size()), length);
    }

    // Every proper prefix of a valid object is an error, never a crash or a partial success.
    void everyTruncationFails()
    {
        const QByteArray data = basicFacts();
        for (qsizetype cut = 1; cut < data.size(); ++cut) {
            auto nodes = Tlv::parse(data.first(cut));
            QVERIFY2(!nodes, qPrintable(QStringLiteral("prefix of %1 bytes parsed").arg(cut)));
            QCOMPARE(nodes.error().code, core::Errc::MalformedTlv);
            QVERIFY(nodes.error().detail.startsWith(QStringLiteral("offset ")));
        }
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("offset");
        QTest::newRow("indefinite") << hex("FF 20 80 00 00") << QStringLiteral("offset 2:");
        QTest::newRow("83 length") << hex("DF 22 83 00 00 01 AA") << QStringLiteral("offset 2:");
        QTest::newRow("tag too long") << hex("DF 81 81 01 00") << QStringLiteral("offset 0:");
        QTest::newRow("child overruns parent") << hex("FF 20 03 DF 22 05 AA") << QStringLiteral("offset 3:");
        QTest::newRow("second object truncated") << hex("DF 01 00 DF 02 02 AA") << QStringLiteral("offset 3:");
        QTest::newRow("missing tag byte") << hex("DF") << QStringLiteral("offset 1:");
    }

    void malformed()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, offset);
        auto nodes = Tlv::parse(data);
        QVERIFY(!nodes);
        QCOMPARE(nodes.error().code, core::Errc::MalformedTlv);
        QVERIFY2(nodes.error().detail.startsWith(offset), qPrintable(nodes.error().detail));
    }

    void tooDeep()
    {
        QByteArray data = tlv(0xDF01, "x");
        for (int i = 0; i < Tlv::MaxDepth + 2; ++i) {
            data = tlv(0xFF01, data);
        }
        auto nodes = Tlv::parse(data);
        QVERIFY(!nodes);
        QCOMPARE(nodes.error().code, core::Errc::MalformedTlv);
    }

    // Deterministic random inputs (fixed seed): the parser answers or fails, never reads out of bounds
    // (run under MADOGUCHI_SANITIZE=address;undefined to make that visible).
    void randomInputNeverCrashes()
    {
        QRandomGenerator random(20261128);
        int accepted = 0;
        for (int round = 0; round < 20000; ++round) {
            QByteArray data(random.bounded(0, 24), '\0');
            for (auto& byte : data) {
                byte = static_cast<char>(random.bounded(256));
            }
            if (round % 3 == 0 && data.size() > 2) {
                data[0] = '\xFF';
            }
            accepted += Tlv::parse(data).has_value() ? 1 : 0;
        }
        QVERIFY(accepted > 0);
    }
};

QTEST_GUILESS_MAIN(TestTlv)
#include "TestTlv.moc"
