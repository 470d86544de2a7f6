#pragma once

#include <QByteArray>
#include <QList>

namespace madoguchi::pki {

struct OcspClientOptions
{
    int timeoutMs = 10'000;          // whole exchange, connect to last byte
    qint64 allowedSkewSeconds = 300; // clock difference tolerated on thisUpdate/nextUpdate
    qint64 maxResponseBytes = 256 * 1024;
    // Responder certificates known out of band (see OcspExpectation::signerCandidates).
    QList<QByteArray> signerCandidates;
    // The J-LIS responder is reached on a closed network (jpki-card.md §6): no proxy unless asked.
    bool useSystemProxy = false;
};

} // namespace madoguchi::pki
