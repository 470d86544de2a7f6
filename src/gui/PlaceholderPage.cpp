#include "gui/PlaceholderPage.h"
#include "ui_PlaceholderPage.h"

#include <QEvent>

namespace madoguchi::gui {

PlaceholderPage::PlaceholderPage(services::Workspace workspace, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::PlaceholderPage>()), m_workspace(workspace)
{
    m_ui->setupUi(this);
    retranslate();
}

PlaceholderPage::~PlaceholderPage() = default;

void PlaceholderPage::retranslate()
{
    using services::Workspace;
    QString title;
    QString message;
    switch (m_workspace) {
    case Workspace::Enrolment:
        title = tr("Enrolment");
        message = tr("The enrolment wizard is not part of this build yet. Use `madoguchi-cli linkage add` meanwhile.");
        break;
    case Workspace::Linkages:
        title = tr("Linkages");
        message = tr("The linkage search is not part of this build yet. Use `madoguchi-cli linkage find` meanwhile.");
        break;
    case Workspace::Revocations:
        title = tr("Revocations");
        message = tr("No revocation lists are loaded in this view yet. Use `madoguchi-cli crl` meanwhile.");
        break;
    case Workspace::Audit:
        title = tr("Audit log");
        message = tr("The audit log view is not part of this build yet.");
        break;
    case Workspace::Sync:
        title = tr("Sync");
        message = tr("Not connected to a platform yet. This counter works offline; set the platform address "
                     "in Settings once the terminal is registered.");
        break;
    default:
        title = tr("Not available");
        break;
    }
    m_ui->titleLabel->setText(title);
    m_ui->messageLabel->setText(message);
    setAccessibleName(title);
}

void PlaceholderPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace madoguchi::gui
