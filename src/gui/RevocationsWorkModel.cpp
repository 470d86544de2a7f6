#include "gui/RevocationsWorkModel.h"

#include <QApplication>
#include <QStyle>

namespace madoguchi::gui {

void RevocationsWorkModel::setItems(QList<services::RevocationWorkItem> items)
{
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
}

const services::RevocationWorkItem* RevocationsWorkModel::itemAt(int row) const
{
    return row >= 0 && row < m_items.size() ? &m_items.at(row) : nullptr;
}

int RevocationsWorkModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int RevocationsWorkModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RevocationsWorkModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& item = m_items.at(index.row());
    const bool done = item.doneAt.isValid();
    if (role == Qt::DecorationRole && index.column() == StateColumn && qobject_cast<QApplication*>(qApp)) {
        return QApplication::style()->standardIcon(done ? QStyle::SP_DialogApplyButton
                                                        : QStyle::SP_MessageBoxInformation);
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole) {
        return {};
    }
    switch (index.column()) {
    case CardColumn:
        return item.card.toString();
    case EventColumn:
        if (item.event == QStringLiteral("migrate")) {
            return tr("Migrate to successor");
        }
        if (item.event == QStringLiteral("successor_missing")) {
            return tr("Renewed, successor not yet known");
        }
        return item.event == QStringLiteral("change_of_address") ? tr("Change of address") : item.event;
    case RevokedAtColumn:
        return item.revokedAt.toString(Qt::ISODate);
    case SuccessorColumn:
        return item.successor ? item.successor->toString() : QString();
    case StateColumn:
        return done ? tr("Done by %1").arg(item.doneBy) : tr("To do");
    case NoteColumn:
        return item.note;
    default:
        return {};
    }
}

QVariant RevocationsWorkModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case CardColumn:
        return tr("Card");
    case EventColumn:
        return tr("Work");
    case RevokedAtColumn:
        return tr("Revoked at");
    case SuccessorColumn:
        return tr("Successor");
    case StateColumn:
        return tr("State");
    case NoteColumn:
        return tr("Note");
    default:
        return {};
    }
}

} // namespace madoguchi::gui
