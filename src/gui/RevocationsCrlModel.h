#pragma once

#include "services/CrlOverview.h"

#include <QAbstractTableModel>

namespace madoguchi::gui {

// The loaded CRLs (issue 3 item 9): issuer, CRL number, this/next update, age, entries; a stale CRL
// says so in text and with an icon (never colour alone).
class RevocationsCrlModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RevocationsCrlModel)

public:
    enum Column
    {
        AgeColumn, // first: what the counter needs to see (current or STALE)
        ThisUpdateColumn,
        NextUpdateColumn,
        NumberColumn,
        EntriesColumn,
        IssuerColumn,
        IdColumn,
        ColumnCount,
    };

    explicit RevocationsCrlModel(QObject* parent = nullptr) : QAbstractTableModel(parent) {}

    void setCrls(QList<services::CrlSummary> crls);
    // "3 h", "2 d 4 h": the age of a CRL for people.
    [[nodiscard]] static QString ageText(qint64 seconds);
    // RFC 5280 §5.3.1 reason in words; 255 = not given.
    [[nodiscard]] static QString reasonText(int code);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    QList<services::CrlSummary> m_crls;
};

} // namespace madoguchi::gui
