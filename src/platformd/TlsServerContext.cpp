#include "platformd/TlsServerContext.h"

#include "platformd/HttpsServer.h"

#include <boost/asio/ssl/context.hpp>

#include <openssl/ssl.h>

namespace madoguchi::platformd {

namespace net = boost::asio;
namespace ssl = net::ssl;

core::Result<void> TlsServerContext::configure(ssl::context& context, const HttpsServerOptions& options)
{
    try {
        // TLS 1.2+ only (no SSLv2/3, TLS 1.0/1.1).
        context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                            ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
        context.use_certificate_chain(net::buffer(options.certificatePem.constData(), options.certificatePem.size()));
        context.use_private_key(net::buffer(options.privateKeyPem.constData(), options.privateKeyPem.size()),
                                ssl::context::pem);
        context.add_certificate_authority(net::buffer(options.clientCaPem.constData(), options.clientCaPem.size()));
        // verify_peer without fail_if_no_peer_cert: a sent certificate must verify (chain to the terminal
        // CA, within validity); a missing one is left to the API, which only serves health and
        // registration without it.
        context.set_verify_mode(ssl::verify_peer);
        static const unsigned char sessionContext[] = "madoguchi-platformd";
        SSL_CTX_set_session_id_context(context.native_handle(), sessionContext, sizeof sessionContext - 1);
    } catch (const boost::system::system_error& e) {
        return core::fail(core::Errc::CryptoFailure,
                          QStringLiteral("TLS setup: %1").arg(QString::fromStdString(e.what())));
    }
    return {};
}

} // namespace madoguchi::platformd
