#include "gui/LinkageDetailDialog.h"
#include "ui_LinkageDetailDialog.h"

#include "gui/LinkageLabels.h"
#include "gui/LinkageTableModel.h"
#include "gui/Messages.h"
#include "services/LinkageService.h"

#include <QHeaderView>

namespace madoguchi::gui {

LinkageDetailDialog::LinkageDetailDialog(services::LinkageService& linkages, const services::Operator& op,
                                         const store::Linkage& l, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::LinkageDetailDialog>()), m_history(new LinkageTableModel(this))
{
    m_ui->setupUi(this);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->historyTableView->setModel(m_history);
    m_ui->historyTableView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QString text =
        tr("<p><b>%1</b> — %2</p>")
            .arg(LinkageLabels::kind(l.kind).toHtmlEscaped(), LinkageLabels::status(l.status).toHtmlEscaped());
    const auto row = [&text](const QString& label, const QString& value) {
        text += QStringLiteral("<p><b>%1</b>: %2</p>").arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    for (auto it = l.fields.begin(); it != l.fields.end(); ++it) {
        row(LinkageLabels::field(it.key()), it.value().toString());
    }
    row(tr("Card"), l.card.toString());
    row(tr("Linkage number"), l.uuid.toString(QUuid::WithoutBraces));
    row(tr("Holder proved by"), LinkageLabels::assurance(l.assurance));
    row(tr("Valid"), tr("%1 to %2")
                         .arg(l.validFrom.toString(Qt::ISODate),
                              l.validTo.isValid() ? l.validTo.toString(Qt::ISODate) : tr("open")));
    m_ui->detailLabel->setText(text);
    auto history = linkages.history(op, l.uuid);
    if (history) {
        m_history->setLinkages(*history);
    } else {
        m_ui->historyLabel->setText(QStringLiteral("✖ ") + Messages::describe(history.error()));
    }
}

LinkageDetailDialog::~LinkageDetailDialog() = default;

} // namespace madoguchi::gui
