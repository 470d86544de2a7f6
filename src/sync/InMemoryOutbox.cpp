#include "sync/InMemoryOutbox.h"

#include <QSet>

namespace madoguchi::sync {

QString InMemoryOutbox::add(const LinkageRecord& linkage)
{
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    addWithKey(OutboxItem{key, linkage});
    return key;
}

void InMemoryOutbox::addWithKey(const OutboxItem& item)
{
    const std::lock_guard lock(m_mutex);
    m_items.append(item);
}

core::Result<QList<OutboxItem>> InMemoryOutbox::pending(int limit) const
{
    const std::lock_guard lock(m_mutex);
    return m_items.mid(0, limit);
}

core::Result<void> InMemoryOutbox::acknowledge(const QList<PushResult>& results)
{
    QSet<QString> done;
    for (const PushResult& result : results) {
        done.insert(result.idempotencyKey);
    }
    const std::lock_guard lock(m_mutex);
    m_items.removeIf([&done](const OutboxItem& item) { return done.contains(item.idempotencyKey); });
    return {};
}

int InMemoryOutbox::size() const
{
    const std::lock_guard lock(m_mutex);
    return static_cast<int>(m_items.size());
}

} // namespace madoguchi::sync
