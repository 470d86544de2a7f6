// RFC 6962 §2.1 tree hashes, checked against values computed by hand from the definition.

#include "platformd/MerkleTree.h"

#include <QCryptographicHash>
#include <QTest>

using madoguchi::platformd::MerkleTree;

namespace {

QByteArray sha(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

} // namespace

class TestMerkleTree final : public QObject
{
    Q_OBJECT

private slots:
    void emptyTree() { QCOMPARE(MerkleTree::rootFromLeafHashes({}), sha(QByteArray())); }

    void shapes_data()
    {
        QTest::addColumn<int>("size");
        for (int n : {1, 2, 3, 4, 5, 7, 8}) {
            QTest::newRow(qPrintable(QString::number(n))) << n;
        }
    }

    void shapes()
    {
        QFETCH(int, size);
        QList<QByteArray> leaves;
        for (int i = 0; i < size; ++i) {
            leaves.append(MerkleTree::leafHash(QByteArray(1, static_cast<char>('a' + i))));
        }
        QCOMPARE(leaves[0], sha(QByteArray("\x00", 1) + "a"));
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
        QCOMPARE(MerkleTree::rootFromLeafHashes(leaves), mth(0, size));
        if (size == 3) {
            QCOMPARE(MerkleTree::rootFromLeafHashes(leaves), node(node(leaves[0], leaves[1]), leaves[2]));
        }
    }

    void treeHeadMessage()
    {
        const QByteArray message = MerkleTree::treeHeadMessage(258, QByteArray(32, 'r'));
        QCOMPARE(message.left(16), QByteArray("madoguchi-sth-v1"));
        QCOMPARE(message.mid(16, 8), QByteArray::fromHex("0000000000000102"));
        QCOMPARE(message.size(), 16 + 8 + 32);
    }
};

QTEST_GUILESS_MAIN(TestMerkleTree)
#include "TestMerkleTree.moc"
