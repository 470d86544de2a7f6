#include "card/HolderChallenge.h"

#include <openssl/rand.h>

#include <algorithm>

namespace madoguchi::card {

namespace {

constexpr char DomainLabel[] = "MADOGUCHI-HOLDER-PROOF-1";

void appendField(QByteArray& out, QByteArrayView field)
{
    const auto size = static_cast<quint16>(std::min<qsizetype>(field.size(), 0xFFFF));
    out.append(static_cast<char>(size >> 8)).append(static_cast<char>(size & 0xFF));
    out.append(field.first(size));
}

} // namespace

core::Result<HolderChallenge> HolderChallenge::create(const QString& purpose, const QString& terminalId,
                                                      const core::Clock& clock)
{
    if (purpose.isEmpty() || terminalId.isEmpty()) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("a challenge needs a purpose and a terminal"));
    }
    HolderChallenge challenge;
    challenge.nonce = QByteArray(NonceLength, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(challenge.nonce.data()), NonceLength) != 1) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("RAND_bytes failed"));
    }
    challenge.purpose = purpose;
    challenge.terminalId = terminalId;
    QDateTime now = clock.now().toUTC();
    now.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
    challenge.time = now;
    return challenge;
}

QByteArray HolderChallenge::toBytes() const
{
    QByteArray out(DomainLabel, sizeof(DomainLabel) - 1);
    appendField(out, nonce);
    appendField(out, purpose.toUtf8());
    appendField(out, terminalId.toUtf8());
    appendField(out, time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")).toLatin1());
    return out;
}

} // namespace madoguchi::card
