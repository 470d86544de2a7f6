#include "services/LinkageValidator.h"

#include "services/HealthInsuranceNumber.h"
#include "services/IndividualNumberDetector.h"

#include <QRegularExpression>

namespace madoguchi::services {

namespace {

QString text(const QJsonObject& fields, const char* name)
{
    return fields.value(QLatin1String(name)).toString();
}

void requireMatch(QList<FieldIssue>& issues, const QJsonObject& fields, const char* name,
                  const QRegularExpression& pattern, const char* reason)
{
    const QString value = text(fields, name);
    if (value.isEmpty()) {
        issues.append({QString::fromLatin1(name), QStringLiteral("missing")});
    } else if (!pattern.match(value).hasMatch()) {
        issues.append({QString::fromLatin1(name), QString::fromLatin1(reason)});
    }
}

void validateInsurance(QList<FieldIssue>& issues, const QJsonObject& fields)
{
    const QString insurer = text(fields, "insurer_number");
    if (insurer.isEmpty()) {
        issues.append({QStringLiteral("insurer_number"), QStringLiteral("missing")});
    } else if (!HealthInsuranceNumber::isValidInsurerNumber(insurer)) {
        issues.append({QStringLiteral("insurer_number"), QStringLiteral("not 6 or 8 digits with a valid check digit")});
    }
    static const QRegularExpression symbol(QStringLiteral("^.{1,20}$"));
    static const QRegularExpression number(
        QStringLiteral("^[0-9A-Za-z\\x{3000}-\\x{9FFF}\\x{FF10}-\\x{FF19}-]{1,20}$"));
    requireMatch(issues, fields, "symbol", symbol, "longer than 20 characters");
    requireMatch(issues, fields, "number", number, "not 1-20 letters or digits");
    if (!HealthInsuranceNumber::isValidBranch(text(fields, "branch"))) {
        issues.append({QStringLiteral("branch"), QStringLiteral("not two digits")});
    }
}

void validateKnown(const QString& kind, QList<FieldIssue>& issues, const QJsonObject& fields)
{
    static const QRegularExpression platformId(QStringLiteral("^[A-Z0-9][A-Z0-9-]{3,39}$"));
    static const QRegularExpression household(QStringLiteral("^[A-Za-z0-9-]{1,32}$"));
    static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9_-]{8,64}$"));
    static const QRegularExpression last4(QStringLiteral("^[0-9]{4}$"));
    static const QRegularExpression expiry(QStringLiteral("^(0[1-9]|1[0-2])/[0-9]{2}$"));
    static const QRegularExpression brand(QStringLiteral("^[a-z]{2,20}$"));
    if (kind == QStringLiteral("platform_id")) {
        requireMatch(issues, fields, "platform_id", platformId, "not 4-40 of A-Z 0-9 -");
    } else if (kind == QStringLiteral("health_insurance")) {
        validateInsurance(issues, fields);
    } else if (kind == QStringLiteral("catv")) {
        requireMatch(issues, fields, "household_id", household, "not 1-32 of A-Z a-z 0-9 -");
    } else if (kind == QStringLiteral("credit_card")) {
        requireMatch(issues, fields, "token", token, "not a card token");
        requireMatch(issues, fields, "brand", brand, "unknown brand");
        requireMatch(issues, fields, "last4", last4, "not four digits");
        requireMatch(issues, fields, "expiry", expiry, "not MM/YY");
    } else if (fields.isEmpty()) {
        issues.append({QString(), QStringLiteral("no fields")});
    }
}

} // namespace

QList<FieldIssue> LinkageValidator::validate(const QString& kind, QJsonObject& fields)
{
    QList<FieldIssue> issues;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QString original = it.value().toString();
        const QString value = original.trimmed();
        if (value.size() != original.size()) {
            it.value() = value; // written back only when trimmed: a write rebuilds the CBOR element
        }
        // The one rule for every field of every kind: never let an individual number in (jpki-card.md §7).
        if (IndividualNumberDetector::looksLikeIndividualNumber(value)) {
            issues.append({it.key(), QStringLiteral("looks like an individual number (refused)")});
        }
    }
    if (!issues.isEmpty()) {
        return issues;
    }
    validateKnown(kind, issues, fields);
    return issues;
}

QString LinkageValidator::insuranceKey(const QString& insurer, const QString& symbol, const QString& number,
                                       const QString& branch)
{
    return insurer + QLatin1Char('|') + symbol + QLatin1Char('|') + number + QLatin1Char('|') + branch;
}

QString LinkageValidator::searchKey(const QString& kind, const QJsonObject& fields)
{
    if (kind == QStringLiteral("platform_id")) {
        return text(fields, "platform_id");
    }
    if (kind == QStringLiteral("health_insurance")) {
        return insuranceKey(text(fields, "insurer_number"), text(fields, "symbol"), text(fields, "number"),
                            text(fields, "branch"));
    }
    if (kind == QStringLiteral("catv")) {
        return text(fields, "household_id");
    }
    if (kind == QStringLiteral("credit_card")) {
        return text(fields, "token");
    }
    QStringList parts;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        parts << it.value().toString();
    }
    return parts.join(QLatin1Char('|'));
}

} // namespace madoguchi::services
