#include "gui/CounterPages.h"

#include "gui/EnrolmentWizard.h"
#include "gui/LinkagesPage.h"
#include "gui/RevocationsPage.h"

namespace madoguchi::gui {

QWidget* CounterPages::enrolment(const MainWindow::Context& c)
{
    if (c.enrolment == nullptr || c.cards == nullptr || c.currentOperator == nullptr || c.clock == nullptr) {
        return nullptr;
    }
    auto* page = new EnrolmentWizard(*c.enrolment, *c.cards, *c.currentOperator, *c.clock);
    page->setPinScreen(c.pinScreen);
    return page;
}

QWidget* CounterPages::linkages(const MainWindow::Context& c)
{
    if (c.linkages == nullptr || c.cards == nullptr || c.currentOperator == nullptr || c.clock == nullptr) {
        return nullptr;
    }
    return new LinkagesPage(*c.linkages, *c.cards, *c.currentOperator, *c.clock,
                            ImportDialog::Setup{c.openWorkerDatabase, c.terminalPrefix, c.openWorkerAudit});
}

QWidget* CounterPages::revocations(const MainWindow::Context& c)
{
    if (c.crls == nullptr || c.revocationQueue == nullptr || c.currentOperator == nullptr) {
        return nullptr;
    }
    auto* page = new RevocationsPage(*c.crls, *c.revocationQueue, *c.currentOperator, c.ocspResponderUrl);
    page->setSweep(c.crlSweep);
    return page;
}

} // namespace madoguchi::gui
