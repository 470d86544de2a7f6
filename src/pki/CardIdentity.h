#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <compare>

namespace madoguchi::pki {

// A card is identified by (issuer key identifier, auth-cert serial) (architecture.md §3): the
// serial alone is not unique across CA generations, which all share one DN (jpki-card.md §5).
struct CardIdentity
{
    QByteArray issuerKeyId; // the certificate's authorityKeyIdentifier keyIdentifier
    QByteArray serial;      // big-endian magnitude as in the DER INTEGER

    // Stable text form "<issuer key id hex>:<serial hex>", lower case, e.g. for keys and JSON.
    [[nodiscard]] QString toString() const
    {
        return QString::fromLatin1(issuerKeyId.toHex()) + QLatin1Char(':') + QString::fromLatin1(serial.toHex());
    }

    [[nodiscard]] static core::Result<CardIdentity> fromString(const QString& text)
    {
        const QStringList parts = text.split(QLatin1Char(':'));
        static const QRegularExpression hex(QStringLiteral("^(?:[0-9a-fA-F]{2})+$"));
        if (parts.size() != 2 || !hex.match(parts[0]).hasMatch() || !hex.match(parts[1]).hasMatch()) {
            return core::fail(core::Errc::MalformedInput, QStringLiteral("card identity wants <hex>:<hex>"));
        }
        return CardIdentity{QByteArray::fromHex(parts[0].toLatin1()), QByteArray::fromHex(parts[1].toLatin1())};
    }

    [[nodiscard]] bool isNull() const { return issuerKeyId.isEmpty() || serial.isEmpty(); }

    friend bool operator==(const CardIdentity& a, const CardIdentity& b)
    {
        return a.issuerKeyId == b.issuerKeyId && a.serial == b.serial;
    }
    friend std::strong_ordering operator<=>(const CardIdentity& a, const CardIdentity& b)
    {
        if (const int c = a.issuerKeyId.compare(b.issuerKeyId); c != 0) {
            return c <=> 0;
        }
        return a.serial.compare(b.serial) <=> 0;
    }
};

} // namespace madoguchi::pki
