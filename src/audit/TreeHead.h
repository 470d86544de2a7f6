#pragma once

#include "audit/MerkleHash.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace madoguchi::audit {

// A signed tree head (RFC 6962 §3.5 in spirit): the terminal commits to the first `size` entries.
struct TreeHead
{
    qint64 size = 0;
    qint64 timeMs = 0;
    QString terminal;
    Hash root{};
    QByteArray signature; // Ed25519 over signedBytes()

    // What the signature covers: "madoguchi-audit-sth-v1" 0x00, terminal length (4 bytes BE) + UTF-8,
    // size and time (8 bytes BE each), the root. A domain label so the key signs nothing else alike.
    [[nodiscard]] QByteArray signedBytes() const;
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static bool fromJson(const QJsonObject& json, TreeHead& out);
};

} // namespace madoguchi::audit
