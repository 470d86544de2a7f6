#pragma once

#include <QByteArray>
#include <QString>

namespace madoguchi::store {

// A card is (issuer key identifier, auth-cert serial) (architecture.md §3): the serial alone is not
// unique across CA generations and changes on renewal. Both are raw bytes from the certificate.
struct CardIdentity
{
    QByteArray issuerKeyId;
    QByteArray serial;

    [[nodiscard]] bool isValid() const { return !issuerKeyId.isEmpty() && !serial.isEmpty(); }
    // "<issuer key id hex>:<serial hex>", the form used in CSV files, the CLI and logs.
    [[nodiscard]] QString toString() const
    {
        return QString::fromLatin1(issuerKeyId.toHex()) + QLatin1Char(':') + QString::fromLatin1(serial.toHex());
    }
    [[nodiscard]] static CardIdentity fromHex(QByteArrayView issuerHex, QByteArrayView serialHex)
    {
        return {QByteArray::fromHex(issuerHex.toByteArray()), QByteArray::fromHex(serialHex.toByteArray())};
    }
    friend bool operator==(const CardIdentity&, const CardIdentity&) = default;
};

} // namespace madoguchi::store
