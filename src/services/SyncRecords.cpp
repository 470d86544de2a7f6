#include "services/SyncRecords.h"

#include "pki/CardIdentity.h"
#include "services/LinkageValidator.h"
#include "store/Database.h"

namespace madoguchi::services {

core::Result<SyncRecords> SyncRecords::load(store::Database& db)
{
    auto stmt = db.prepare("SELECT code, wire_code, single_active FROM sync_kind");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    SyncRecords records;
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return core::fail(row.error());
        }
        if (!*row) {
            return records;
        }
        const QString code = stmt->columnText(0);
        const QString wire = stmt->columnText(1);
        records.m_toWire.insert(code, wire);
        records.m_fromWire.insert(wire, code);
        if (stmt->columnInt64(2) != 0) {
            records.m_singleActive.insert(code);
        }
    }
}

core::Result<store::CardIdentity> SyncRecords::cardOf(const QString& cardId)
{
    auto card = pki::CardIdentity::fromString(cardId);
    if (!card) {
        return core::fail(card.error());
    }
    return store::CardIdentity{card->issuerKeyId, card->serial};
}

sync::LinkageRecord SyncRecords::toWire(const store::Linkage& l) const
{
    sync::LinkageRecord r;
    r.linkageId = l.uuid;
    r.cardId = l.card.toString();
    r.kind = m_toWire.value(l.kind, l.kind);
    r.version = l.version;
    r.status = store::statusName(l.status);
    r.fields = l.fields;
    r.validFrom = l.validFrom;
    r.validTo = l.validTo;
    r.assurance = store::assuranceName(l.assurance);
    r.operatorId = l.createdBy.left(64);
    return r;
}

core::Result<store::Linkage> SyncRecords::fromWire(const sync::LinkageRecord& r) const
{
    const QString kind = m_fromWire.value(r.kind);
    const auto status = store::statusFromName(r.status);
    const auto assurance = store::assuranceFromName(r.assurance);
    auto card = cardOf(r.cardId);
    if (kind.isEmpty() || !status || !assurance || !card) {
        return core::fail(core::Errc::MalformedInput,
                          QStringLiteral("platform linkage %1: unknown kind, status, assurance or card id")
                              .arg(r.linkageId.toString(QUuid::WithoutBraces)));
    }
    store::Linkage l;
    l.uuid = r.linkageId;
    l.version = r.version;
    l.card = *card;
    l.kind = kind;
    l.status = *status;
    l.validFrom = r.validFrom;
    l.validTo = r.validTo;
    l.assurance = *assurance;
    l.fields = r.fields;
    l.searchKey = LinkageValidator::searchKey(kind, r.fields);
    l.createdBy = r.terminalId.isEmpty() ? r.operatorId : r.operatorId + QLatin1Char('@') + r.terminalId;
    return l;
}

} // namespace madoguchi::services
