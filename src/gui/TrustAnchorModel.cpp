#include "gui/TrustAnchorModel.h"

namespace madoguchi::gui {

TrustAnchorModel::TrustAnchorModel(QObject* parent) : QAbstractTableModel(parent) {}

void TrustAnchorModel::setAnchors(std::vector<pki::TrustAnchor> anchors)
{
    beginResetModel();
    m_anchors = std::move(anchors);
    endResetModel();
}

int TrustAnchorModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_anchors.size());
}

int TrustAnchorModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrustAnchorModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& anchor = m_anchors.at(static_cast<std::size_t>(index.row()));
    if (role == Qt::ToolTipRole && index.column() == KeyIdColumn) {
        return QString::fromLatin1(anchor.keyId.toHex(':').toUpper());
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole) {
        return {};
    }
    switch (index.column()) {
    case OriginColumn:
        switch (anchor.origin) {
        case pki::AnchorOrigin::BuiltIn:
            return tr("Built in (J-LIS)");
        case pki::AnchorOrigin::Installed:
            return tr("Installed");
        case pki::AnchorOrigin::Test:
            return tr("Training");
        }
        return {};
    case SubjectColumn:
        return anchor.subject;
    case KeyIdColumn:
        return QString::fromLatin1(anchor.keyId.left(8).toHex(':').toUpper()) + QStringLiteral("…");
    case TestColumn:
        return anchor.isTest ? tr("⚠ TEST") : tr("Production");
    default:
        return {};
    }
}

QVariant TrustAnchorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case OriginColumn:
        return tr("Origin");
    case SubjectColumn:
        return tr("Subject");
    case KeyIdColumn:
        return tr("Key ID");
    case TestColumn:
        return tr("Kind");
    default:
        return {};
    }
}

} // namespace madoguchi::gui
