#pragma once

#include "core/Clock.h"
#include "pki/OcspCheck.h"
#include "pki/OcspClientOptions.h"
#include "pki/RevocationQuery.h"

#include <QNetworkAccessManager>
#include <QObject>

namespace madoguchi::pki {

class OcspCache;

// Starts OCSP checks (RFC 6960) from the thread it lives in, sharing one QNetworkAccessManager
// and an optional cache. Asynchronous: nothing here blocks the calling thread.
class OcspClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OcspClient)

public:
    OcspClient(const core::Clock& clock, OcspCache* cache, OcspClientOptions options, QObject* parent = nullptr);

    // Starts a check; the caller owns it (deleteLater() after finished()). Connect to finished()
    // right after the call: it is never emitted before the event loop runs.
    [[nodiscard]] OcspCheck* check(const RevocationQuery& query);

    [[nodiscard]] const OcspClientOptions& options() const { return m_options; }

private:
    QNetworkAccessManager m_network;
    const core::Clock& m_clock;
    OcspCache* m_cache;
    OcspClientOptions m_options;
};

} // namespace madoguchi::pki
