#include "store/Linkage.h"

#include <array>

namespace madoguchi::store {

namespace {

constexpr std::array StatusNames{"active", "suspended", "ended", "migrated"};
constexpr std::array AssuranceNames{"pin_signature", "photo_check", "tap_only"};

template <typename Enum, std::size_t N>
std::optional<Enum> fromName(const std::array<const char*, N>& names, QStringView name)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (name == QLatin1String(names[i])) {
            return static_cast<Enum>(i);
        }
    }
    return std::nullopt;
}

} // namespace

QString statusName(LinkageStatus status)
{
    return QString::fromLatin1(StatusNames.at(static_cast<std::size_t>(status)));
}

std::optional<LinkageStatus> statusFromName(QStringView name)
{
    return fromName<LinkageStatus>(StatusNames, name);
}

QString assuranceName(Assurance assurance)
{
    return QString::fromLatin1(AssuranceNames.at(static_cast<std::size_t>(assurance)));
}

std::optional<Assurance> assuranceFromName(QStringView name)
{
    return fromName<Assurance>(AssuranceNames, name);
}

QJsonObject Linkage::toJson() const
{
    // The sealed PAN is ciphertext only the platform opens; it is not shown to people or scripts.
    return QJsonObject{{QStringLiteral("uuid"), uuid.toString(QUuid::WithoutBraces)},
                       {QStringLiteral("version"), version},
                       {QStringLiteral("card"), card.toString()},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("status"), statusName(status)},
                       {QStringLiteral("validFrom"), validFrom.toString(Qt::ISODate)},
                       {QStringLiteral("validTo"), validTo.toString(Qt::ISODate)},
                       {QStringLiteral("createdBy"), createdBy},
                       {QStringLiteral("assurance"), assuranceName(assurance)},
                       {QStringLiteral("fields"), fields},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("createdAt"), createdAt.toString(Qt::ISODate)}};
}

} // namespace madoguchi::store
