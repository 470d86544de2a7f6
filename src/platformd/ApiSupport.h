#pragma once

#include "core/Error.h"
#include "platformd/HttpMessage.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <tl/expected.hpp>

namespace madoguchi::platformd {

// An API failure: HTTP status + stable machine code + a message without personal data.
struct ApiError
{
    int status = 500;
    QString code;
    QString message;
};

template <typename T>
using ApiResult = tl::expected<T, ApiError>;

[[nodiscard]] inline tl::unexpected<ApiError> apiFail(int status, const QString& code, const QString& message)
{
    return tl::unexpected<ApiError>(ApiError{status, code, message});
}

[[nodiscard]] HttpResponse jsonResponse(int status, const QJsonObject& body);
[[nodiscard]] HttpResponse errorResponse(const ApiError& error);
// core::Error → ApiError: a lost database is 503 (retry), anything else unexpected is 500.
[[nodiscard]] ApiError fromCoreError(const core::Error& error);

// Strict request bodies: a JSON object, only `allowed` members, all `required` present.
// 400 malformed_json, 422 unknown_field / missing_field.
[[nodiscard]] ApiResult<QJsonObject> parseObject(const QByteArray& body, const QStringList& allowed,
                                                 const QStringList& required);
[[nodiscard]] ApiResult<QJsonObject> checkObject(const QJsonObject& object, const QStringList& allowed,
                                                 const QStringList& required, const QString& where);
[[nodiscard]] ApiResult<QByteArray> base64Field(const QJsonObject& object, const QString& name);
[[nodiscard]] QString queryValue(const QString& query, const QString& name);

} // namespace madoguchi::platformd
