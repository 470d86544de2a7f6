#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace madoguchi::services {

// One thing wrong with one field; the reason never repeats the value (it may be personal data).
struct FieldIssue
{
    QString field;
    QString reason;
};

// Field rules per linkage kind (architecture.md §3, jpki-card.md §7). Kinds this class does not know
// (added later as rows of linkage_kind) get the generic rules only: non-empty, no individual number.
class LinkageValidator final
{
public:
    // Trims the fields in place and returns every issue (empty: valid).
    [[nodiscard]] static QList<FieldIssue> validate(const QString& kind, QJsonObject& fields);
    // The kind's identifier, normalised: what lookups and duplicate checks compare.
    [[nodiscard]] static QString searchKey(const QString& kind, const QJsonObject& fields);
    // "health_insurance" key parts joined the same way searchKey() does.
    [[nodiscard]] static QString insuranceKey(const QString& insurer, const QString& symbol, const QString& number,
                                              const QString& branch);
};

} // namespace madoguchi::services
