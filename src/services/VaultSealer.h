#pragma once

#include "services/PanSealer.h"

#include <QString>

#include <optional>

namespace madoguchi::pki {
struct DemoSet;
}

namespace madoguchi::services {

// The platform vault's public key, to which a credit card's full number is sealed at enrolment (issue 4
// item 4): no one at the counter can open it again. Training: a TEST key of the demo set (its private
// half is never used here). Otherwise "vault.pem" beside the terminal certificate, as the platform
// publishes it at GET /v1/vault/public-key (docs/api/openapi.yaml). nullopt: credit cards cannot be
// enrolled here, and the enrolment says so.
[[nodiscard]] std::optional<PanSealer> loadVaultSealer(const pki::DemoSet* training,
                                                       const QString& terminalCertificate);

} // namespace madoguchi::services
