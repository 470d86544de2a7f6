#pragma once

// Small helpers of the platform API tests: request bodies and the error code of an answer.

#include "PlatformTestEnv.h"

#include <QJsonDocument>

namespace madoguchi::tests {

[[nodiscard]] inline QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

[[nodiscard]] inline QString errorCode(const HttpResult& r)
{
    return r.body.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

} // namespace madoguchi::tests
