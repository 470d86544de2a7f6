#pragma once

#include "core/Result.h"

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QUuid>

namespace madoguchi::sync {

// The wire model of a linkage (architecture.md §3; docs/api/openapi.yaml `Linkage`). The desktop
// store maps its rows to this in a thin adapter; the kind is data ("health_insurance", …) and its
// fields are a JSON object, so a new service needs no new code here.
struct LinkageRecord
{
    QUuid linkageId;
    QString cardId; // pki::CardIdentity::toString()
    QString kind;
    int version = 1;
    QString status = QStringLiteral("active"); // active | suspended | ended | migrated
    QJsonObject fields;
    QDate validFrom; // null: open
    QDate validTo;
    QString assurance = QStringLiteral("pin_signature"); // pin_signature | photo_check | tap_only
    QString terminalId;                                  // set by the platform to the pushing terminal
    QString operatorId;
    qint64 seq = 0; // the platform's change sequence (0: not from the feed)

    [[nodiscard]] QJsonObject toJson() const; // without seq
    [[nodiscard]] static core::Result<LinkageRecord> fromJson(const QJsonObject& object);
    // Same content (ignores seq and terminalId).
    [[nodiscard]] bool sameContent(const LinkageRecord& other) const;
};

} // namespace madoguchi::sync
