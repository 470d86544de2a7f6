#include "platformd/ApiSupport.h"

#include "core/Logging.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrlQuery>

namespace madoguchi::platformd {

HttpResponse jsonResponse(int status, const QJsonObject& body)
{
    HttpResponse response;
    response.status = status;
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return response;
}

HttpResponse errorResponse(const ApiError& error)
{
    HttpResponse response = jsonResponse(
        error.status, QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), error.code},
                                                                        {QStringLiteral("message"), error.message}}}});
    if (error.status == 503) {
        response.headers.append({QByteArrayLiteral("retry-after"), QByteArrayLiteral("1")});
    }
    return response;
}

ApiError fromCoreError(const core::Error& error)
{
    if (error.code == core::Errc::NetworkFailure) {
        return ApiError{503, QStringLiteral("database_unavailable"),
                        QStringLiteral("the registry database is unavailable")};
    }
    // The detail can hold SQL text; it goes to the log (no personal data in statements: parameters
    // are never interpolated), never to the client.
    qCWarning(lcPlatform).noquote() << "internal error:" << error.toString();
    return ApiError{500, QStringLiteral("internal"), QStringLiteral("internal error")};
}

ApiResult<QJsonObject> checkObject(const QJsonObject& object, const QStringList& allowed, const QStringList& required,
                                   const QString& where)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            return apiFail(422, QStringLiteral("unknown_field"), QStringLiteral("%1%2").arg(where, it.key()));
        }
    }
    for (const QString& name : required) {
        if (!object.contains(name) || object.value(name).isNull()) {
            return apiFail(422, QStringLiteral("missing_field"), QStringLiteral("%1%2").arg(where, name));
        }
    }
    return object;
}

ApiResult<QJsonObject> parseObject(const QByteArray& body, const QStringList& allowed, const QStringList& required)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        return apiFail(400, QStringLiteral("malformed_json"),
                       QStringLiteral("offset %1: %2").arg(error.offset).arg(error.errorString()));
    }
    if (!document.isObject()) {
        return apiFail(400, QStringLiteral("malformed_json"), QStringLiteral("the body must be a JSON object"));
    }
    return checkObject(document.object(), allowed, required, QString());
}

ApiResult<QByteArray> base64Field(const QJsonObject& object, const QString& name)
{
    const auto decoded = QByteArray::fromBase64Encoding(object.value(name).toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!object.value(name).isString() || !decoded) {
        return apiFail(422, QStringLiteral("invalid_field"), QStringLiteral("%1 must be base64").arg(name));
    }
    return *decoded;
}

QString queryValue(const QString& query, const QString& name)
{
    return QUrlQuery(query).queryItemValue(name);
}

} // namespace madoguchi::platformd
