#pragma once

#include "card/ReaderBackend.h"

#include <QAbstractListModel>
#include <QList>

namespace madoguchi::gui {

// The readers and their live state, one row each. Status is in text and icon, never colour alone.
class ReaderListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReaderListModel)

public:
    enum Role
    {
        CardPresentRole = Qt::UserRole + 1,
        ReaderNameRole,
        StatusTextRole,
    };

    explicit ReaderListModel(QObject* parent = nullptr);
    ~ReaderListModel() override;

    void setReaders(const QList<card::ReaderState>& readers);
    [[nodiscard]] const QList<card::ReaderState>& readers() const { return m_readers; }

    [[nodiscard]] int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] static QString statusText(const card::ReaderState& reader);

private:
    QList<card::ReaderState> m_readers;
};

} // namespace madoguchi::gui
