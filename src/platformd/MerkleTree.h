#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace madoguchi::platformd {

// RFC 6962 §2.1 Merkle Tree Hash over leaf data: leaf = SHA-256(0x00 || d), node = SHA-256(0x01 || l || r),
// split at the largest power of two below n; the empty tree hashes to SHA-256("").
class MerkleTree final
{
public:
    MerkleTree() = delete;
    [[nodiscard]] static QByteArray leafHash(QByteArrayView data);
    [[nodiscard]] static QByteArray rootFromLeafHashes(const QList<QByteArray>& leafHashes);
    // The bytes a terminal signs for a tree head: "madoguchi-sth-v1" || size (8 bytes BE) || root (32).
    [[nodiscard]] static QByteArray treeHeadMessage(qint64 treeSize, const QByteArray& rootHash);
};

} // namespace madoguchi::platformd
