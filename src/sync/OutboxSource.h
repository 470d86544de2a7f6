#pragma once

#include "core/Result.h"
#include "sync/SyncTypes.h"

#include <QList>

namespace madoguchi::sync {

// Where SyncClient takes local changes from; the desktop store implements it over its outbox table.
// Items stay until acknowledged, so a crash or an offline spell loses nothing.
class OutboxSource
{
public:
    virtual ~OutboxSource() = default;
    // The oldest `limit` unacknowledged items, in the order they were made.
    [[nodiscard]] virtual core::Result<QList<OutboxItem>> pending(int limit) const = 0;
    // The platform answered these keys (applied, duplicate or conflict): remove them. A failure stops
    // the run (the items stay and are sent again: their keys make the repeat harmless).
    [[nodiscard]] virtual core::Result<void> acknowledge(const QList<PushResult>& results) = 0;
};

} // namespace madoguchi::sync
