#pragma once

// A card login against the platform as a relying-party terminal does it: GET a challenge, have the
// "card" (the demo resident's auth key) sign it, POST /v1/rp/verify-card.

#include "PlatformTestEnv.h"

#include "pki/DemoResident.h"

namespace madoguchi::tests {

class CardLogin final
{
public:
    CardLogin() = delete;
    [[nodiscard]] static HttpResult verify(const PlatformTestEnv& env, const QSslConfiguration& tls,
                                           const QString& terminalId, const pki::DemoResident& resident);
};

} // namespace madoguchi::tests
