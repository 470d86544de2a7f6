#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

namespace madoguchi::pki {

// A deterministic byte stream for the *test* PKI: SHA-256 in counter mode over a 32-byte key.
// Same seed and labels → same bytes, so a seeded test PKI is byte-identical from run to run.
// Each item (a key, a serial) draws from its own derived stream, so adding a resident does not
// change the others. Never use this for real keys: the seed is public.
class SeededRandom final
{
public:
    // Deterministic: the key is derived from the seed.
    explicit SeededRandom(quint64 seed);
    // Unpredictable: the key comes from OpenSSL's RAND_bytes.
    [[nodiscard]] static SeededRandom fromSystemEntropy();

    [[nodiscard]] SeededRandom derive(QByteArrayView label) const;
    [[nodiscard]] QByteArray next(qsizetype count);
    [[nodiscard]] quint64 nextUInt64();

private:
    explicit SeededRandom(QByteArray key) : m_key(std::move(key)) {}

    QByteArray m_key;
    quint64 m_counter = 0;
    QByteArray m_buffer;
};

} // namespace madoguchi::pki
