#pragma once

#include "core/Result.h"
#include "store/Linkage.h"
#include "sync/LinkageRecord.h"

#include <QHash>
#include <QSet>
#include <QString>

namespace madoguchi::store {
class Database;
}

namespace madoguchi::services {

// The thin adapter between the store's linkage rows and the wire model (sync::LinkageRecord,
// docs/api/openapi.yaml): kind codes through sync_kind (0032_sync.sql), the card identity as
// "<issuer key id hex>:<serial hex>". The sealed PAN does not travel in this model.
class SyncRecords final
{
public:
    [[nodiscard]] static core::Result<SyncRecords> load(store::Database& db);

    [[nodiscard]] sync::LinkageRecord toWire(const store::Linkage& linkage) const;
    // A store row for a platform record: kind mapped back, search key computed, created_by names the
    // operator and the terminal it came from. Fails for an unknown kind or a malformed card id.
    [[nodiscard]] core::Result<store::Linkage> fromWire(const sync::LinkageRecord& record) const;
    [[nodiscard]] bool isSingleActive(const QString& localKind) const { return m_singleActive.contains(localKind); }
    [[nodiscard]] QString localKind(const QString& wireKind) const { return m_fromWire.value(wireKind); }

    [[nodiscard]] static core::Result<store::CardIdentity> cardOf(const QString& cardId);

private:
    QHash<QString, QString> m_toWire;
    QHash<QString, QString> m_fromWire;
    QSet<QString> m_singleActive;
};

} // namespace madoguchi::services
