// The audit upload's tree head: RFC 6962 §2.1 roots (through madoguchi_audit's tree) checked against
// values computed here from the definition, and the signed message layout.

#include "platformd/TerminalTreeHead.h"

#include <QCryptographicHash>
#include <QTest>

#include <functional>

using madoguchi::platformd::TerminalTreeHead;

namespace {

QByteArray sha(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

} // namespace

class TestTerminalTreeHead final : public QObject
{
    Q_OBJECT

private slots:
    void emptyTree() { QCOMPARE(TerminalTreeHead::rootOf({}, 0), sha(QByteArray())); }

    void shapes_data()
    {
        QTest::addColumn<int>("size");
        for (int n : {1, 2, 3, 4, 5, 7, 8, 13}) {
            QTest::newRow(qPrintable(QString::number(n))) << n;
        }
    }

    void shapes()
    {
        QFETCH(int, size);
        QList<QByteArray> entries;
        QList<QByteArray> leaves;
        for (int i = 0; i < size + 2; ++i) { // two entries beyond the head: not covered by its root
            entries.append(QByteArray(1, static_cast<char>('a' + i)));
            leaves.append(sha(QByteArray("\x00", 1) + entries.last()));
        }
        auto node = [](const QByteArray& l, const QByteArray& r) { return sha(QByteArray("\x01", 1) + l + r); };
        // Reference: split at the largest power of two below n (RFC 6962 §2.1).
        std::function<QByteArray(int, int)> mth = [&](int b, int e) -> QByteArray {
            if (e - b == 1) {
                return leaves[b];
            }
            int k = 1;
            while (k * 2 < e - b) {
                k *= 2;
            }
            return node(mth(b, b + k), mth(b + k, e));
        };
        QCOMPARE(TerminalTreeHead::rootOf(entries, size), mth(0, size));
        if (size == 3) {
            QCOMPARE(TerminalTreeHead::rootOf(entries, size), node(node(leaves[0], leaves[1]), leaves[2]));
        }
    }

    void signedMessage()
    {
        const QByteArray message = TerminalTreeHead::signedMessage(258, QByteArray(32, 'r'));
        QCOMPARE(message.left(16), QByteArray("madoguchi-sth-v1"));
        QCOMPARE(message.mid(16, 8), QByteArray::fromHex("0000000000000102"));
        QCOMPARE(message.size(), 16 + 8 + 32);
    }
};

QTEST_GUILESS_MAIN(TestTerminalTreeHead)
#include "TestTerminalTreeHead.moc"
