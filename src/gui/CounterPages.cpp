#include "gui/CounterPages.h"

#include "gui/EnrolmentWizard.h"
#include "gui/LinkagesPage.h"
#include "gui/RevocationsPage.h"

#include <QTabWidget>

namespace madoguchi::gui {

void CounterPages::addEnrolment(QTabWidget& tabs, const MainWindow::Context& c)
{
    if (c.enrolment == nullptr || c.cards == nullptr || c.currentOperator == nullptr || c.clock == nullptr) {
        return;
    }
    auto* page = new EnrolmentWizard(*c.enrolment, *c.cards, *c.currentOperator, *c.clock);
    page->setPinScreen(c.pinScreen);
    tabs.addTab(page, tr("&Enrolment"));
}

void CounterPages::addLinkages(QTabWidget& tabs, const MainWindow::Context& c)
{
    if (c.linkages == nullptr || c.cards == nullptr || c.currentOperator == nullptr || c.clock == nullptr) {
        return;
    }
    tabs.addTab(new LinkagesPage(*c.linkages, *c.cards, *c.currentOperator, *c.clock,
                                 ImportDialog::Setup{c.openWorkerDatabase, c.terminalPrefix}),
                tr("&Linkages"));
}

void CounterPages::addRevocations(QTabWidget& tabs, const MainWindow::Context& c)
{
    if (c.crls == nullptr || c.revocationQueue == nullptr || c.currentOperator == nullptr) {
        return;
    }
    tabs.addTab(new RevocationsPage(*c.crls, *c.revocationQueue, *c.currentOperator, c.ocspResponderUrl),
                tr("&Revocations"));
}

} // namespace madoguchi::gui
