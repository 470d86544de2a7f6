#include "OpenApiChecker.h"

#include "PlatformTestEnv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace madoguchi::tests {

bool OpenApiChecker::load(const QString& jsonPath)
{
    QFile file(jsonPath);
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    m_doc = QJsonDocument::fromJson(file.readAll()).object();
    return m_doc.contains(QStringLiteral("paths"));
}

QStringList OpenApiChecker::problemsIn(const QList<RecordedCall>& calls)
{
    OpenApiChecker checker;
    if (!checker.load(qEnvironmentVariable("MADOGUCHI_SOURCE_DIR") + QStringLiteral("/docs/api/openapi.json"))) {
        return {QStringLiteral("docs/api/openapi.json does not load")};
    }
    QStringList problems;
    for (const RecordedCall& call : calls) {
        if (const QString problem = checker.check(call.method, call.path, call.status, call.body); !problem.isEmpty()) {
            problems.append(problem);
        }
    }
    return problems;
}

QString OpenApiChecker::matchTemplate(const QString& path) const
{
    const QStringList actual = path.split(QLatin1Char('/'));
    for (const QString& candidate : pathTemplates()) {
        const QStringList parts = candidate.split(QLatin1Char('/'));
        if (parts.size() != actual.size()) {
            continue;
        }
        bool same = true;
        for (qsizetype i = 0; i < parts.size() && same; ++i) {
            same = parts[i].startsWith(QLatin1Char('{')) ? !actual[i].isEmpty() : parts[i] == actual[i];
        }
        if (same) {
            return candidate;
        }
    }
    return {};
}

QJsonObject OpenApiChecker::resolve(QJsonObject node) const
{
    for (int guard = 0; guard < 10 && node.contains(QStringLiteral("$ref")); ++guard) {
        QJsonValue target = m_doc;
        for (const QString& part : node.value(QStringLiteral("$ref")).toString().mid(2).split(QLatin1Char('/'))) {
            target = target.toObject().value(part);
        }
        node = target.toObject();
    }
    return node;
}

void OpenApiChecker::checkSchema(const QJsonObject& rawSchema, const QJsonValue& value, const QString& where,
                                 QStringList& problems, int depth) const
{
    const QJsonObject schema = resolve(rawSchema);
    if (depth > 6 || value.isNull()) {
        return;
    }
    QStringList required;
    QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
    for (const QJsonValue& part : schema.value(QStringLiteral("allOf")).toArray()) {
        const QJsonObject resolved = resolve(part.toObject());
        for (const QJsonValue& name : resolved.value(QStringLiteral("required")).toArray()) {
            required.append(name.toString());
        }
        const QJsonObject more = resolved.value(QStringLiteral("properties")).toObject();
        for (auto it = more.begin(); it != more.end(); ++it) {
            properties.insert(it.key(), it.value());
        }
    }
    for (const QJsonValue& name : schema.value(QStringLiteral("required")).toArray()) {
        required.append(name.toString());
    }
    const QJsonObject object = value.toObject();
    for (const QString& name : required) {
        if (!object.contains(name)) {
            problems.append(QStringLiteral("%1.%2 missing").arg(where, name));
        }
    }
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const QJsonObject property = resolve(it.value().toObject());
        const QJsonValue member = object.value(it.key());
        if (member.isArray() && property.contains(QStringLiteral("items"))) {
            const QJsonArray items = member.toArray();
            for (qsizetype i = 0; i < items.size(); ++i) {
                checkSchema(property.value(QStringLiteral("items")).toObject(), items[i],
                            QStringLiteral("%1.%2[%3]").arg(where, it.key()).arg(i), problems, depth + 1);
            }
        } else if (member.isObject() &&
                   (property.contains(QStringLiteral("required")) || property.contains(QStringLiteral("allOf")))) {
            checkSchema(property, member, where + QLatin1Char('.') + it.key(), problems, depth + 1);
        }
    }
}

QString OpenApiChecker::check(const QString& method, const QString& path, int status, const QJsonObject& body) const
{
    const QString templ = matchTemplate(path);
    if (templ.isEmpty()) {
        return QStringLiteral("%1: path not in the document").arg(path);
    }
    const QJsonObject operation =
        m_doc.value(QStringLiteral("paths")).toObject().value(templ).toObject().value(method.toLower()).toObject();
    if (operation.isEmpty()) {
        return QStringLiteral("%1 %2: method not in the document").arg(method, templ);
    }
    const QJsonObject response =
        resolve(operation.value(QStringLiteral("responses")).toObject().value(QString::number(status)).toObject());
    if (response.isEmpty()) {
        return QStringLiteral("%1 %2: status %3 not in the document").arg(method, templ).arg(status);
    }
    const QJsonObject schema = response.value(QStringLiteral("content"))
                                   .toObject()
                                   .value(QStringLiteral("application/json"))
                                   .toObject()
                                   .value(QStringLiteral("schema"))
                                   .toObject();
    QStringList problems;
    checkSchema(schema, body, QStringLiteral("%1 %2 %3").arg(method, templ).arg(status), problems, 0);
    return problems.join(QStringLiteral("; "));
}

} // namespace madoguchi::tests
