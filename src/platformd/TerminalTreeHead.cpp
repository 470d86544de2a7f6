#include "platformd/TerminalTreeHead.h"

#include "audit/MemoryTree.h"
#include "audit/MerkleHash.h"

#include <QtEndian>

namespace madoguchi::platformd {

QByteArray TerminalTreeHead::rootOf(const QList<QByteArray>& entries, qsizetype size)
{
    audit::TreeFrontier frontier; // O(log n) memory: the right edge of the growing tree
    for (qsizetype i = 0; i < std::min(size, entries.size()); ++i) {
        frontier.append(audit::leafHash(entries[i]));
    }
    return audit::toBytes(frontier.root());
}

QByteArray TerminalTreeHead::signedMessage(qint64 treeSize, const QByteArray& rootHash)
{
    QByteArray message("madoguchi-sth-v1");
    char size[8];
    qToBigEndian(static_cast<quint64>(treeSize), size);
    message.append(size, 8);
    message.append(rootHash);
    return message;
}

} // namespace madoguchi::platformd
