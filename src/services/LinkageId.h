#pragma once

#include <QUuid>

namespace madoguchi::services {

// Linkage UUIDs are time-ordered (UUID version 7, RFC 9562 §5.7: 48-bit Unix milliseconds, then
// random bits). Random v4 UUIDs scatter the (uuid, version) index inserts (and, before 0033, the
// outbox's idempotency-key index) over the whole B-tree: at 1 M rows those indexes outgrow the 64 MB
// cache and every batch rewrites thousands of random (encrypted) pages. v7 keys append at the right
// edge instead. Thread-safe (a bulk import makes them on its reading thread).
class LinkageId final
{
public:
    [[nodiscard]] static QUuid create();
};

} // namespace madoguchi::services
