#include "gui/AuditLogModel.h"

#include "core/Logging.h"

#include <QDateTime>

namespace madoguchi::gui {

AuditLogModel::AuditLogModel(store::Database& db, QObject* parent) : QAbstractTableModel(parent), m_db(&db) {}

void AuditLogModel::setFilter(const audit::AuditFilter& filter)
{
    m_fetching = true; // no fetch from inside the reset's own signals
    beginResetModel();
    m_filter = filter;
    m_rows.clear();
    m_atEnd = false;
    endResetModel();
    m_fetching = false;
}

qint64 AuditLogModel::entryIndex(int row) const
{
    return row >= 0 && row < static_cast<int>(m_rows.size()) ? m_rows[static_cast<std::size_t>(row)].index : -1;
}

int AuditLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AuditLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        (role != Qt::DisplayRole && role != Qt::ToolTipRole)) {
        return {};
    }
    const audit::AuditRow& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (index.column()) {
    case IndexColumn:
        return row.index;
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(row.timeMs, Qt::UTC)
            .toLocalTime()
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case OperatorColumn:
        return row.operatorId;
    case RoleColumn:
        return row.role;
    case ActionColumn:
        return row.action;
    case SubjectColumn:
        return row.subject;
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case IndexColumn:
        return tr("No.");
    case TimeColumn:
        return tr("Time");
    case OperatorColumn:
        return tr("Operator");
    case RoleColumn:
        return tr("Role");
    case ActionColumn:
        return tr("Action");
    case SubjectColumn:
        return tr("Subject");
    default:
        return {};
    }
}

bool AuditLogModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd && !m_fetching;
}

void AuditLogModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || m_atEnd || m_fetching) {
        return;
    }
    const qint64 after = m_rows.empty() ? m_filter.fromIndex - 1 : m_rows.back().index;
    auto page = audit::AuditQuery::page(*m_db, m_filter, after, kPage);
    if (!page) {
        qCWarning(lcGui) << "audit list read failed:" << page.error().toString();
        m_atEnd = true;
        return;
    }
    m_atEnd = static_cast<int>(page->size()) < kPage;
    if (page->empty()) {
        return;
    }
    const int first = static_cast<int>(m_rows.size());
    m_fetching = true;
    beginInsertRows({}, first, first + static_cast<int>(page->size()) - 1);
    m_rows.insert(m_rows.end(), page->begin(), page->end());
    endInsertRows();
    m_fetching = false;
}

} // namespace madoguchi::gui
