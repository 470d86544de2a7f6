// Relying-party checks of the seed pilots (architecture.md §8): card verification (auth-key
// signature over a server challenge) and health-insurance qualification, each recorded with the
// assurance used; and the token vault for card numbers.

#include "card/HolderChallenge.h"
#include "card/HolderProof.h"
#include "core/Logging.h"
#include "pki/CertificateValidator.h"
#include "platformd/PlatformApiImpl.h"

#include <QJsonDocument>
#include <QtEndian>

#include <openssl/hmac.h>
#include <openssl/rand.h>

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

bool validAssurance(const QString& assurance)
{
    return assurance == QStringLiteral("pin_signature") || assurance == QStringLiteral("photo_check") ||
           assurance == QStringLiteral("tap_only");
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

ApiResult<HttpResponse> PlatformApi::Impl::verifyCard(const HttpRequest& request)
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
    // Validate first and take the identity from its result: every decode of the certificate costs
    // ~150 µs in OpenSSL 3.0 (docs/scaling.md); parse separately only when validation failed.
    const card::HolderChallenge challenge{token->left(NonceBytes), LoginPurpose, terminal, issued};
    QString outcome = QStringLiteral("valid");
    QString cardId;
    const pki::CertificateValidator validator(*config.trust, *config.clock);
    if (auto valid = validator.validate(*certDer, pki::JpkiCertificateKind::Auth); valid) {
        cardId = valid->certificate.identity().toString();
        if (!card::HolderProof::verifySignature(*certDer, challenge.toBytes(), *signature)) {
            outcome = QStringLiteral("signature_invalid");
        }
    } else {
        auto parsed = pki::JpkiCertificate::parse(*certDer);
        if (!parsed) {
            return apiFail(422, QStringLiteral("invalid_certificate"), QStringLiteral("not a JPKI certificate"));
        }
        outcome = core::errcName(valid.error().code);
        cardId = parsed->identity().toString();
    }
    auto lease = config.pool->acquire();
    if (!lease) {
        return tl::unexpected(fromCoreError(lease.error()));
    }
    auto row = (*lease)->exec(
        "WITH p AS (SELECT fields->>'platformId' AS pid FROM linkages WHERE card_id = $1 AND kind = 'platform_id' "
        "AND status = 'active' LIMIT 1), rv AS (SELECT count(*) AS n FROM revocation_events WHERE card_id = $1 AND "
        "event = 'revoked'), r AS (INSERT INTO rp_checks(card_id, check_kind, outcome, assurance, terminal_id, nonce) "
        "SELECT $1, 'verification', CASE WHEN $2 = 'valid' AND rv.n > 0 THEN 'revoked' ELSE $2 END, $3, $4, "
        "decode($5, 'hex') FROM rv ON CONFLICT (card_id, nonce) WHERE nonce IS NOT NULL DO NOTHING RETURNING outcome) "
        "SELECT (SELECT pid FROM p), (SELECT outcome FROM r), (SELECT count(*) FROM r)",
        {cardId.toUtf8(), outcome.toUtf8(), assurance.toUtf8(), terminal.toUtf8(), token->left(NonceBytes).toHex()});
    if (!row) {
        return tl::unexpected(fromCoreError(row.error()));
    }
    if (row->integer(0, 2) == 0) {
        return apiFail(409, QStringLiteral("challenge_replayed"), QStringLiteral("this challenge was already used"));
    }
    const QString recorded = row->text(0, 1);
    QJsonObject result{{QStringLiteral("valid"), recorded == QStringLiteral("valid")},
                       {QStringLiteral("outcome"), recorded},
                       {QStringLiteral("cardId"), cardId},
                       {QStringLiteral("assurance"), assurance},
                       {QStringLiteral("platformId"), row->isNull(0, 0) ? QJsonValue() : QJsonValue(row->text(0, 0))}};
    return jsonResponse(200, result);
}

ApiResult<HttpResponse> PlatformApi::Impl::qualification(const HttpRequest& request)
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
    auto lease = config.pool->acquire();
    if (!lease) {
        return tl::unexpected(fromCoreError(lease.error()));
    }
    // One statement: the lookup and its record (bench/platform runs the same SQL through pgbench).
    auto row = (*lease)->exec(
        "WITH q AS (SELECT fields, status FROM linkages WHERE card_id = $1 AND kind = 'health_insurance' AND "
        "status = 'active' LIMIT 1), r AS (INSERT INTO rp_checks(card_id, check_kind, outcome, assurance, terminal_id) "
        "SELECT $1, 'qualification', CASE WHEN EXISTS (SELECT 1 FROM q) THEN 'qualified' ELSE 'not_found' END, $2, $3) "
        "SELECT fields::text, status FROM q",
        {cardId.toUtf8(), assurance.toUtf8(), request.peer.commonName.toUtf8()});
    if (!row) {
        return tl::unexpected(fromCoreError(row.error()));
    }
    QJsonObject result{{QStringLiteral("cardId"), cardId},
                       {QStringLiteral("assurance"), assurance},
                       {QStringLiteral("qualified"), row->rows() == 1}};
    if (row->rows() == 1) {
        const QJsonObject insurance = QJsonDocument::fromJson(row->value(0, 0)).object();
        for (const char* name : {"insurer", "symbol", "number", "branch"}) {
            result.insert(QLatin1String(name), insurance.value(QLatin1String(name)));
        }
        result.insert(QStringLiteral("status"), row->text(0, 1));
    }
    return jsonResponse(200, result);
}

} // namespace madoguchi::platformd
