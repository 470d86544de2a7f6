#include "pki/OcspClient.h"

namespace madoguchi::pki {

OcspClient::OcspClient(const core::Clock& clock, OcspCache* cache, OcspClientOptions options, QObject* parent)
    : QObject(parent), m_clock(clock), m_cache(cache), m_options(std::move(options))
{}

OcspCheck* OcspClient::check(const RevocationQuery& query)
{
    auto* check = new OcspCheck(m_network, m_clock, m_cache, m_options, query);
    check->start();
    return check;
}

} // namespace madoguchi::pki
