#pragma once

#include <QByteArray>
#include <QList>

namespace madoguchi::platformd {

// The tree head a terminal signs with its client-certificate key when it uploads its audit log
// (docs/api/openapi.yaml, /v1/audit/uploads). The tree itself is madoguchi_audit's RFC 6962 Merkle
// tree (src/audit/MerkleHash.h, MemoryTree.h): one implementation for the desktop and the platform.
class TerminalTreeHead final
{
public:
    TerminalTreeHead() = delete;
    // RFC 6962 §2.1 MTH over the first `size` entries (raw leaf data, hashed here as leaves).
    [[nodiscard]] static QByteArray rootOf(const QList<QByteArray>& entries, qsizetype size);
    // The bytes signed: "madoguchi-sth-v1" || tree size (8 bytes BE) || root hash (32).
    [[nodiscard]] static QByteArray signedMessage(qint64 treeSize, const QByteArray& rootHash);
};

} // namespace madoguchi::platformd
