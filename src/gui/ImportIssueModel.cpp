#include "gui/ImportIssueModel.h"

#include "services/CsvWriter.h"

namespace madoguchi::gui {

void ImportIssueModel::setIssues(QList<services::ImportIssue> issues)
{
    beginResetModel();
    m_issues = std::move(issues);
    endResetModel();
}

bool ImportIssueModel::saveCsv(QIODevice& out) const
{
    services::CsvWriter writer(out);
    writer.writeRow({tr("Row"), tr("Field"), tr("Reason")});
    for (const auto& issue : m_issues) {
        writer.writeRow({QString::number(issue.row), issue.field, issue.reason});
    }
    return writer.ok();
}

int ImportIssueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_issues.size());
}

int ImportIssueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportIssueModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)) {
        return {};
    }
    const auto& issue = m_issues.at(index.row());
    switch (index.column()) {
    case RowColumn:
        return QString::number(issue.row);
    case FieldColumn:
        return issue.field;
    case ReasonColumn:
        return issue.reason;
    default:
        return {};
    }
}

QVariant ImportIssueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case RowColumn:
        return tr("Row");
    case FieldColumn:
        return tr("Field");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace madoguchi::gui
