#pragma once

#include "core/Clock.h"
#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace madoguchi::card {

// What the card's auth key signs to prove the holder is present. The card signs any bytes it is given
// (jpki-card.md §4), so the challenge carries its own context: a fresh nonce, the purpose, the
// terminal and the time; a signature made for one purpose or terminal cannot be replayed for another.
struct HolderChallenge
{
    static constexpr int NonceLength = 32;

    QByteArray nonce; // NonceLength random bytes
    QString purpose;  // e.g. "enrol", "card-login"
    QString terminalId;
    QDateTime time; // UTC, whole seconds

    // A fresh challenge with a random nonce (OpenSSL RAND_bytes).
    [[nodiscard]] static core::Result<HolderChallenge> create(const QString& purpose, const QString& terminalId,
                                                              const core::Clock& clock);
    // The canonical bytes that are hashed and signed: a domain label, then each field as a 2-byte
    // big-endian length and its bytes (nonce, purpose UTF-8, terminal UTF-8, time "yyyy-MM-ddTHH:mm:ssZ").
    [[nodiscard]] QByteArray toBytes() const;
};

} // namespace madoguchi::card
