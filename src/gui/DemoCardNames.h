#pragma once

#include <QCoreApplication>
#include <QString>

namespace madoguchi::gui {

// Translated labels of the training reader's demo cards, by their stable id.
class DemoCardNames final
{
    Q_DECLARE_TR_FUNCTIONS(DemoCardNames)

public:
    [[nodiscard]] static QString label(const QString& id, const QString& fallback);
};

} // namespace madoguchi::gui
