#pragma once

#include "store/CardIdentity.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <optional>

namespace madoguchi::store {

enum class LinkageStatus
{
    Active,
    Suspended,
    Ended,
    Migrated,
};

// How the resident proved they hold the card at enrolment (architecture.md §3).
enum class Assurance
{
    PinSignature,
    PhotoCheck,
    TapOnly,
};

[[nodiscard]] QString statusName(LinkageStatus status);
[[nodiscard]] std::optional<LinkageStatus> statusFromName(QStringView name);
[[nodiscard]] QString assuranceName(Assurance assurance);
[[nodiscard]] std::optional<Assurance> assuranceFromName(QStringView name);

// One version of one linkage, as stored in linkage_version (resources/migrations/0001_initial.sql).
struct Linkage
{
    QUuid uuid;
    int version = 1;
    qint64 cardId = 0;
    CardIdentity card;
    QString kind; // a linkage_kind.code: "platform_id", "health_insurance", "credit_card", "catv", ...
    LinkageStatus status = LinkageStatus::Active;
    QDate validFrom;
    QDate validTo;
    QString createdBy;
    Assurance assurance = Assurance::TapOnly;
    QJsonObject fields;
    QString searchKey;
    QByteArray sealedPan;
    QString reason;
    QDateTime createdAt;

    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace madoguchi::store
