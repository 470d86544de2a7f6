#include "services/PasswordHasher.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace madoguchi::services {

namespace {

constexpr int SaltSize = 16;
constexpr int HashSize = 32;
// scrypt needs 128·r·N bytes (RFC 7914 §2).
constexpr std::uint64_t MaxMem = 256ull * 1024 * 1024;

core::Result<QByteArray> derive(const core::SecureBytes& password, const QByteArray& salt,
                                const store::KdfParams& params)
{
    if (!PasswordHasher::isPlausible(params)) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("implausible scrypt parameters"));
    }
    QByteArray out(HashSize, '\0');
    const std::uint64_t n = std::uint64_t{1} << params.log2N;
    if (EVP_PBE_scrypt(reinterpret_cast<const char*>(password.data()), password.size(),
                       reinterpret_cast<const unsigned char*>(salt.constData()), static_cast<std::size_t>(salt.size()),
                       n, params.r, params.p, MaxMem, reinterpret_cast<unsigned char*>(out.data()),
                       static_cast<std::size_t>(out.size())) != 1) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("scrypt failed"));
    }
    return out;
}

} // namespace

bool PasswordHasher::isPlausible(const store::KdfParams& params)
{
    if (params.log2N < 10 || params.log2N > 22 || params.r == 0 || params.r > 32 || params.p == 0 || params.p > 4) {
        return false;
    }
    return 128ull * params.r * (std::uint64_t{1} << params.log2N) <= MaxMem / 2;
}

core::Result<PasswordHash> PasswordHasher::hash(const core::SecureBytes& password, store::KdfParams params)
{
    QByteArray salt(SaltSize, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), SaltSize) != 1) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("no random bytes for a salt"));
    }
    auto derived = derive(password, salt, params);
    if (!derived) {
        return core::fail(derived.error());
    }
    return PasswordHash{std::move(*derived), std::move(salt), params};
}

core::Result<void> PasswordHasher::verify(const core::SecureBytes& password, const PasswordHash& stored)
{
    auto derived = derive(password, stored.salt, stored.params);
    if (!derived) {
        return core::fail(derived.error());
    }
    if (derived->size() != stored.hash.size() ||
        CRYPTO_memcmp(derived->constData(), stored.hash.constData(), static_cast<std::size_t>(derived->size())) != 0) {
        return core::fail(core::Errc::AuthenticationFailed, QStringLiteral("password does not match"));
    }
    return {};
}

} // namespace madoguchi::services
