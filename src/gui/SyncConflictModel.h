#pragma once

#include "services/SyncConflicts.h"

#include <QAbstractTableModel>

namespace madoguchi::gui {

// The open sync conflicts as rows (card, kind, why, when found); the two versions are shown beside
// the list by the Sync page.
class SyncConflictModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncConflictModel)

public:
    enum Column
    {
        CardColumn,
        KindColumn,
        ReasonColumn,
        DetectedColumn,
        ColumnCount,
    };

    explicit SyncConflictModel(QObject* parent = nullptr) : QAbstractTableModel(parent) {}

    void setConflicts(QList<services::SyncConflict> conflicts);
    [[nodiscard]] const services::SyncConflict* conflictAt(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    // "Linked differently at another counter", … for a conflict's reason code.
    [[nodiscard]] static QString reasonText(const QString& reason);

private:
    QList<services::SyncConflict> m_conflicts;
};

} // namespace madoguchi::gui
