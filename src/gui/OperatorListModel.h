#pragma once

#include "services/OperatorAccount.h"

#include <QAbstractTableModel>
#include <QList>

namespace madoguchi::gui {

// The operator accounts for the Operators page: name, display name, role, state (text, not colour).
class OperatorListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperatorListModel)

public:
    enum Column
    {
        LoginColumn,
        NameColumn,
        RoleColumn,
        StateColumn,
        ColumnCount
    };
    static constexpr int LoginRole = Qt::UserRole + 1;

    explicit OperatorListModel(QObject* parent = nullptr);

    void setAccounts(QList<services::OperatorAccount> accounts);
    [[nodiscard]] const services::OperatorAccount* accountAt(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    QList<services::OperatorAccount> m_accounts;
};

} // namespace madoguchi::gui
