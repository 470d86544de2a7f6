#include "platformd/CertificateVerdictCache.h"

namespace madoguchi::platformd {

std::optional<CertificateVerdict> CertificateVerdictCache::find(const QByteArray& certSha256, const QDateTime& now)
{
    const std::lock_guard lock(m_mutex);
    const auto found = m_index.constFind(certSha256);
    if (found == m_index.constEnd()) {
        return std::nullopt;
    }
    const auto entry = found.value();
    if (!(now < entry->second.expires)) {
        m_order.erase(entry);
        m_index.erase(found);
        return std::nullopt;
    }
    m_order.splice(m_order.begin(), m_order, entry);
    return entry->second;
}

void CertificateVerdictCache::insert(const QByteArray& certSha256, CertificateVerdict verdict)
{
    const std::lock_guard lock(m_mutex);
    if (const auto found = m_index.constFind(certSha256); found != m_index.constEnd()) {
        m_order.erase(found.value());
        m_index.erase(found);
    }
    m_order.emplace_front(certSha256, std::move(verdict));
    m_index.insert(certSha256, m_order.begin());
    while (m_order.size() > static_cast<size_t>(m_capacity)) {
        m_index.remove(m_order.back().first);
        m_order.pop_back();
    }
}

qsizetype CertificateVerdictCache::size() const
{
    const std::lock_guard lock(m_mutex);
    return static_cast<qsizetype>(m_order.size());
}

} // namespace madoguchi::platformd
