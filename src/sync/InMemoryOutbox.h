#pragma once

#include "sync/OutboxSource.h"

#include <mutex>

namespace madoguchi::sync {

// An OutboxSource in memory (tests, benchmarks, the CLI's one-shot pushes).
class InMemoryOutbox : public OutboxSource
{
public:
    // Adds a change with a fresh idempotency key (a UUID); returns the key.
    QString add(const LinkageRecord& linkage);
    void addWithKey(const OutboxItem& item);
    [[nodiscard]] core::Result<QList<OutboxItem>> pending(int limit) const override;
    // Not final: tests hook acknowledge() to act between batches.
    [[nodiscard]] core::Result<void> acknowledge(const QList<PushResult>& results) override;
    [[nodiscard]] int size() const;

private:
    mutable std::mutex m_mutex;
    QList<OutboxItem> m_items;
};

} // namespace madoguchi::sync
