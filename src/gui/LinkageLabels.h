#pragma once

#include "store/Linkage.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace madoguchi::gui {

// Words for the registry's codes (linkage kinds, field names, statuses, assurances), in one place
// for the enrolment wizard, the linkages page and the receipt. Unknown codes are shown as they are.
class LinkageLabels final
{
    Q_DECLARE_TR_FUNCTIONS(LinkageLabels)

public:
    [[nodiscard]] static QString kind(const QString& code);
    [[nodiscard]] static QString field(const QString& name);
    [[nodiscard]] static QString status(store::LinkageStatus status);
    [[nodiscard]] static QString assurance(store::Assurance assurance);
    // "Insurer number 33120015, Symbol A, …" — the stored fields, never a full card number (none is stored).
    [[nodiscard]] static QString summary(const QString& kind, const QJsonObject& fields);
};

} // namespace madoguchi::gui
