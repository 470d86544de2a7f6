#pragma once

#include "platformd/HttpMessage.h"

struct ssl_st; // OpenSSL's SSL (style.md: C headers only in .cpp files)

namespace madoguchi::platformd {

// The verified client certificate of a TLS connection as a PeerIdentity (CN, OU, serial, DER).
// Internal to HttpsServer.cpp (the only file with an SSL*).
class TlsPeer final
{
public:
    TlsPeer() = delete;
    [[nodiscard]] static PeerIdentity identity(ssl_st* ssl);
};

} // namespace madoguchi::platformd
