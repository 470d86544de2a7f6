// RFC 6962 §2.1 tree hash, audit paths and consistency proofs against a literal transcription of the
// RFC's recursive definitions, for every size up to 70 (covers non-powers of two on both sides).
#include "audit/MemoryTree.h"
#include "audit/MerkleTree.h"

#include <QTest>

using namespace madoguchi::audit;

namespace {

std::vector<Hash> leaves(int n)
{
    std::vector<Hash> out;
    for (int i = 0; i < n; ++i) {
        out.push_back(leafHash(QByteArray::number(i)));
    }
    return out;
}

// MTH(D[begin:end]) exactly as RFC 6962 §2.1 writes it.
Hash referenceMth(const std::vector<Hash>& d, qint64 begin, qint64 end)
{
    if (end - begin == 1) {
        return d[static_cast<std::size_t>(begin)];
    }
    qint64 k = 1;
    while (k * 2 < end - begin) {
        k *= 2;
    }
    return nodeHash(referenceMth(d, begin, begin + k), referenceMth(d, begin + k, end));
}

} // namespace

class TestMerkleTree final : public QObject
{
    Q_OBJECT

private slots:
    void knownAnswers()
    {
        // RFC 6962 test vectors (certificate-transparency-go testdata): the empty tree and one
        // leaf of the empty string.
        QCOMPARE(toBytes(emptyTreeHash()).toHex(),
                 QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(toBytes(leafHash({})).toHex(),
                 QByteArray("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"));
    }

    void rootMatchesReference()
    {
        for (int n = 1; n <= 70; ++n) {
            const auto d = leaves(n);
            MemoryTree tree(d);
            QCOMPARE(*MerkleTree::root(tree, n), referenceMth(d, 0, n));
            TreeFrontier frontier;
            for (const Hash& h : d) {
                frontier.append(h);
            }
            QCOMPARE(frontier.root(), referenceMth(d, 0, n));
        }
    }

    void inclusionProofsVerifyAndFailWhenAltered()
    {
        const auto d = leaves(70);
        MemoryTree tree(d);
        for (qint64 n = 1; n <= 70; ++n) {
            const Hash root = referenceMth(d, 0, n);
            for (qint64 i = 0; i < n; ++i) {
                auto proof = MerkleTree::inclusionProof(tree, i, n);
                QVERIFY(proof);
                QVERIFY(MerkleTree::verifyInclusion(d[std::size_t(i)], i, n, *proof, root));
                QVERIFY(!MerkleTree::verifyInclusion(d[std::size_t((i + 1) % 70)], i, n, *proof, root) || n == 1);
                if (!proof->empty()) {
                    Proof bad = *proof;
                    bad.back()[0] ^= 1;
                    QVERIFY(!MerkleTree::verifyInclusion(d[std::size_t(i)], i, n, bad, root));
                    bad = *proof;
                    bad.pop_back();
                    QVERIFY(!MerkleTree::verifyInclusion(d[std::size_t(i)], i, n, bad, root));
                }
                if (n < 70) {
                    QVERIFY(!MerkleTree::verifyInclusion(d[std::size_t(i)], i, n, *proof, referenceMth(d, 0, n + 1)));
                }
            }
        }
    }

    void consistencyProofsVerifyAndFailWhenAltered()
    {
        const auto d = leaves(70);
        MemoryTree tree(d);
        for (qint64 n = 1; n <= 70; ++n) {
            const Hash newRoot = referenceMth(d, 0, n);
            for (qint64 m = 1; m <= n; ++m) {
                const Hash oldRoot = referenceMth(d, 0, m);
                auto proof = MerkleTree::consistencyProof(tree, m, n);
                QVERIFY(proof);
                QVERIFY2(MerkleTree::verifyConsistency(m, n, oldRoot, newRoot, *proof),
                         qPrintable(QStringLiteral("%1 -> %2").arg(m).arg(n)));
                if (m < n) {
                    Proof bad = *proof;
                    bad.front()[5] ^= 0x40;
                    QVERIFY(!MerkleTree::verifyConsistency(m, n, oldRoot, newRoot, bad));
                    QVERIFY(!MerkleTree::verifyConsistency(m, n, newRoot, newRoot, *proof));
                    QVERIFY(!MerkleTree::verifyConsistency(m, n, oldRoot, oldRoot, *proof) || m == n);
                }
            }
        }
    }

    void outOfRangeIsRefused()
    {
        MemoryTree tree(leaves(4));
        QVERIFY(!MerkleTree::inclusionProof(tree, 4, 4));
        QVERIFY(!MerkleTree::consistencyProof(tree, 5, 4));
        QVERIFY(!MerkleTree::verifyInclusion(Hash{}, 0, 0, {}, emptyTreeHash()));
    }
};

QTEST_GUILESS_MAIN(TestMerkleTree)
#include "TestMerkleTree.moc"
