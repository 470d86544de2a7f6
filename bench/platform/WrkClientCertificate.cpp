// LD_PRELOAD shim that gives wrk a TLS client certificate (wrk has no option for one): wraps
// SSL_CTX_new and loads WRK_CLIENT_CERT / WRK_CLIENT_KEY (PEM files) into every context, so the
// platform's mutual TLS is measured with the same tool as the issue asks (issue 7 "Measure").
// Only the benchmark loads it; it does nothing when the variables are unset.

#include <dlfcn.h>
#include <openssl/ssl.h>

#include <cstdlib>

extern "C" SSL_CTX* SSL_CTX_new(const SSL_METHOD* method)
{
    using Real = SSL_CTX* (*)(const SSL_METHOD*);
    static const Real real = reinterpret_cast<Real>(dlsym(RTLD_NEXT, "SSL_CTX_new"));
    SSL_CTX* context = real(method);
    const char* cert = std::getenv("WRK_CLIENT_CERT");
    const char* key = std::getenv("WRK_CLIENT_KEY");
    if (context != nullptr && cert != nullptr && key != nullptr &&
        (SSL_CTX_use_certificate_chain_file(context, cert) != 1 ||
         SSL_CTX_use_PrivateKey_file(context, key, SSL_FILETYPE_PEM) != 1)) {
        std::abort(); // a benchmark without its client certificate would measure 401s
    }
    return context;
}
