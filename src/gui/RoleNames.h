#pragma once

#include "services/Operator.h"

#include <QCoreApplication>
#include <QString>

namespace madoguchi::gui {

// The roles as people read them, in the current language.
class RoleNames final
{
    Q_DECLARE_TR_FUNCTIONS(RoleNames)

public:
    [[nodiscard]] static QString display(services::Role role);
    [[nodiscard]] static QList<services::Role> all();
};

} // namespace madoguchi::gui
