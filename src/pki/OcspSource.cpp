#include "pki/OcspSource.h"

#include "pki/OcspCheck.h"
#include "pki/OcspClient.h"

#include <QEventLoop>
#include <QMutexLocker>

#include <memory>

namespace madoguchi::pki {

OcspSource::OcspSource(const core::Clock& clock, OcspCache* cache, OcspClientOptions options)
    : m_clock(clock), m_cache(cache), m_options(std::move(options))
{}

core::Result<RevocationStatus> OcspSource::statusOf(const RevocationQuery& query)
{
    // A client per call: its QNetworkAccessManager must live in the calling (worker) thread.
    OcspClient client(m_clock, m_cache, m_options);
    std::unique_ptr<OcspCheck> check(client.check(query));
    QEventLoop loop;
    QObject::connect(check.get(), &OcspCheck::finished, &loop, &QEventLoop::quit);
    {
        QMutexLocker lock(&m_mutex);
        m_running = check.get();
    }
    if (!check->isFinished()) {
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    QMutexLocker lock(&m_mutex);
    m_running = nullptr;
    return check->result();
}

void OcspSource::cancel()
{
    QMutexLocker lock(&m_mutex);
    // Queued into the worker's thread: OcspCheck is not thread-safe itself. The check is destroyed
    // only after m_running is cleared under the mutex, and Qt drops events posted to a deleted object.
    if (m_running != nullptr) {
        QMetaObject::invokeMethod(m_running, &OcspCheck::cancel, Qt::QueuedConnection);
    }
}

} // namespace madoguchi::pki
