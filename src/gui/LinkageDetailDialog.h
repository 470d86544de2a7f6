#pragma once

#include "services/Operator.h"
#include "store/Linkage.h"

#include <QDialog>

#include <memory>

namespace Ui {
class LinkageDetailDialog;
}

namespace madoguchi::services {
class LinkageService;
}

namespace madoguchi::gui {

class LinkageTableModel;

// One linkage: its current version in words and every version as a table (nothing is updated in
// place without history, architecture.md §3).
class LinkageDetailDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkageDetailDialog)

public:
    LinkageDetailDialog(services::LinkageService& linkages, const services::Operator& op, const store::Linkage& linkage,
                        QWidget* parent = nullptr);
    ~LinkageDetailDialog() override;

    [[nodiscard]] LinkageTableModel* historyModel() const { return m_history; }

private:
    const std::unique_ptr<Ui::LinkageDetailDialog> m_ui;
    LinkageTableModel* m_history;
};

} // namespace madoguchi::gui
