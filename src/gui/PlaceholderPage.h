#pragma once

#include "services/AccessPolicy.h"

#include <QWidget>

#include <memory>

namespace Ui {
class PlaceholderPage;
}

namespace madoguchi::gui {

// A helpful empty state for a page whose workflow is not in this build yet (it says what the page
// will do and what to use meanwhile), so the window already has every page in its final order.
class PlaceholderPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaceholderPage)

public:
    explicit PlaceholderPage(services::Workspace workspace, QWidget* parent = nullptr);
    ~PlaceholderPage() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    const std::unique_ptr<Ui::PlaceholderPage> m_ui;
    services::Workspace m_workspace;
};

} // namespace madoguchi::gui
