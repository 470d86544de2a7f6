#include "pki/SeededRandom.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <openssl/rand.h>

namespace madoguchi::pki {

namespace {

QByteArray sha256(QByteArrayView a, QByteArrayView b)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(a);
    hash.addData(b);
    return hash.result();
}

QByteArray bigEndian64(quint64 value)
{
    QByteArray bytes(8, '\0');
    qToBigEndian(value, bytes.data());
    return bytes;
}

} // namespace

SeededRandom::SeededRandom(quint64 seed) : m_key(sha256("madoguchi test pki seed", bigEndian64(seed))) {}

SeededRandom SeededRandom::fromSystemEntropy()
{
    QByteArray key(32, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(key.data()), static_cast<int>(key.size())) != 1) {
        qFatal("RAND_bytes failed: no entropy for the test PKI");
    }
    return SeededRandom(key);
}

SeededRandom SeededRandom::derive(QByteArrayView label) const
{
    return SeededRandom(sha256(m_key, label));
}

QByteArray SeededRandom::next(qsizetype count)
{
    while (m_buffer.size() < count) {
        m_buffer += sha256(m_key, bigEndian64(m_counter++));
    }
    QByteArray out = m_buffer.first(count);
    m_buffer.remove(0, count);
    return out;
}

quint64 SeededRandom::nextUInt64()
{
    return qFromBigEndian<quint64>(next(8).constData());
}

} // namespace madoguchi::pki
