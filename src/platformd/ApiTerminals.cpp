// Terminal registration (architecture.md §7): an administrator issues a one-time code; the terminal
// sends a CSR with it and receives its client certificate from the platform's terminal CA.

#include "core/Logging.h"
#include "platformd/PlatformApiImpl.h"
#include "platformd/TerminalCa.h"

#include <QCryptographicHash>
#include <QRegularExpression>

#include <openssl/rand.h>

namespace madoguchi::platformd {

namespace {

bool validTerminalId(const QString& id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    return pattern.match(id).hasMatch();
}

QByteArray codeHash(const QString& code)
{
    return QCryptographicHash::hash(code.toUtf8(), QCryptographicHash::Sha256).toHex();
}

QString newCode()
{
    unsigned char bytes[15];
    RAND_bytes(bytes, sizeof bytes);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(bytes), sizeof bytes).toBase64(QByteArray::Base64UrlEncoding));
}

} // namespace

ApiResult<HttpResponse> PlatformApi::Impl::issueEnrolmentCode(const HttpRequest& request)
{
    auto body = parseObject(request.body, {QStringLiteral("terminalId")}, {QStringLiteral("terminalId")});
    if (!body) {
        return tl::unexpected(body.error());
    }
    const QString terminalId = body->value(QStringLiteral("terminalId")).toString();
    if (!validTerminalId(terminalId)) {
        return apiFail(422, QStringLiteral("invalid_field"), QStringLiteral("terminalId: 1–64 of [A-Za-z0-9._-]"));
    }
    const QString code = newCode();
    const QDateTime expires = config.clock->now().addSecs(24 * 3600);
    return transaction([&](PgConnection& db) -> ApiResult<HttpResponse> {
        auto terminal = db.exec("INSERT INTO terminals(terminal_id, role, status) VALUES ($1, 'terminal', 'pending') "
                                "ON CONFLICT (terminal_id) DO NOTHING",
                                {terminalId.toUtf8()});
        auto stored = terminal ? db.exec("INSERT INTO enrolment_codes(code_sha256, terminal_id, expires_at) "
                                         "VALUES (decode($1, 'hex'), $2, $3)",
                                         {codeHash(code), terminalId.toUtf8(), expires.toString(Qt::ISODate).toUtf8()})
                               : std::move(terminal);
        if (!stored) {
            return tl::unexpected(fromCoreError(stored.error()));
        }
        return jsonResponse(201, QJsonObject{{QStringLiteral("terminalId"), terminalId},
                                             {QStringLiteral("code"), code},
                                             {QStringLiteral("expiresAt"), expires.toString(Qt::ISODate)}});
    });
}

ApiResult<HttpResponse> PlatformApi::Impl::registerTerminal(const HttpRequest& request)
{
    const QStringList fields{QStringLiteral("terminalId"), QStringLiteral("code"), QStringLiteral("csr")};
    auto body = parseObject(request.body, fields, fields);
    if (!body) {
        return tl::unexpected(body.error());
    }
    const QString terminalId = body->value(QStringLiteral("terminalId")).toString();
    const QString code = body->value(QStringLiteral("code")).toString();
    return transaction([&](PgConnection& db) -> ApiResult<HttpResponse> {
        // The code is consumed in the same transaction that activates the terminal: one use only.
        auto used = db.exec("UPDATE enrolment_codes SET used_at = now() WHERE code_sha256 = decode($1, 'hex') "
                            "AND terminal_id = $2 AND used_at IS NULL AND expires_at > $3 RETURNING terminal_id",
                            {codeHash(code), terminalId.toUtf8(), config.clock->now().toString(Qt::ISODate).toUtf8()});
        if (!used) {
            return tl::unexpected(fromCoreError(used.error()));
        }
        if (used->rows() != 1) {
            return apiFail(403, QStringLiteral("invalid_enrolment_code"),
                           QStringLiteral("the code is unknown, used, expired or for another terminal"));
        }
        auto cert = config.ca->issue(body->value(QStringLiteral("csr")).toString().toUtf8(), terminalId,
                                     QStringLiteral("terminal"), config.terminalCertificateDays, *config.clock);
        if (!cert) {
            return apiFail(422, QStringLiteral("invalid_csr"), cert.error().detail);
        }
        auto parsed = pki::ossl::certFromDerOrPem(*cert);
        const QString serial = QString::fromLatin1(pki::ossl::serialBytes(parsed->get()).toHex());
        auto activated =
            db.exec("UPDATE terminals SET status = 'active', cert_serial = $2, cert_der = decode($3, 'hex'), "
                    "revoked_at = NULL WHERE terminal_id = $1",
                    {terminalId.toUtf8(), serial.toUtf8(), pki::ossl::toDer(parsed->get()).toHex()});
        if (!activated) {
            return tl::unexpected(fromCoreError(activated.error()));
        }
        qCInfo(lcPlatform).noquote() << "terminal registered:" << terminalId;
        return jsonResponse(
            201, QJsonObject{{QStringLiteral("terminalId"), terminalId},
                             {QStringLiteral("certificate"), QString::fromLatin1(*cert)},
                             {QStringLiteral("caCertificate"), QString::fromLatin1(config.ca->certificatePem())}});
    });
}

ApiResult<HttpResponse> PlatformApi::Impl::revokeTerminal(const HttpRequest&, const QString& terminalId)
{
    return transaction([&](PgConnection& db) -> ApiResult<HttpResponse> {
        auto revoked = db.exec("UPDATE terminals SET status = 'revoked', revoked_at = now() WHERE terminal_id = $1 "
                               "RETURNING terminal_id",
                               {terminalId.toUtf8()});
        if (!revoked) {
            return tl::unexpected(fromCoreError(revoked.error()));
        }
        if (revoked->rows() != 1) {
            return apiFail(404, QStringLiteral("unknown_terminal"), terminalId);
        }
        qCInfo(lcPlatform).noquote() << "terminal revoked:" << terminalId;
        return jsonResponse(200, QJsonObject{{QStringLiteral("terminalId"), terminalId},
                                             {QStringLiteral("status"), QStringLiteral("revoked")}});
    });
}

} // namespace madoguchi::platformd
