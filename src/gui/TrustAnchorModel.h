#pragma once

#include "pki/TrustStore.h"

#include <QAbstractTableModel>

#include <vector>

namespace madoguchi::gui {

// The trust store's anchors for the Settings page: origin, subject, key id, TEST flag.
class TrustAnchorModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrustAnchorModel)

public:
    enum Column
    {
        OriginColumn,
        SubjectColumn,
        KeyIdColumn,
        TestColumn,
        ColumnCount
    };

    explicit TrustAnchorModel(QObject* parent = nullptr);

    void setAnchors(std::vector<pki::TrustAnchor> anchors);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    std::vector<pki::TrustAnchor> m_anchors;
};

} // namespace madoguchi::gui
