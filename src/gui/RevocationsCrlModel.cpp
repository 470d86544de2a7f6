#include "gui/RevocationsCrlModel.h"

#include <QApplication>
#include <QStyle>

namespace madoguchi::gui {

void RevocationsCrlModel::setCrls(QList<services::CrlSummary> crls)
{
    beginResetModel();
    m_crls = std::move(crls);
    endResetModel();
}

QString RevocationsCrlModel::ageText(qint64 seconds)
{
    const qint64 hours = seconds / 3600;
    if (hours < 24) {
        return tr("%n h", nullptr, static_cast<int>(hours));
    }
    return tr("%1 d %2 h").arg(hours / 24).arg(hours % 24);
}

QString RevocationsCrlModel::reasonText(int code)
{
    switch (code) {
    case 0:
        return tr("unspecified / destroyed before delivery (0)");
    case 1:
        return tr("lost, stolen or key compromised (1)");
    case 2:
        return tr("CA compromised (2)");
    case 3:
        return tr("recorded facts changed, e.g. moved (3)");
    case 4:
        return tr("renewed or re-issued (4)");
    case 5:
        return tr("no longer needed (5)");
    case 6:
        return tr("on hold (6)");
    case 8:
        return tr("removed from CRL (8)");
    case 9:
        return tr("privilege withdrawn (9)");
    case 10:
        return tr("AA compromised (10)");
    default:
        return tr("no reason given");
    }
}

int RevocationsCrlModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_crls.size());
}

int RevocationsCrlModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RevocationsCrlModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& c = m_crls.at(index.row());
    if (role == Qt::DecorationRole && index.column() == AgeColumn && qobject_cast<QApplication*>(qApp)) {
        return QApplication::style()->standardIcon(c.stale ? QStyle::SP_MessageBoxWarning
                                                           : QStyle::SP_DialogApplyButton);
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (index.column()) {
    case IssuerColumn:
        return c.issuer + (c.delta ? tr(" (delta)") : QString());
    case NumberColumn:
        return c.crlNumber ? QString::number(*c.crlNumber) : tr("none");
    case ThisUpdateColumn:
        return c.thisUpdate.toString(Qt::ISODate);
    case NextUpdateColumn:
        return c.nextUpdate.isValid() ? c.nextUpdate.toString(Qt::ISODate) : tr("none");
    case AgeColumn:
        return c.stale ? tr("STALE — %1 old").arg(ageText(c.ageSeconds))
                       : tr("current — %1 old").arg(ageText(c.ageSeconds));
    case EntriesColumn:
        return QString::number(c.entries);
    case IdColumn:
        return c.id.left(16);
    default:
        return {};
    }
}

QVariant RevocationsCrlModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case IssuerColumn:
        return tr("Issuer");
    case NumberColumn:
        return tr("CRL number");
    case ThisUpdateColumn:
        return tr("Issued");
    case NextUpdateColumn:
        return tr("Next update");
    case AgeColumn:
        return tr("Age");
    case EntriesColumn:
        return tr("Entries");
    case IdColumn:
        return tr("Id");
    default:
        return {};
    }
}

} // namespace madoguchi::gui
