#include "platformd/PlatformApi.h"

#include "core/Logging.h"
#include "platformd/PgPipeline.h"
#include "platformd/PlatformApiImpl.h"

#include <QElapsedTimer>
#include <QRegularExpression>

#include <openssl/pem.h>

namespace madoguchi::platformd {

namespace {

enum class Access
{
    Anyone,   // health, registration (the terminal has no certificate yet)
    Terminal, // a registered, active terminal
    Admin,    // an administrator certificate (OU=admin)
};

ApiResult<void> checkAccess(const PeerIdentity& peer, Access access)
{
    if (access == Access::Anyone) {
        return {};
    }
    if (!peer.hasCertificate()) {
        return apiFail(401, QStringLiteral("client_certificate_required"),
                       QStringLiteral("this endpoint needs a terminal client certificate (mutual TLS)"));
    }
    if ((access == Access::Admin && !peer.isAdmin()) || (access == Access::Terminal && !peer.isTerminal())) {
        return apiFail(403, QStringLiteral("forbidden"),
                       QStringLiteral("the client certificate's role does not allow this"));
    }
    return {};
}

// Structured access log: method, path, status, terminal, duration. Never bodies or queries (they
// hold card identities and sealed numbers). Successes at debug level
// (QT_LOGGING_RULES="madoguchi.platform.debug=true"): a line per request to stderr costs a
// measurable share at thousands of requests per second.
void logRequest(const HttpRequest& request, int status, qint64 ms)
{
    const bool failure = status >= 400;
    if (!(failure ? lcPlatform().isInfoEnabled() : lcPlatform().isDebugEnabled())) {
        return;
    }
    const QString line = QStringLiteral("request method=%1 path=%2 status=%3 terminal=%4 ms=%5")
                             .arg(QString::fromLatin1(request.method), request.path)
                             .arg(status)
                             .arg(request.peer.commonName.isEmpty() ? QStringLiteral("-") : request.peer.commonName)
                             .arg(ms);
    if (failure) {
        qCInfo(lcPlatform).noquote() << line;
    } else {
        qCDebug(lcPlatform).noquote() << line;
    }
}

} // namespace

ApiResult<FeedPage> parseFeedPage(const QString& query)
{
    FeedPage page;
    bool ok = true;
    if (const QString after = queryValue(query, QStringLiteral("after")); !after.isEmpty()) {
        page.after = after.toLongLong(&ok);
    }
    if (const QString limit = queryValue(query, QStringLiteral("limit")); ok && !limit.isEmpty()) {
        page.limit = limit.toInt(&ok);
    }
    if (!ok || page.after < 0 || page.limit < 1 || page.limit > 1000) {
        return apiFail(422, QStringLiteral("invalid_query"), QStringLiteral("after ≥ 0, 1 ≤ limit ≤ 1000"));
    }
    return page;
}

core::Result<std::unique_ptr<PlatformApi>> PlatformApi::create(PlatformApiConfig config)
{
    if (config.pool == nullptr || config.ca == nullptr || config.clock == nullptr || config.trust == nullptr ||
        config.secret.size() != 32) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("PlatformApi: incomplete configuration"));
    }
    auto impl = std::make_unique<Impl>(std::move(config));
    const QByteArray& pem = impl->config.vaultPrivateKeyPem;
    pki::ossl::BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    impl->vaultKey.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (!impl->vaultKey) {
        return core::fail(pki::ossl::error(core::Errc::CryptoFailure, QStringLiteral("vault private key")));
    }
    return std::unique_ptr<PlatformApi>(new PlatformApi(std::move(impl)));
}

PlatformApi::PlatformApi(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
PlatformApi::~PlatformApi() = default;

HttpResponse PlatformApi::handle(const HttpRequest& request)
{
    QElapsedTimer timer;
    timer.start();
    HttpResponse response = m_impl->route(request);
    logRequest(request, response.status, timer.elapsed());
    return response;
}

bool PlatformApi::handleAsync(const HttpRequest& request, PgPipeline& pipeline,
                              std::function<void(HttpResponse)> respond)
{
    using Builder = ApiResult<CheckStatement> (Impl::*)(const HttpRequest&);
    Builder builder = nullptr;
    if (request.method == "POST" && request.path == QLatin1String("/v1/rp/qualification")) {
        builder = &Impl::qualificationCheck;
    } else if (request.method == "POST" && request.path == QLatin1String("/v1/rp/verify-card")) {
        builder = &Impl::verificationCheck;
    } else {
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    auto answer = [request = HttpRequest{request.method, request.path, {}, {}, {}, request.peer}, timer,
                   respond = std::move(respond)](HttpResponse response) {
        logRequest(request, response.status, timer.elapsed());
        respond(std::move(response));
    };
    auto allowed = checkAccess(request.peer, Access::Terminal);
    auto check = allowed ? (m_impl.get()->*builder)(request) : tl::unexpected(allowed.error());
    if (!check) {
        answer(errorResponse(check.error()));
        return true;
    }
    pipeline.exec(check->sql, check->params,
                  [finish = std::move(check->finish), answer = std::move(answer)](core::Result<PgResult> row) {
                      auto result = row ? finish(*row) : tl::unexpected(fromCoreError(row.error()));
                      answer(result ? *result : errorResponse(result.error()));
                  });
    return true;
}

std::optional<HttpResponse> PlatformApi::gate(const PeerIdentity& peer)
{
    if (!peer.isTerminal()) {
        return std::nullopt; // no certificate, or admin: the route checks the role
    }
    auto lease = m_impl->config.pool->acquire();
    if (!lease) {
        return errorResponse(fromCoreError(lease.error()));
    }
    auto row =
        (*lease)->exec("SELECT status, cert_serial FROM terminals WHERE terminal_id = $1", {peer.commonName.toUtf8()});
    if (!row) {
        return errorResponse(fromCoreError(row.error()));
    }
    if (row->rows() != 1 || row->text(0, 0) != QStringLiteral("active") || row->text(0, 1) != peer.serialHex) {
        qCWarning(lcPlatform).noquote() << "refused terminal" << peer.commonName << "(revoked or replaced)";
        return errorResponse(ApiError{403, QStringLiteral("terminal_revoked"),
                                      QStringLiteral("this terminal certificate is revoked or was replaced")});
    }
    return std::nullopt;
}

ApiResult<HttpResponse> PlatformApi::Impl::transaction(const TxBody& body)
{
    for (int attempt = 0;; ++attempt) {
        auto lease = config.pool->acquire();
        if (!lease) {
            return tl::unexpected(fromCoreError(lease.error()));
        }
        PgConnection& connection = **lease;
        if (auto begun = connection.exec("BEGIN"); !begun) {
            // A pooled connection that died with the server: retry once on a fresh one (nothing was sent).
            if (begun.error().code == core::Errc::NetworkFailure && attempt == 0) {
                continue;
            }
            return tl::unexpected(fromCoreError(begun.error()));
        }
        ApiResult<HttpResponse> result = body(connection);
        if (!result) {
            (void)connection.exec("ROLLBACK");
            return result;
        }
        if (auto committed = connection.exec("COMMIT"); !committed) {
            return tl::unexpected(fromCoreError(committed.error()));
        }
        return result;
    }
}

HttpResponse PlatformApi::Impl::health()
{
    auto lease = config.pool->acquire();
    bool databaseUp = false;
    if (lease) {
        databaseUp = (*lease)->exec("SELECT 1").has_value();
    }
    return jsonResponse(
        databaseUp ? 200 : 503,
        QJsonObject{{QStringLiteral("status"), databaseUp ? QStringLiteral("ok") : QStringLiteral("degraded")},
                    {QStringLiteral("database"), databaseUp ? QStringLiteral("ok") : QStringLiteral("unavailable")},
                    {QStringLiteral("version"), QStringLiteral("1")}});
}

HttpResponse PlatformApi::Impl::route(const HttpRequest& request)
{
    using Member = ApiResult<HttpResponse> (Impl::*)(const HttpRequest&);
    struct Route
    {
        const char* method;
        const char* path;
        Access access;
        Member handler;
    };
    // A static table: nothing is allocated per request to find the handler.
    static const Route routes[] = {
        {"GET", "/v1/health", Access::Anyone, &Impl::healthRoute},
        {"POST", "/v1/terminals/register", Access::Anyone, &Impl::registerTerminal},
        {"POST", "/v1/admin/enrolment-codes", Access::Admin, &Impl::issueEnrolmentCode},
        {"POST", "/v1/admin/revocations", Access::Admin, &Impl::importRevocations},
        {"POST", "/v1/admin/crls", Access::Admin, &Impl::importCrl},
        {"POST", "/v1/linkages/batch", Access::Terminal, &Impl::pushLinkages},
        {"GET", "/v1/linkages/changes", Access::Terminal, &Impl::linkageChanges},
        {"GET", "/v1/revocations/changes", Access::Terminal, &Impl::revocationChanges},
        {"POST", "/v1/audit/uploads", Access::Terminal, &Impl::uploadAudit},
        {"GET", "/v1/rp/challenge", Access::Terminal, &Impl::challenge},
        {"POST", "/v1/rp/verify-card", Access::Terminal, &Impl::verifyCard},
        {"POST", "/v1/rp/qualification", Access::Terminal, &Impl::qualification},
        {"GET", "/v1/vault/public-key", Access::Terminal, &Impl::vaultPublicKey},
        {"POST", "/v1/vault/tokens", Access::Terminal, &Impl::tokenize},
    };
    static const QRegularExpression revokePath(QStringLiteral("^/v1/admin/terminals/([A-Za-z0-9._-]{1,64})/revoke$"));
    if (const auto match = revokePath.match(request.path); match.hasMatch()) {
        if (request.method != "POST") {
            return errorResponse(ApiError{405, QStringLiteral("method_not_allowed"), request.path});
        }
        auto allowed = checkAccess(request.peer, Access::Admin);
        auto result = allowed ? revokeTerminal(request, match.captured(1)) : tl::unexpected(allowed.error());
        return result ? *result : errorResponse(result.error());
    }
    bool pathKnown = false;
    for (const Route& route : routes) {
        if (request.path != QLatin1String(route.path)) {
            continue;
        }
        pathKnown = true;
        if (request.method != route.method) {
            continue;
        }
        if (auto allowed = checkAccess(request.peer, route.access); !allowed) {
            return errorResponse(allowed.error());
        }
        auto result = (this->*route.handler)(request);
        return result ? *result : errorResponse(result.error());
    }
    return pathKnown ? errorResponse(ApiError{405, QStringLiteral("method_not_allowed"), request.path})
                     : errorResponse(ApiError{404, QStringLiteral("not_found"), QStringLiteral("no such endpoint")});
}

} // namespace madoguchi::platformd
