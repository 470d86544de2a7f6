#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/SecureBytes.h"
#include "platformd/HttpMessage.h"

#include <QByteArray>

#include <functional>
#include <memory>
#include <optional>

namespace madoguchi::pki {
class TrustStore;
}

namespace madoguchi::platformd {

class PgPipeline;
class PgPool;
class TerminalCa;

struct PlatformApiConfig
{
    PgPool* pool = nullptr;
    const TerminalCa* ca = nullptr;
    const core::Clock* clock = nullptr;
    const pki::TrustStore* trust = nullptr; // JPKI anchors for card verification
    QByteArray vaultPrivateKeyPem;          // RSA: opens card numbers sealed with RSA-OAEP-SHA256
    QByteArray vaultPublicKeyPem;
    core::SecureBytes secret; // 32 bytes: vault AES-256-GCM key and challenge HMAC key
    int terminalCertificateDays = 365;
    int challengeLifetimeSeconds = 120;
    // Card verification caches chain/validity verdicts by certificate SHA-256 (CertificateVerdictCache).
    int verdictCacheSize = 10000;
    int verdictLifetimeSeconds = 300;
    int maxBatchItems = 1000;
};

// The /v1 API (docs/api/openapi.yaml). Stateless between requests: everything lives in PostgreSQL
// or is derived from the configuration (challenges are HMAC-authenticated, not stored until used).
class PlatformApi final
{
public:
    [[nodiscard]] static core::Result<std::unique_ptr<PlatformApi>> create(PlatformApiConfig config);
    ~PlatformApi();
    PlatformApi(const PlatformApi&) = delete;
    PlatformApi& operator=(const PlatformApi&) = delete;

    [[nodiscard]] HttpResponse handle(const HttpRequest& request);
    // The relying-party checks (qualification, card verification) without blocking: their statement
    // goes through `pipeline` and `respond` is called when its row is back (on the pipeline's
    // thread). Returns false, having done nothing, for every other request: those go to handle().
    [[nodiscard]] bool handleAsync(const HttpRequest& request, PgPipeline& pipeline,
                                   std::function<void(HttpResponse)> respond);
    // Per connection: a terminal whose certificate the platform revoked (or never registered) is
    // answered 403 on every request of that connection.
    [[nodiscard]] std::optional<HttpResponse> gate(const PeerIdentity& peer);

    struct Impl;

private:
    explicit PlatformApi(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace madoguchi::platformd
