#pragma once

#include "platformd/ApiSupport.h"
#include "platformd/PgConnection.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace madoguchi::platformd {

// One validated item of a push: its idempotency key, the canonical linkage (terminalId set to the
// pushing terminal) and the SHA-256 (hex) of the content as sent, for idempotent replays.
struct LinkageItem
{
    QString key;
    QJsonObject linkage;
    QByteArray contentHash;
};

// Writes one push batch inside the caller's transaction (architecture.md §3, §7): replays stored
// results for known keys (409 idempotency_key_reused when the content differs), decides each new
// item against the current rows (applied, duplicate, or a recorded conflict), writes all applied
// versions with one statement and stores the results under their keys.
class LinkageBatch final
{
public:
    LinkageBatch() = delete;
    [[nodiscard]] static ApiResult<QJsonArray> write(PgConnection& db, const QHash<QString, bool>& kinds,
                                                     const QString& terminal, const std::vector<LinkageItem>& items);
};

} // namespace madoguchi::platformd
