#pragma once

// Internal to PlatformApi*.cpp: the endpoint handlers, split by area across files.

#include "card/HolderChallenge.h"
#include "platformd/ApiSupport.h"
#include "platformd/CertificateVerdictCache.h"
#include "platformd/PgPool.h"
#include "platformd/PlatformApi.h"
#include "pki/OpenSsl.h"

#include <functional>

namespace madoguchi::platformd {

// A card-verification request after its syntax and challenge token were checked.
struct VerificationRequest
{
    card::HolderChallenge challenge;
    QByteArray certificate; // DER
    QByteArray signature;
    QString assurance;
};

// A relying-party check reduced to its one statement and what turns the statement's row into the
// answer: run through the pool (blocking) or a PgPipeline (PlatformApi::handleAsync).
struct CheckStatement
{
    const char* sql = nullptr;
    QList<PgParam> params;
    std::function<ApiResult<HttpResponse>(const PgResult&)> finish;
};

struct PlatformApi::Impl
{
    explicit Impl(PlatformApiConfig c) : config(std::move(c)), verdicts(config.verdictCacheSize) {}

    PlatformApiConfig config;
    pki::ossl::EvpPkeyPtr vaultKey;
    CertificateVerdictCache verdicts;

    // BEGIN … COMMIT around `body`; ROLLBACK on any failure, so a failed request writes nothing.
    using TxBody = std::function<ApiResult<HttpResponse>(PgConnection&)>;
    [[nodiscard]] ApiResult<HttpResponse> transaction(const TxBody& body);

    [[nodiscard]] HttpResponse route(const HttpRequest& request);
    [[nodiscard]] HttpResponse health();
    [[nodiscard]] ApiResult<HttpResponse> healthRoute(const HttpRequest&) { return health(); }

    // ApiTerminals.cpp
    [[nodiscard]] ApiResult<HttpResponse> issueEnrolmentCode(const HttpRequest& request);
    [[nodiscard]] ApiResult<HttpResponse> registerTerminal(const HttpRequest& request);
    [[nodiscard]] ApiResult<HttpResponse> revokeTerminal(const HttpRequest& request, const QString& terminalId);
    // ApiLinkages.cpp
    [[nodiscard]] ApiResult<HttpResponse> pushLinkages(const HttpRequest& request);
    [[nodiscard]] ApiResult<HttpResponse> linkageChanges(const HttpRequest& request);
    // ApiFeeds.cpp
    [[nodiscard]] ApiResult<HttpResponse> importRevocations(const HttpRequest& request);
    [[nodiscard]] ApiResult<HttpResponse> importCrl(const HttpRequest& request);
    [[nodiscard]] ApiResult<HttpResponse> revocationChanges(const HttpRequest& request);
    [[nodiscard]] ApiResult<HttpResponse> uploadAudit(const HttpRequest& request);
    // ApiRelyingParty.cpp
    [[nodiscard]] ApiResult<HttpResponse> challenge(const HttpRequest& request);
    [[nodiscard]] ApiResult<HttpResponse> verifyCard(const HttpRequest& request);
    [[nodiscard]] ApiResult<CheckStatement> verificationCheck(const HttpRequest& request);
    [[nodiscard]] ApiResult<VerificationRequest> parseVerification(const HttpRequest& request);
    [[nodiscard]] CertificateVerdict verdictFor(const QByteArray& certDer);
    [[nodiscard]] ApiResult<HttpResponse> qualification(const HttpRequest& request);
    [[nodiscard]] ApiResult<CheckStatement> qualificationCheck(const HttpRequest& request);
    [[nodiscard]] ApiResult<HttpResponse> runCheck(ApiResult<CheckStatement> check);
    [[nodiscard]] ApiResult<HttpResponse> vaultPublicKey(const HttpRequest& request);
    [[nodiscard]] ApiResult<HttpResponse> tokenize(const HttpRequest& request);
};

// Feed paging: ?after=<seq>&limit=<n> (1..1000, default 500).
struct FeedPage
{
    qint64 after = 0;
    int limit = 500;
};
[[nodiscard]] ApiResult<FeedPage> parseFeedPage(const QString& query);

} // namespace madoguchi::platformd
