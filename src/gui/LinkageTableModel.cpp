#include "gui/LinkageTableModel.h"

#include "gui/LinkageLabels.h"

#include <QApplication>
#include <QStyle>

namespace madoguchi::gui {

LinkageTableModel::LinkageTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void LinkageTableModel::setLinkages(QList<store::Linkage> linkages)
{
    beginResetModel();
    m_linkages = std::move(linkages);
    endResetModel();
}

const store::Linkage* LinkageTableModel::linkageAt(int row) const
{
    return row >= 0 && row < m_linkages.size() ? &m_linkages.at(row) : nullptr;
}

int LinkageTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_linkages.size());
}

int LinkageTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LinkageTableModel::text(const store::Linkage& l, int column) const
{
    switch (column) {
    case KindColumn:
        return LinkageLabels::kind(l.kind);
    case IdentifierColumn:
        return LinkageLabels::summary(l.kind, l.fields);
    case StatusColumn:
        return LinkageLabels::status(l.status);
    case AssuranceColumn:
        return LinkageLabels::assurance(l.assurance);
    case VersionColumn:
        return QString::number(l.version);
    case ValidFromColumn:
        return l.validFrom.toString(Qt::ISODate);
    case CreatedByColumn:
        return l.createdBy;
    case CreatedAtColumn:
        return l.createdAt.toLocalTime().toString(Qt::ISODate);
    case ReasonColumn:
        return l.reason;
    default:
        return QString();
    }
}

QVariant LinkageTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& l = m_linkages.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        return text(l, index.column());
    }
    if (role == Qt::DecorationRole && index.column() == StatusColumn && qobject_cast<QApplication*>(qApp)) {
        // Status in text AND icon, never colour alone (issue 6 item 9).
        const auto icon = l.status == store::LinkageStatus::Active      ? QStyle::SP_DialogApplyButton
                          : l.status == store::LinkageStatus::Suspended ? QStyle::SP_MessageBoxWarning
                                                                        : QStyle::SP_DialogCancelButton;
        return QApplication::style()->standardIcon(icon);
    }
    return {};
}

QVariant LinkageTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case KindColumn:
        return tr("Kind");
    case IdentifierColumn:
        return tr("Identifier");
    case StatusColumn:
        return tr("Status");
    case AssuranceColumn:
        return tr("Holder proved by");
    case VersionColumn:
        return tr("Version");
    case ValidFromColumn:
        return tr("Valid from");
    case CreatedByColumn:
        return tr("By");
    case CreatedAtColumn:
        return tr("At");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace madoguchi::gui
