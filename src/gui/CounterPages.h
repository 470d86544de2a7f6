#pragma once

#include "gui/MainWindow.h"

#include <QCoreApplication>

class QTabWidget;

namespace madoguchi::gui {

// Adds the counter pages (Enrolment, Linkages, Revocations) to the main window's tabs, each only when
// the context carries what it needs; one line each in MainWindow::addPages().
class CounterPages final
{
    Q_DECLARE_TR_FUNCTIONS(CounterPages)

public:
    CounterPages() = delete;
    static void addEnrolment(QTabWidget& tabs, const MainWindow::Context& context);
    static void addLinkages(QTabWidget& tabs, const MainWindow::Context& context);
    static void addRevocations(QTabWidget& tabs, const MainWindow::Context& context);
};

} // namespace madoguchi::gui
