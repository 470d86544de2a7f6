#pragma once

#include "core/Clock.h"
#include "pki/OcspClientOptions.h"
#include "pki/RevocationSource.h"

#include <QMutex>

namespace madoguchi::pki {

class OcspCache;
class OcspCheck;

// OCSP as a RevocationSource: runs one OcspCheck to completion in a local event loop of the
// calling thread. For worker threads (services' jobs) and the CLI — never the GUI thread, which
// uses OcspClient directly.
class OcspSource final : public RevocationSource
{
public:
    OcspSource(const core::Clock& clock, OcspCache* cache, OcspClientOptions options);

    [[nodiscard]] RevocationSourceKind kind() const override { return RevocationSourceKind::Ocsp; }
    [[nodiscard]] core::Result<RevocationStatus> statusOf(const RevocationQuery& query) override;
    void cancel() override;

private:
    const core::Clock& m_clock;
    OcspCache* m_cache;
    OcspClientOptions m_options;
    QMutex m_mutex;
    OcspCheck* m_running = nullptr; // guarded by m_mutex
};

} // namespace madoguchi::pki
