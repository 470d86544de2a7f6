#include "gui/LinkageLabels.h"

#include <QStringList>

#include <algorithm>

namespace madoguchi::gui {

QString LinkageLabels::kind(const QString& code)
{
    if (code == QStringLiteral("platform_id")) {
        return tr("Platform ID");
    }
    if (code == QStringLiteral("health_insurance")) {
        return tr("Health insurance");
    }
    if (code == QStringLiteral("credit_card")) {
        return tr("Credit card");
    }
    if (code == QStringLiteral("catv")) {
        return tr("Cable TV");
    }
    return code;
}

QString LinkageLabels::field(const QString& name)
{
    static const QHash<QString, const char*> labels{
        {QStringLiteral("platform_id"), QT_TR_NOOP("Platform ID")},
        {QStringLiteral("insurer_number"), QT_TR_NOOP("Insurer number")},
        {QStringLiteral("symbol"), QT_TR_NOOP("Symbol")},
        {QStringLiteral("number"), QT_TR_NOOP("Number")},
        {QStringLiteral("branch"), QT_TR_NOOP("Branch number")},
        {QStringLiteral("household_id"), QT_TR_NOOP("Household ID")},
        {QStringLiteral("pan"), QT_TR_NOOP("Card number")},
        {QStringLiteral("expiry"), QT_TR_NOOP("Expiry (MM/YY)")},
        {QStringLiteral("brand"), QT_TR_NOOP("Brand")},
        {QStringLiteral("last4"), QT_TR_NOOP("Last 4 digits")},
        {QStringLiteral("token"), QT_TR_NOOP("Token")},
    };
    const auto it = labels.constFind(name);
    return it == labels.constEnd() ? name : tr(it.value());
}

QString LinkageLabels::status(store::LinkageStatus status)
{
    switch (status) {
    case store::LinkageStatus::Active:
        return tr("Active");
    case store::LinkageStatus::Suspended:
        return tr("Suspended");
    case store::LinkageStatus::Ended:
        return tr("Ended");
    case store::LinkageStatus::Migrated:
        return tr("Migrated");
    }
    return QString();
}

QString LinkageLabels::assurance(store::Assurance assurance)
{
    switch (assurance) {
    case store::Assurance::PinSignature:
        return tr("PIN and signature");
    case store::Assurance::PhotoCheck:
        return tr("Photo check by staff");
    case store::Assurance::TapOnly:
        return tr("Card read only (tap only)");
    }
    return QString();
}

QString LinkageLabels::summary(const QString& kind, const QJsonObject& fields)
{
    // The order people read them in (a QJsonObject iterates alphabetically).
    static const QStringList order{
        QStringLiteral("platform_id"), QStringLiteral("insurer_number"), QStringLiteral("symbol"),
        QStringLiteral("number"),      QStringLiteral("branch"),         QStringLiteral("household_id"),
        QStringLiteral("brand"),       QStringLiteral("last4"),          QStringLiteral("expiry")};
    QStringList keys = fields.keys();
    std::stable_sort(keys.begin(), keys.end(), [](const QString& a, const QString& b) {
        const auto rank = [](const QString& k) { return order.contains(k) ? order.indexOf(k) : order.size(); };
        return rank(a) < rank(b);
    });
    QStringList parts;
    for (const QString& key : std::as_const(keys)) {
        if (kind == QStringLiteral("credit_card") && key == QStringLiteral("token")) {
            continue; // a token is not for people
        }
        parts.append(field(key) + QStringLiteral(": ") + fields.value(key).toString());
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace madoguchi::gui
