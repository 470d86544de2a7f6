#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"
#include "store/KeyFile.h"

#include <QByteArray>

namespace madoguchi::services {

// An operator password as stored: scrypt (RFC 7914) output, its salt and its cost.
struct PasswordHash
{
    QByteArray hash; // 32 bytes
    QByteArray salt; // 16 random bytes
    store::KdfParams params;
};

// Hashes and checks operator passwords. scrypt with the key file's cost (N = 2^15, r = 8, p = 1:
// 32 MiB and ~100 ms per guess here); tests pass a cheaper cost. The comparison is constant-time.
class PasswordHasher final
{
public:
    PasswordHasher() = delete;

    [[nodiscard]] static core::Result<PasswordHash> hash(const core::SecureBytes& password, store::KdfParams params);
    // Errc::AuthenticationFailed when the password does not match.
    [[nodiscard]] static core::Result<void> verify(const core::SecureBytes& password, const PasswordHash& stored);
    // Cost limits for stored parameters: a damaged row must not make scrypt allocate gigabytes.
    [[nodiscard]] static bool isPlausible(const store::KdfParams& params);
};

} // namespace madoguchi::services
