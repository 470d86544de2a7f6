#include "store/KeyFile.h"

#include "store/CipherSettings.h"

#include <QFile>
#include <QSaveFile>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>

namespace madoguchi::store {

namespace {

constexpr std::array<char, 8> Magic{'M', 'D', 'G', 'K', 'E', 'Y', '\0', '\1'};
constexpr int FileSize = 96;
constexpr int SaltOffset = 16, NonceOffset = 32, WrappedOffset = 44, TagOffset = 76;
constexpr int SaltSize = 16, NonceSize = 12, TagSize = 16;
constexpr quint8 KdfScrypt = 1;
constexpr int WrappingOffset = 12;

struct CipherCtxFree
{
    void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

core::Result<core::SecureBytes> deriveKek(const core::SecureBytes& passphrase, const std::uint8_t* salt,
                                          const KdfParams& params)
{
    // scrypt needs 128·r·N bytes (RFC 7914 §2); a damaged or hostile file must not make us allocate
    // gigabytes, so anything past MaxMem is "not our key file".
    constexpr std::uint64_t MaxMem = 256ull * 1024 * 1024;
    const std::uint64_t n = std::uint64_t{1} << std::min<quint8>(params.log2N, 40);
    if (params.log2N < 10 || params.r == 0 || params.p == 0 || params.p > 4 || 128ull * params.r * n > MaxMem / 2) {
        return core::fail(core::Errc::WrongKey, QStringLiteral("key file has implausible KDF parameters"));
    }
    core::SecureBytes kek(32);
    const std::uint64_t maxMem = MaxMem;
    if (EVP_PBE_scrypt(reinterpret_cast<const char*>(passphrase.data()), passphrase.size(), salt, SaltSize, n, params.r,
                       params.p, maxMem, kek.data(), kek.size()) != 1) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("scrypt failed"));
    }
    return kek;
}

// AES-256-GCM in one direction; `encrypt` false verifies the tag and fails with WrongKey.
core::Result<void> gcm(bool encrypt, const core::SecureBytes& kek, std::uint8_t* file, const std::uint8_t* in,
                       std::uint8_t* out)
{
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    bool ok = ctx && EVP_CipherInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, kek.data(), file + NonceOffset,
                                       encrypt ? 1 : 0) == 1;
    ok = ok && EVP_CipherUpdate(ctx.get(), nullptr, &len, file, WrappedOffset) == 1; // AAD
    ok = ok && EVP_CipherUpdate(ctx.get(), out, &len, in, DatabaseKeySize) == 1;
    if (!encrypt) {
        ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, TagSize, file + TagOffset) == 1;
    }
    const bool finished = ok && EVP_CipherFinal_ex(ctx.get(), out + len, &len) == 1;
    if (!finished) {
        return encrypt ? core::fail(core::Errc::CryptoFailure, QStringLiteral("AES-GCM wrap failed"))
                       : core::fail(core::Errc::WrongKey, QStringLiteral("wrong passphrase or damaged key file"));
    }
    if (encrypt && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, TagSize, file + TagOffset) != 1) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("AES-GCM tag failed"));
    }
    return {};
}

// The whole file, checked for our magic, size and KDF id (the tag is checked by unwrap()).
core::Result<QByteArray> readKeyFile(const QString& path)
{
    QFile in(path);
    if (!in.exists()) {
        return core::fail(core::Errc::NotFound, QStringLiteral("no key file at %1").arg(path));
    }
    if (!in.open(QIODevice::ReadOnly)) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot read %1: %2").arg(path, in.errorString()));
    }
    QByteArray bytes = in.read(FileSize + 1);
    if (bytes.size() != FileSize || std::memcmp(bytes.constData(), Magic.data(), Magic.size()) != 0 ||
        static_cast<quint8>(bytes[8]) != KdfScrypt) {
        return core::fail(core::Errc::WrongKey, QStringLiteral("%1 is not a Madoguchi key file (v1)").arg(path));
    }
    return bytes;
}

} // namespace

core::Result<core::SecureBytes> KeyFile::randomKey()
{
    core::SecureBytes key(DatabaseKeySize);
    if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("RAND_bytes failed"));
    }
    return key;
}

QString KeyFile::defaultPathFor(const QString& databasePath)
{
    return databasePath + QStringLiteral(".key");
}

core::Result<void> KeyFile::write(const QString& path, const core::SecureBytes& databaseKey,
                                  const core::SecureBytes& passphrase, KdfParams params, KeyWrapping wrapping)
{
    if (databaseKey.size() != DatabaseKeySize || passphrase.isEmpty()) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("key must be 32 bytes, passphrase non-empty"));
    }
    std::array<std::uint8_t, FileSize> file{};
    std::memcpy(file.data(), Magic.data(), Magic.size());
    file[8] = KdfScrypt;
    file[9] = params.log2N;
    file[10] = params.r;
    file[11] = params.p;
    file[WrappingOffset] = static_cast<std::uint8_t>(wrapping);
    if (RAND_bytes(file.data() + SaltOffset, SaltSize + NonceSize) != 1) {
        return core::fail(core::Errc::CryptoFailure, QStringLiteral("RAND_bytes failed"));
    }
    auto kek = deriveKek(passphrase, file.data() + SaltOffset, params);
    if (!kek) {
        return core::fail(kek.error());
    }
    if (auto sealed = gcm(true, *kek, file.data(), databaseKey.data(), file.data() + WrappedOffset); !sealed) {
        return sealed;
    }
    // QSaveFile: the old key file stays intact until the new one is completely on disk.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot write %1: %2").arg(path, out.errorString()));
    }
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    out.write(reinterpret_cast<const char*>(file.data()), FileSize);
    if (!out.commit()) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot write %1: %2").arg(path, out.errorString()));
    }
    return {};
}

core::Result<KeyWrapping> KeyFile::wrapping(const QString& path)
{
    auto bytes = readKeyFile(path);
    if (!bytes) {
        return core::fail(bytes.error());
    }
    const auto value = static_cast<quint8>(bytes->at(WrappingOffset));
    if (value > static_cast<quint8>(KeyWrapping::KeychainAndPassphrase)) {
        return core::fail(
            core::Errc::Unsupported,
            QStringLiteral("%1 records a key wrapping (%2) this version does not know").arg(path).arg(value));
    }
    return static_cast<KeyWrapping>(value);
}

core::Result<core::SecureBytes> KeyFile::unwrap(const QString& path, const core::SecureBytes& passphrase)
{
    auto read = readKeyFile(path);
    if (!read) {
        return core::fail(read.error());
    }
    QByteArray& bytes = *read;
    auto* file = reinterpret_cast<std::uint8_t*>(bytes.data());
    const KdfParams params{file[9], file[10], file[11]};
    auto kek = deriveKek(passphrase, file + SaltOffset, params);
    if (!kek) {
        return core::fail(kek.error());
    }
    core::SecureBytes key(DatabaseKeySize);
    if (auto opened = gcm(false, *kek, file, file + WrappedOffset, key.data()); !opened) {
        return core::fail(opened.error());
    }
    return key;
}

} // namespace madoguchi::store
