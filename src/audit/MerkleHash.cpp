#include "audit/MerkleHash.h"

#include <openssl/evp.h>

#include <cstring>
#include <memory>

namespace madoguchi::audit {

namespace {

struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX* ctx) const noexcept { EVP_MD_CTX_free(ctx); }
};
struct MdDeleter
{
    void operator()(EVP_MD* md) const noexcept { EVP_MD_free(md); }
};

// One fetched SHA-256 and one context per thread: EVP_MD_fetch per hash would cost more than the
// hash of a 300-byte entry (OpenSSL 3.0 "performance" notes on explicit fetching).
class Hasher final
{
public:
    Hasher() : m_md(EVP_MD_fetch(nullptr, "SHA256", nullptr)), m_ctx(EVP_MD_CTX_new()) {}

    Hash digest(std::uint8_t prefix, bool withPrefix, QByteArrayView a, QByteArrayView b = {})
    {
        Hash out{};
        EVP_DigestInit_ex2(m_ctx.get(), m_md.get(), nullptr);
        if (withPrefix) {
            EVP_DigestUpdate(m_ctx.get(), &prefix, 1);
        }
        EVP_DigestUpdate(m_ctx.get(), a.data(), static_cast<std::size_t>(a.size()));
        if (!b.isEmpty()) {
            EVP_DigestUpdate(m_ctx.get(), b.data(), static_cast<std::size_t>(b.size()));
        }
        unsigned int length = 0;
        EVP_DigestFinal_ex(m_ctx.get(), out.data(), &length);
        return out;
    }

private:
    std::unique_ptr<EVP_MD, MdDeleter> m_md;
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> m_ctx;
};

Hasher& hasher()
{
    thread_local Hasher instance;
    return instance;
}

QByteArrayView view(const Hash& hash)
{
    return {reinterpret_cast<const char*>(hash.data()), static_cast<qsizetype>(hash.size())};
}

} // namespace

Hash leafHash(QByteArrayView entryBytes)
{
    return hasher().digest(0x00, true, entryBytes);
}

Hash nodeHash(const Hash& left, const Hash& right)
{
    return hasher().digest(0x01, true, view(left), view(right));
}

Hash sha256(QByteArrayView bytes)
{
    return hasher().digest(0, false, bytes);
}

Hash emptyTreeHash()
{
    return sha256({});
}

QByteArray toBytes(const Hash& hash)
{
    return view(hash).toByteArray();
}

bool fromBytes(QByteArrayView bytes, Hash& out)
{
    if (bytes.size() != static_cast<qsizetype>(out.size())) {
        return false;
    }
    std::memcpy(out.data(), bytes.data(), out.size());
    return true;
}

} // namespace madoguchi::audit
