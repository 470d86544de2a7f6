#pragma once

#include "store/Linkage.h"

#include <QAbstractTableModel>
#include <QList>

namespace madoguchi::gui {

// Linkages as rows (search results, or one linkage's history): read-only, status in text and icon.
class LinkageTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkageTableModel)

public:
    enum Column
    {
        KindColumn,
        IdentifierColumn,
        StatusColumn,
        AssuranceColumn,
        VersionColumn,
        ValidFromColumn,
        CreatedByColumn,
        CreatedAtColumn,
        ReasonColumn,
        ColumnCount,
    };

    explicit LinkageTableModel(QObject* parent = nullptr);

    void setLinkages(QList<store::Linkage> linkages);
    [[nodiscard]] const store::Linkage* linkageAt(int row) const;
    [[nodiscard]] const QList<store::Linkage>& linkages() const { return m_linkages; }

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] QString text(const store::Linkage& linkage, int column) const;

    QList<store::Linkage> m_linkages;
};

} // namespace madoguchi::gui
