#pragma once

#include "store/Linkage.h"

#include <QCoreApplication>
#include <QString>

namespace madoguchi::gui {

// The resident's receipt of an enrolment, as HTML for QTextDocument printing. It carries what the
// linkage stores — never a full card number (none is stored) nor the individual number (never read).
class EnrolmentReceipt final
{
    Q_DECLARE_TR_FUNCTIONS(EnrolmentReceipt)

public:
    [[nodiscard]] static QString html(const store::Linkage& linkage, const QString& operatorId);
};

} // namespace madoguchi::gui
