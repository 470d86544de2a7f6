#pragma once

#include "services/RevocationQueue.h"

#include <QAbstractTableModel>

namespace madoguchi::gui {

// One revocation work queue (migrations, or change-of-address events) as rows; done items say so in
// text and with an icon.
class RevocationsWorkModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RevocationsWorkModel)

public:
    enum Column
    {
        CardColumn,
        EventColumn,
        RevokedAtColumn,
        SuccessorColumn,
        StateColumn,
        NoteColumn,
        ColumnCount,
    };

    explicit RevocationsWorkModel(QObject* parent = nullptr) : QAbstractTableModel(parent) {}

    void setItems(QList<services::RevocationWorkItem> items);
    [[nodiscard]] const services::RevocationWorkItem* itemAt(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    QList<services::RevocationWorkItem> m_items;
};

} // namespace madoguchi::gui
