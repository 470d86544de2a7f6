#pragma once

#include "services/ImportCsvJob.h"

#include <QAbstractTableModel>
#include <QIODevice>

namespace madoguchi::gui {

// The row-level report of an import (row, field, reason), read-only; saved as CSV with the
// formula-injection-safe CsvWriter.
class ImportIssueModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportIssueModel)

public:
    enum Column
    {
        RowColumn,
        FieldColumn,
        ReasonColumn,
        ColumnCount,
    };

    explicit ImportIssueModel(QObject* parent = nullptr) : QAbstractTableModel(parent) {}

    void setIssues(QList<services::ImportIssue> issues);
    [[nodiscard]] const QList<services::ImportIssue>& issues() const { return m_issues; }
    [[nodiscard]] bool saveCsv(QIODevice& out) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    QList<services::ImportIssue> m_issues;
};

} // namespace madoguchi::gui
