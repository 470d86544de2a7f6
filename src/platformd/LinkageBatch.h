#pragma once

#include "platformd/ApiSupport.h"
#include "platformd/PgConnection.h"
#include "platformd/TokenVault.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace madoguchi::platformd {

// One validated item of a push: its idempotency key, the canonical linkage (terminalId set to the
// pushing terminal), the SHA-256 (hex) of the content as sent (linkage and sealed number), for
// idempotent replays, and — credit cards only — the card number sealed to the vault key (RSA-OAEP
// ciphertext, decoded from base64; docs/vault.md). The sealed number is never part of `linkage`, so
// it never reaches linkage_versions, the feed, conflicts or the idempotency record.
struct LinkageItem
{
    QString key;
    QJsonObject linkage;
    QByteArray contentHash;
    QByteArray sealedNumber{};
};

// Writes one push batch inside the caller's transaction (architecture.md §3, §7): replays stored
// results for known keys (409 idempotency_key_reused when the content differs), decides each new
// item against the current rows (applied, duplicate, or a recorded conflict), writes all applied
// versions with one statement and stores the results under their keys. An item with a sealed number
// is opened into the vault and bound to its linkage (result member vaultToken); a number that does
// not open rejects that item alone (outcome "rejected", nothing of it written).
class LinkageBatch final
{
public:
    LinkageBatch() = delete;
    [[nodiscard]] static ApiResult<QJsonArray> write(PgConnection& db, const QHash<QString, bool>& kinds,
                                                     const QString& terminal, const std::vector<LinkageItem>& items,
                                                     const TokenVault& vault);
};

} // namespace madoguchi::platformd
