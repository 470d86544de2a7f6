#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace madoguchi::tests {

struct RecordedCall;

// Checks real responses against docs/api/openapi.json (the JSON twin of openapi.yaml, written by
// scripts/openapi-to-json.py): the path template, method and status exist, and the response
// schema's required members are present — at the top level, in nested objects and in array items
// ($ref and allOf resolved). A YAML-free subset check, deliberately: it catches drift between the
// server and the document, not every schema keyword.
class OpenApiChecker final
{
public:
    [[nodiscard]] bool load(const QString& jsonPath);
    // Every recorded call checked against $MADOGUCHI_SOURCE_DIR/docs/api/openapi.json: what is wrong
    // (empty when everything matches; a line saying so when the document does not load).
    [[nodiscard]] static QStringList problemsIn(const QList<RecordedCall>& calls);
    // Empty when the response matches; otherwise what is wrong.
    [[nodiscard]] QString check(const QString& method, const QString& path, int status, const QJsonObject& body) const;
    [[nodiscard]] QStringList pathTemplates() const { return m_doc.value(QStringLiteral("paths")).toObject().keys(); }

private:
    [[nodiscard]] QString matchTemplate(const QString& path) const;
    [[nodiscard]] QJsonObject resolve(QJsonObject node) const;
    void checkSchema(const QJsonObject& schema, const QJsonValue& value, const QString& where, QStringList& problems,
                     int depth) const;

    QJsonObject m_doc;
};

} // namespace madoguchi::tests
