#include "platformd/MerkleTree.h"

#include <QCryptographicHash>
#include <QtEndian>

namespace madoguchi::platformd {

namespace {

QByteArray rootOf(const QList<QByteArray>& hashes, qsizetype begin, qsizetype end)
{
    const qsizetype n = end - begin;
    if (n == 1) {
        return hashes[begin];
    }
    qsizetype k = 1;
    while (k * 2 < n) {
        k *= 2;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView("\x01", 1));
    hash.addData(rootOf(hashes, begin, begin + k));
    hash.addData(rootOf(hashes, begin + k, end));
    return hash.result();
}

} // namespace

QByteArray MerkleTree::leafHash(QByteArrayView data)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView("\x00", 1));
    hash.addData(data);
    return hash.result();
}

QByteArray MerkleTree::rootFromLeafHashes(const QList<QByteArray>& leafHashes)
{
    if (leafHashes.isEmpty()) {
        return QCryptographicHash::hash(QByteArray(), QCryptographicHash::Sha256);
    }
    return rootOf(leafHashes, 0, leafHashes.size());
}

QByteArray MerkleTree::treeHeadMessage(qint64 treeSize, const QByteArray& rootHash)
{
    QByteArray message("madoguchi-sth-v1");
    char size[8];
    qToBigEndian(static_cast<quint64>(treeSize), size);
    message.append(size, 8);
    message.append(rootHash);
    return message;
}

} // namespace madoguchi::platformd
