#pragma once

#include "core/Result.h"

namespace boost::asio::ssl {
class context;
}

namespace madoguchi::platformd {

struct HttpsServerOptions;

// The server side of mutual TLS for HttpsServer (architecture.md §7): TLS 1.2+, the server's chain and
// key, client certificates verified against the terminal CA when sent. Apart from HttpsServer.cpp so
// that the Beast translation unit stays small; this one needs only Asio's SSL context.
class TlsServerContext final
{
public:
    [[nodiscard]] static core::Result<void> configure(boost::asio::ssl::context& context,
                                                      const HttpsServerOptions& options);
};

} // namespace madoguchi::platformd
