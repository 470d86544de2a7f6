#include "gui/SyncConflictModel.h"

#include "gui/LinkageLabels.h"

namespace madoguchi::gui {

void SyncConflictModel::setConflicts(QList<services::SyncConflict> conflicts)
{
    beginResetModel();
    m_conflicts = std::move(conflicts);
    endResetModel();
}

const services::SyncConflict* SyncConflictModel::conflictAt(int row) const
{
    return row >= 0 && row < m_conflicts.size() ? &m_conflicts[row] : nullptr;
}

int SyncConflictModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_conflicts.size());
}

int SyncConflictModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SyncConflictModel::reasonText(const QString& reason)
{
    if (reason == QStringLiteral("linked_differently")) {
        return tr("Linked differently at another counter");
    }
    if (reason == QStringLiteral("stale_version") || reason == QStringLiteral("version_gap")) {
        return tr("Changed at another counter in the meantime");
    }
    return tr("Refused by the platform (%1)").arg(reason);
}

QVariant SyncConflictModel::data(const QModelIndex& index, int role) const
{
    const services::SyncConflict* c = index.isValid() ? conflictAt(index.row()) : nullptr;
    if (c == nullptr) {
        return {};
    }
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case CardColumn:
            return c->card;
        case KindColumn:
            return LinkageLabels::kind(c->kind);
        case ReasonColumn:
            return reasonText(c->reason);
        case DetectedColumn:
            return QLocale().toString(c->detectedAt.toLocalTime(), QLocale::ShortFormat);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == ReasonColumn) {
        return c->reason;
    }
    return {};
}

QVariant SyncConflictModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case CardColumn:
        return tr("Card");
    case KindColumn:
        return tr("Kind");
    case ReasonColumn:
        return tr("Why");
    case DetectedColumn:
        return tr("Found");
    default:
        return {};
    }
}

} // namespace madoguchi::gui
