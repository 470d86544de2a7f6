// Token vault endpoints (architecture.md §3): the public key card numbers are sealed to, and a sealed
// number → a token. The vault itself (opening, checking, keeping the number) is TokenVault, shared
// with the linkage push (docs/vault.md). The number is never logged and never leaves the vault in clear.

#include "platformd/PlatformApiImpl.h"
#include "platformd/TokenVault.h"

namespace madoguchi::platformd {

ApiResult<HttpResponse> PlatformApi::Impl::vaultPublicKey(const HttpRequest&)
{
    return jsonResponse(200,
                        QJsonObject{{QStringLiteral("publicKeyPem"), QString::fromLatin1(config.vaultPublicKeyPem)},
                                    {QStringLiteral("algorithm"), QStringLiteral("RSA-OAEP-SHA256")}});
}

ApiResult<HttpResponse> PlatformApi::Impl::tokenize(const HttpRequest& request)
{
    auto body = parseObject(request.body, {QStringLiteral("sealedNumber")}, {QStringLiteral("sealedNumber")});
    auto sealed =
        body ? base64Field(*body, QStringLiteral("sealedNumber")) : ApiResult<QByteArray>(tl::unexpected(body.error()));
    if (!sealed) {
        return tl::unexpected(sealed.error());
    }
    const TokenVault vault(vaultKey.get(), config.secret);
    auto pan = vault.open(*sealed);
    if (!pan) {
        return tl::unexpected(pan.error());
    }
    auto lease = config.pool->acquire();
    if (!lease) {
        return tl::unexpected(fromCoreError(lease.error()));
    }
    auto entry = vault.store(**lease, *pan, request.peer.commonName);
    if (!entry) {
        return tl::unexpected(entry.error());
    }
    return jsonResponse(201, QJsonObject{{QStringLiteral("token"), entry->token},
                                         {QStringLiteral("brand"), entry->brand},
                                         {QStringLiteral("last4"), entry->last4}});
}

} // namespace madoguchi::platformd
