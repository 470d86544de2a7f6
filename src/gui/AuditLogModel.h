#pragma once

#include "audit/AuditQuery.h"

#include <QAbstractTableModel>

#include <vector>

namespace madoguchi::store {
class Database;
}

namespace madoguchi::gui {

// The auditor's list, read lazily: rows arrive in windows of kPage by rowid (AuditQuery::page) as
// the view scrolls (canFetchMore/fetchMore), so a log of 10^6 entries opens with one small query.
// Read-only: no editable flags, no setData.
class AuditLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditLogModel)

public:
    enum Column
    {
        IndexColumn,
        TimeColumn,
        OperatorColumn,
        RoleColumn,
        ActionColumn,
        SubjectColumn,
        ColumnCount
    };
    static constexpr int kPage = 200;

    // `db` must outlive the model (the page owns both).
    explicit AuditLogModel(store::Database& db, QObject* parent = nullptr);

    void setFilter(const audit::AuditFilter& filter);
    [[nodiscard]] const audit::AuditFilter& filter() const { return m_filter; }
    [[nodiscard]] qint64 entryIndex(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    store::Database* m_db;
    audit::AuditFilter m_filter;
    std::vector<audit::AuditRow> m_rows;
    bool m_atEnd = false;
    bool m_fetching = false; // views and testers may ask again from inside our own insert signals
};

} // namespace madoguchi::gui
