#include "gui/OperatorListModel.h"

#include "gui/RoleNames.h"

#include <QDateTime>

namespace madoguchi::gui {

OperatorListModel::OperatorListModel(QObject* parent) : QAbstractTableModel(parent) {}

void OperatorListModel::setAccounts(QList<services::OperatorAccount> accounts)
{
    beginResetModel();
    m_accounts = std::move(accounts);
    endResetModel();
}

const services::OperatorAccount* OperatorListModel::accountAt(int row) const
{
    return row >= 0 && row < m_accounts.size() ? &m_accounts.at(row) : nullptr;
}

int OperatorListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_accounts.size());
}

int OperatorListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OperatorListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& account = m_accounts.at(index.row());
    if (role == LoginRole) {
        return account.login;
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole) {
        return {};
    }
    switch (index.column()) {
    case LoginColumn:
        return account.login;
    case NameColumn:
        return account.displayName;
    case RoleColumn:
        return RoleNames::display(account.role);
    case StateColumn:
        if (account.disabled) {
            return tr("⛔ Disabled");
        }
        if (account.lockedUntil.isValid() && account.lockedUntil > QDateTime::currentDateTimeUtc()) {
            return tr("⏸ Paused after wrong passwords until %1")
                .arg(QLocale().toString(account.lockedUntil.toLocalTime(), QLocale::ShortFormat));
        }
        return tr("✔ Active");
    default:
        return {};
    }
}

QVariant OperatorListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case LoginColumn:
        return tr("Operator");
    case NameColumn:
        return tr("Name");
    case RoleColumn:
        return tr("Role");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

} // namespace madoguchi::gui
