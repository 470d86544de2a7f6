#include "pki/DeterministicRsa.h"

#include <openssl/core_names.h>

namespace madoguchi::pki {

namespace {

using ossl::BignumPtr;

constexpr unsigned long PublicExponent = 65537; // F4, as J-LIS and OpenSSL use

core::Error cryptoError(const char* what)
{
    return ossl::error(core::Errc::CryptoFailure, QString::fromLatin1(what));
}

// A prime of exactly `bits` bits with gcd(p - 1, e) = 1.
core::Result<BignumPtr> searchPrime(SeededRandom& random, int bits, BN_CTX* ctx)
{
    BignumPtr candidate(BN_new());
    BignumPtr pMinus1(BN_new());
    BignumPtr gcd(BN_new());
    BignumPtr e(BN_new());
    if (!candidate || !pMinus1 || !gcd || !e || BN_set_word(e.get(), PublicExponent) != 1) {
        return core::fail(cryptoError("BN_new"));
    }
    for (;;) {
        const QByteArray start = random.next(bits / 8);
        BN_bin2bn(reinterpret_cast<const unsigned char*>(start.constData()), static_cast<int>(start.size()),
                  candidate.get());
        // Top two bits set so that p·q has exactly 2·bits bits; odd.
        BN_set_bit(candidate.get(), bits - 1);
        BN_set_bit(candidate.get(), bits - 2);
        BN_set_bit(candidate.get(), 0);
        while (BN_num_bits(candidate.get()) == bits) {
            if (BN_check_prime(candidate.get(), ctx, nullptr) == 1) {
                BN_sub(pMinus1.get(), candidate.get(), BN_value_one());
                BN_gcd(gcd.get(), pMinus1.get(), e.get(), ctx);
                if (BN_is_one(gcd.get())) {
                    return candidate;
                }
            }
            BN_add_word(candidate.get(), 2);
        }
    }
}

struct RsaParts
{
    BignumPtr n{BN_new()}, e{BN_new()}, d{BN_new()}, dmp1{BN_new()}, dmq1{BN_new()}, iqmp{BN_new()};
};

core::Result<RsaParts> deriveParts(const BIGNUM* p, const BIGNUM* q, BN_CTX* ctx)
{
    RsaParts parts;
    BignumPtr p1(BN_new()), q1(BN_new()), phi(BN_new()), gcd(BN_new()), lambda(BN_new()), rem(BN_new());
    bool ok = parts.n && parts.e && parts.d && parts.dmp1 && parts.dmq1 && parts.iqmp && p1 && q1 && phi && gcd &&
              lambda && rem;
    ok = ok && BN_set_word(parts.e.get(), PublicExponent) && BN_mul(parts.n.get(), p, q, ctx) &&
         BN_sub(p1.get(), p, BN_value_one()) && BN_sub(q1.get(), q, BN_value_one()) &&
         BN_mul(phi.get(), p1.get(), q1.get(), ctx) && BN_gcd(gcd.get(), p1.get(), q1.get(), ctx) &&
         BN_div(lambda.get(), rem.get(), phi.get(), gcd.get(), ctx); // λ(n) = lcm(p-1, q-1)
    ok = ok && BN_mod_inverse(parts.d.get(), parts.e.get(), lambda.get(), ctx) != nullptr &&
         BN_mod(parts.dmp1.get(), parts.d.get(), p1.get(), ctx) &&
         BN_mod(parts.dmq1.get(), parts.d.get(), q1.get(), ctx) &&
         BN_mod_inverse(parts.iqmp.get(), q, p, ctx) != nullptr;
    if (!ok) {
        return core::fail(cryptoError("RSA parameter derivation"));
    }
    return parts;
}

core::Result<ossl::EvpPkeyPtr> assemble(const RsaParts& parts, const BIGNUM* p, const BIGNUM* q)
{
    ossl::OsslParamBldPtr builder(OSSL_PARAM_BLD_new());
    bool ok = builder && OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, parts.n.get()) &&
              OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, parts.e.get()) &&
              OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_D, parts.d.get()) &&
              OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_FACTOR1, p) &&
              OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_FACTOR2, q) &&
              OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_EXPONENT1, parts.dmp1.get()) &&
              OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_EXPONENT2, parts.dmq1.get()) &&
              OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_COEFFICIENT1, parts.iqmp.get());
    ossl::OsslParamPtr params(ok ? OSSL_PARAM_BLD_to_param(builder.get()) : nullptr);
    ossl::EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    EVP_PKEY* raw = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_KEYPAIR, params.get()) != 1) {
        return core::fail(cryptoError("EVP_PKEY_fromdata(RSA)"));
    }
    return ossl::EvpPkeyPtr(raw);
}

} // namespace

core::Result<ossl::EvpPkeyPtr> generateRsaKey(SeededRandom& random, int bits)
{
    ossl::BnCtxPtr ctx(BN_CTX_secure_new());
    if (!ctx || bits < 1024 || bits % 16 != 0) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("RSA key size %1").arg(bits));
    }
    for (;;) {
        auto p = searchPrime(random, bits / 2, ctx.get());
        auto q = searchPrime(random, bits / 2, ctx.get());
        if (!p || !q) {
            return core::fail(p ? q.error() : p.error());
        }
        if (BN_cmp(p->get(), q->get()) == 0) {
            continue;
        }
        if (BN_cmp(p->get(), q->get()) < 0) {
            std::swap(*p, *q); // OpenSSL's convention: p > q
        }
        auto parts = deriveParts(p->get(), q->get(), ctx.get());
        if (!parts) {
            return core::fail(parts.error());
        }
        return assemble(*parts, p->get(), q->get());
    }
}

} // namespace madoguchi::pki
