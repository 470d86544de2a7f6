#pragma once

#include "core/SecureBytes.h"
#include "services/OperatorAccount.h"

#include <QDialog>

#include <memory>

namespace Ui {
class AddOperatorDialog;
}

namespace madoguchi::gui {

// Asks for a new operator's name, role and initial password (entered twice). The Operators page
// hands the result to OperatorService, which validates and decides.
class AddOperatorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddOperatorDialog)

public:
    explicit AddOperatorDialog(QWidget* parent = nullptr);
    ~AddOperatorDialog() override;

    [[nodiscard]] services::NewOperator account() const;
    // The password, taken out of the line edits (they are cleared).
    [[nodiscard]] core::SecureBytes takePassword();

    void accept() override;

private:
    const std::unique_ptr<Ui::AddOperatorDialog> m_ui;
};

} // namespace madoguchi::gui
