#include "gui/ReaderListModel.h"

#include <QApplication>
#include <QIcon>
#include <QStyle>

namespace madoguchi::gui {

ReaderListModel::ReaderListModel(QObject* parent) : QAbstractListModel(parent) {}

ReaderListModel::~ReaderListModel() = default;

void ReaderListModel::setReaders(const QList<card::ReaderState>& readers)
{
    // Readers come and go rarely; a reset keeps the model simple and the view's selection is
    // restored by name in the panel.
    beginResetModel();
    m_readers = readers;
    endResetModel();
}

int ReaderListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_readers.size());
}

QString ReaderListModel::statusText(const card::ReaderState& reader)
{
    if (reader.mute) {
        return tr("Card does not respond");
    }
    if (reader.cardInUse) {
        return tr("Card in use by another program");
    }
    return reader.cardPresent ? tr("Card present") : tr("No card");
}

QVariant ReaderListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& reader = m_readers.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1\n%2").arg(reader.name, statusText(reader));
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return tr("%1: %2").arg(reader.name, statusText(reader));
    case Qt::DecorationRole: {
        const auto pixmap = reader.mute || reader.cardInUse ? QStyle::SP_MessageBoxWarning
                            : reader.cardPresent            ? QStyle::SP_DialogApplyButton
                                                            : QStyle::SP_DriveHDIcon;
        return QApplication::style()->standardIcon(pixmap);
    }
    case CardPresentRole:
        return reader.cardPresent;
    case ReaderNameRole:
        return reader.name;
    case StatusTextRole:
        return statusText(reader);
    default:
        return {};
    }
}

QHash<int, QByteArray> ReaderListModel::roleNames() const
{
    auto roles = QAbstractListModel::roleNames();
    roles.insert(CardPresentRole, "cardPresent");
    roles.insert(ReaderNameRole, "readerName");
    roles.insert(StatusTextRole, "statusText");
    return roles;
}

} // namespace madoguchi::gui
