#pragma once

#include "gui/MainWindow.h"

class QWidget;

namespace madoguchi::gui {

// Builds the counter pages (Enrolment, Linkages, Revocations), each only when the context carries what
// it needs; nullptr otherwise (MainWindow then shows a placeholder with an empty state).
class CounterPages final
{
public:
    CounterPages() = delete;
    [[nodiscard]] static QWidget* enrolment(const MainWindow::Context& context);
    [[nodiscard]] static QWidget* linkages(const MainWindow::Context& context);
    [[nodiscard]] static QWidget* revocations(const MainWindow::Context& context);
};

} // namespace madoguchi::gui
