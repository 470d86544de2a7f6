#include "sync/LinkageRecord.h"

namespace madoguchi::sync {

namespace {

QJsonValue dateValue(const QDate& date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue();
}

} // namespace

QJsonObject LinkageRecord::toJson() const
{
    QJsonObject o{{QStringLiteral("linkageId"), linkageId.toString(QUuid::WithoutBraces)},
                  {QStringLiteral("cardId"), cardId},
                  {QStringLiteral("kind"), kind},
                  {QStringLiteral("version"), version},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("fields"), fields},
                  {QStringLiteral("validFrom"), dateValue(validFrom)},
                  {QStringLiteral("validTo"), dateValue(validTo)},
                  {QStringLiteral("assurance"), assurance},
                  {QStringLiteral("operator"), operatorId}};
    if (!terminalId.isEmpty()) {
        o.insert(QStringLiteral("terminalId"), terminalId);
    }
    return o;
}

core::Result<LinkageRecord> LinkageRecord::fromJson(const QJsonObject& o)
{
    LinkageRecord r;
    r.linkageId = QUuid::fromString(o.value(QStringLiteral("linkageId")).toString());
    r.cardId = o.value(QStringLiteral("cardId")).toString();
    r.kind = o.value(QStringLiteral("kind")).toString();
    r.version = o.value(QStringLiteral("version")).toInt();
    r.status = o.value(QStringLiteral("status")).toString();
    r.fields = o.value(QStringLiteral("fields")).toObject();
    r.validFrom = QDate::fromString(o.value(QStringLiteral("validFrom")).toString(), Qt::ISODate);
    r.validTo = QDate::fromString(o.value(QStringLiteral("validTo")).toString(), Qt::ISODate);
    r.assurance = o.value(QStringLiteral("assurance")).toString();
    r.terminalId = o.value(QStringLiteral("terminalId")).toString();
    r.operatorId = o.value(QStringLiteral("operator")).toString();
    r.seq = static_cast<qint64>(o.value(QStringLiteral("seq")).toDouble());
    if (r.linkageId.isNull() || r.cardId.isEmpty() || r.kind.isEmpty() || r.version < 1) {
        return core::fail(core::Errc::MalformedInput,
                          QStringLiteral("linkage: id, cardId, kind and version are required"));
    }
    return r;
}

bool LinkageRecord::sameContent(const LinkageRecord& other) const
{
    return linkageId == other.linkageId && cardId == other.cardId && kind == other.kind && version == other.version &&
           status == other.status && fields == other.fields && validFrom == other.validFrom &&
           validTo == other.validTo && assurance == other.assurance && operatorId == other.operatorId;
}

} // namespace madoguchi::sync
