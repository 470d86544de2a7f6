// Relying-party checks of the seed pilots (architecture.md §8): card verification (auth-key
// signature over a server challenge) and health-insurance qualification, each recorded with the
// assurance used; and the token vault for card numbers.

#include "card/HolderChallenge.h"
#include "card/HolderProof.h"
#include "core/Logging.h"
#include "pki/CertificateValidator.h"
#include "platformd/PlatformApiImpl.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QtEndian>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

namespace madoguchi::platformd {

namespace {

constexpr int NonceBytes = card::HolderChallenge::NonceLength;
constexpr int MacBytes = 32;
const QString LoginPurpose = QStringLiteral("card-login");

QByteArray hmac(const core::SecureBytes& key, QByteArrayView label, QByteArrayView data)
{
    QByteArray input = label.toByteArray() + data.toByteArray();
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(input.constData()), static_cast<size_t>(input.size()), out, &length);
    return QByteArray(reinterpret_cast<const char*>(out), static_cast<qsizetype>(length));
}

constexpr const char* ValidOutcome = "valid";

bool validAssurance(const QString& assurance)
{
    return assurance == QStringLiteral("pin_signature") || assurance == QStringLiteral("photo_check") ||
           assurance == QStringLiteral("tap_only");
}

// Fetched once for the process (OpenSSL 3.0 "explicit fetching"): EVP_sha256() is looked up by name
// again on every use.
const EVP_MD* sha256()
{
    static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr); // process lifetime
    return md;
}

// The same check as card::HolderProof::verifySignature (RSA PKCS#1 v1.5 over SHA-256), prepared once
// per certificate. Null for a key that is not RSA: the request then takes HolderProof's path.
std::shared_ptr<EVP_PKEY_CTX> signatureVerifier(EVP_PKEY* key)
{
    if (key == nullptr || EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA || sha256() == nullptr) {
        return nullptr;
    }
    std::shared_ptr<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr), EVP_PKEY_CTX_free);
    if (!ctx || EVP_PKEY_verify_init(ctx.get()) != 1 ||
        EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) != 1 ||
        EVP_PKEY_CTX_set_signature_md(ctx.get(), sha256()) != 1) {
        ERR_clear_error();
        return nullptr;
    }
    return ctx;
}

// Per request: digest the challenge and verify on a duplicate of the prepared context (the
// template is shared by the I/O threads and only read).
bool challengeSigned(const CertificateVerdict& verdict, QByteArrayView message, QByteArrayView signature)
{
    if (!verdict.verifier) {
        return card::HolderProof::verifySignature(verdict.key.get(), message, signature).has_value();
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    const std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(EVP_PKEY_CTX_dup(verdict.verifier.get()),
                                                                          EVP_PKEY_CTX_free);
    const bool verified =
        ctx &&
        EVP_Digest(message.data(), static_cast<size_t>(message.size()), digest, &length, sha256(), nullptr) == 1 &&
        EVP_PKEY_verify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                        static_cast<size_t>(signature.size()), digest, length) == 1;
    ERR_clear_error();
    return verified;
}

// Chain, validity and policy (pki::CertificateValidator) and the decoded key: what is cached.
// Expires at `cap`, at the certificate's or anchor's notAfter, or at notBefore when not yet valid.
// Revocation is not part of it: the verification statement reads revocation_events every time.
CertificateVerdict evaluateCertificate(const pki::TrustStore& trust, const core::Clock& clock, const QByteArray& der,
                                       const QDateTime& cap)
{
    CertificateVerdict verdict{QString(), QString(), nullptr, cap, nullptr};
    auto parsed = pki::JpkiCertificate::parse(der);
    if (!parsed) {
        return verdict; // empty card id: answered 422 invalid_certificate, nothing recorded
    }
    verdict.cardId = parsed->identity().toString();
    const QDateTime now = clock.now();
    // The verdict changes at notBefore (becomes valid) and at notAfter (expires); after notAfter it
    // stays "expired", so only the cap applies.
    QDateTime edge;
    if (now < parsed->notBefore()) {
        edge = parsed->notBefore();
    } else if (!(parsed->notAfter() < now)) {
        edge = parsed->notAfter();
    }
    verdict.expires = edge.isValid() ? std::min(cap, edge) : cap;
    auto valid = pki::CertificateValidator(trust, clock).validate(der, pki::JpkiCertificateKind::Auth);
    if (!valid) {
        verdict.outcome = core::errcName(valid.error().code);
        return verdict;
    }
    if (auto anchor = pki::ossl::certFromDer(valid->anchor.certDer); anchor) {
        const QDateTime anchorEnd = pki::ossl::fromAsn1Time(X509_get0_notAfter(anchor->get()));
        verdict.expires = anchorEnd.isValid() ? std::min(verdict.expires, anchorEnd) : now;
    }
    auto x509 = pki::ossl::certFromDer(der);
    verdict.key.reset(x509 ? X509_get_pubkey(x509->get()) : nullptr, EVP_PKEY_free); // up-referenced
    verdict.verifier = signatureVerifier(verdict.key.get());
    verdict.outcome = QString::fromLatin1(ValidOutcome);
    return verdict;
}

ApiResult<HttpResponse> verificationAnswer(const PgResult& row, const QString& cardId, const QString& assurance)
{
    if (row.integer(0, 2) == 0) {
        return apiFail(409, QStringLiteral("challenge_replayed"), QStringLiteral("this challenge was already used"));
    }
    const QString recorded = row.text(0, 1);
    return jsonResponse(
        200, QJsonObject{{QStringLiteral("valid"), recorded == QLatin1String(ValidOutcome)},
                         {QStringLiteral("outcome"), recorded},
                         {QStringLiteral("cardId"), cardId},
                         {QStringLiteral("assurance"), assurance},
                         {QStringLiteral("platformId"), row.isNull(0, 0) ? QJsonValue() : QJsonValue(row.text(0, 0))}});
}

ApiResult<HttpResponse> qualificationAnswer(const PgResult& row, const QString& cardId, const QString& assurance)
{
    QJsonObject result{{QStringLiteral("cardId"), cardId},
                       {QStringLiteral("assurance"), assurance},
                       {QStringLiteral("qualified"), row.rows() == 1}};
    if (row.rows() == 1) {
        const QJsonObject insurance = QJsonDocument::fromJson(row.value(0, 0)).object();
        for (const char* name : {"insurer", "symbol", "number", "branch"}) {
            result.insert(QLatin1String(name), insurance.value(QLatin1String(name)));
        }
        result.insert(QStringLiteral("status"), row.text(0, 1));
    }
    return jsonResponse(200, result);
}

} // namespace

// Token: nonce (32) || issued-at (8, BE Unix seconds) || HMAC-SHA256 over both and the terminal id.
// Nothing is stored until the challenge is used (stateless servers); replay is stopped by the unique
// (card, nonce) of the recorded check.
ApiResult<HttpResponse> PlatformApi::Impl::challenge(const HttpRequest& request)
{
    QByteArray nonce(NonceBytes, '\0');
    RAND_bytes(reinterpret_cast<unsigned char*>(nonce.data()), NonceBytes);
    const QDateTime now = config.clock->now();
    char time[8];
    qToBigEndian(static_cast<quint64>(now.toSecsSinceEpoch()), time);
    const QByteArray body = nonce + QByteArray(time, 8);
    const QByteArray token = body + hmac(config.secret, "rp-challenge", body + request.peer.commonName.toUtf8());
    return jsonResponse(200, QJsonObject{{QStringLiteral("challenge"), QString::fromLatin1(token.toBase64())},
                                         {QStringLiteral("nonce"), QString::fromLatin1(nonce.toBase64())},
                                         {QStringLiteral("issuedAt"), now.toString(Qt::ISODate)},
                                         {QStringLiteral("purpose"), LoginPurpose}});
}

// The certificate's verdict from the cache, or computed once (chain, validity, policy, key decode).
CertificateVerdict PlatformApi::Impl::verdictFor(const QByteArray& certDer)
{
    const QDateTime now = config.clock->now();
    const QByteArray digest = QCryptographicHash::hash(certDer, QCryptographicHash::Sha256);
    if (auto cached = verdicts.find(digest, now)) {
        return *cached;
    }
    CertificateVerdict verdict =
        evaluateCertificate(*config.trust, *config.clock, certDer, now.addSecs(config.verdictLifetimeSeconds));
    verdicts.insert(digest, verdict);
    return verdict;
}

ApiResult<VerificationRequest> PlatformApi::Impl::parseVerification(const HttpRequest& request)
{
    const QStringList fields{QStringLiteral("challenge"), QStringLiteral("certificate"), QStringLiteral("signature"),
                             QStringLiteral("assurance")};
    auto body = parseObject(request.body, fields, fields);
    auto token =
        body ? base64Field(*body, QStringLiteral("challenge")) : ApiResult<QByteArray>(tl::unexpected(body.error()));
    auto certDer = token ? base64Field(*body, QStringLiteral("certificate")) : token;
    auto signature = certDer ? base64Field(*body, QStringLiteral("signature")) : certDer;
    if (!signature) {
        return tl::unexpected(signature.error());
    }
    const QString assurance = body->value(QStringLiteral("assurance")).toString();
    if (!validAssurance(assurance)) {
        return apiFail(422, QStringLiteral("invalid_field"), QStringLiteral("assurance"));
    }
    const QString terminal = request.peer.commonName;
    if (token->size() != NonceBytes + 8 + MacBytes ||
        hmac(config.secret, "rp-challenge", token->left(NonceBytes + 8) + terminal.toUtf8()) !=
            token->right(MacBytes)) {
        return apiFail(422, QStringLiteral("invalid_challenge"),
                       QStringLiteral("not a challenge issued to this terminal"));
    }
    const QDateTime issued = QDateTime::fromSecsSinceEpoch(
        static_cast<qint64>(qFromBigEndian<quint64>(token->constData() + NonceBytes)), Qt::UTC);
    if (issued.secsTo(config.clock->now()) > config.challengeLifetimeSeconds) {
        return apiFail(422, QStringLiteral("challenge_expired"), QStringLiteral("ask for a new challenge"));
    }
    return VerificationRequest{card::HolderChallenge{token->left(NonceBytes), LoginPurpose, terminal, issued}, *certDer,
                               *signature, assurance};
}

// Per request: the cached certificate verdict, one RSA verification of the challenge signature, and
// one SQL round trip that reads the linked ID and the revocation events and records the check.
ApiResult<CheckStatement> PlatformApi::Impl::verificationCheck(const HttpRequest& request)
{
    auto parsed = parseVerification(request);
    if (!parsed) {
        return tl::unexpected(parsed.error());
    }
    const CertificateVerdict verdict = verdictFor(parsed->certificate);
    if (verdict.cardId.isEmpty()) {
        return apiFail(422, QStringLiteral("invalid_certificate"), QStringLiteral("not a JPKI certificate"));
    }
    QString outcome = verdict.outcome;
    if (outcome == QLatin1String(ValidOutcome) &&
        !challengeSigned(verdict, parsed->challenge.toBytes(), parsed->signature)) {
        outcome = QStringLiteral("signature_invalid");
    }
    CheckStatement check;
    check.sql =
        "WITH p AS (SELECT fields->>'platformId' AS pid FROM linkages WHERE card_id = $1 AND kind = 'platform_id' "
        "AND status = 'active' LIMIT 1), rv AS (SELECT count(*) AS n FROM revocation_events WHERE card_id = $1 AND "
        "event = 'revoked'), r AS (INSERT INTO rp_checks(card_id, check_kind, outcome, assurance, terminal_id, nonce) "
        "SELECT $1, 'verification', CASE WHEN $2 = 'valid' AND rv.n > 0 THEN 'revoked' ELSE $2 END, $3, $4, "
        "decode($5, 'hex') FROM rv ON CONFLICT (card_id, nonce) WHERE nonce IS NOT NULL DO NOTHING RETURNING outcome) "
        "SELECT (SELECT pid FROM p), (SELECT outcome FROM r), (SELECT count(*) FROM r)";
    check.params = {verdict.cardId.toUtf8(), outcome.toUtf8(), parsed->assurance.toUtf8(),
                    parsed->challenge.terminalId.toUtf8(), parsed->challenge.nonce.toHex()};
    check.finish = [cardId = verdict.cardId, assurance = parsed->assurance](const PgResult& row) {
        return verificationAnswer(row, cardId, assurance);
    };
    return check;
}

ApiResult<HttpResponse> PlatformApi::Impl::verifyCard(const HttpRequest& request)
{
    return runCheck(verificationCheck(request));
}

ApiResult<CheckStatement> PlatformApi::Impl::qualificationCheck(const HttpRequest& request)
{
    const QStringList fields{QStringLiteral("cardId"), QStringLiteral("assurance")};
    auto body = parseObject(request.body, fields, fields);
    if (!body) {
        return tl::unexpected(body.error());
    }
    const QString cardId = body->value(QStringLiteral("cardId")).toString();
    const QString assurance = body->value(QStringLiteral("assurance")).toString();
    if (!pki::CardIdentity::fromString(cardId) || !validAssurance(assurance)) {
        return apiFail(422, QStringLiteral("invalid_field"), QStringLiteral("cardId or assurance"));
    }
    // One statement: the lookup and its record (bench/platform runs the same SQL through pgbench).
    CheckStatement check;
    check.sql =
        "WITH q AS (SELECT fields, status FROM linkages WHERE card_id = $1 AND kind = 'health_insurance' AND "
        "status = 'active' LIMIT 1), r AS (INSERT INTO rp_checks(card_id, check_kind, outcome, assurance, terminal_id) "
        "SELECT $1, 'qualification', CASE WHEN EXISTS (SELECT 1 FROM q) THEN 'qualified' ELSE 'not_found' END, $2, $3) "
        "SELECT fields::text, status FROM q";
    check.params = {cardId.toUtf8(), assurance.toUtf8(), request.peer.commonName.toUtf8()};
    check.finish = [cardId, assurance](const PgResult& row) { return qualificationAnswer(row, cardId, assurance); };
    return check;
}

ApiResult<HttpResponse> PlatformApi::Impl::qualification(const HttpRequest& request)
{
    return runCheck(qualificationCheck(request));
}

ApiResult<HttpResponse> PlatformApi::Impl::runCheck(ApiResult<CheckStatement> check)
{
    if (!check) {
        return tl::unexpected(check.error());
    }
    auto lease = config.pool->acquire();
    if (!lease) {
        return tl::unexpected(fromCoreError(lease.error()));
    }
    auto row = (*lease)->exec(check->sql, check->params);
    if (!row) {
        return tl::unexpected(fromCoreError(row.error()));
    }
    return check->finish(*row);
}

} // namespace madoguchi::platformd
