#include "gui/EnrolmentReceipt.h"

#include "gui/LinkageLabels.h"

namespace madoguchi::gui {

QString EnrolmentReceipt::html(const store::Linkage& linkage, const QString& operatorId)
{
    QString rows;
    const auto row = [&rows](const QString& label, const QString& value) {
        rows += QStringLiteral("<tr><th align=left>%1</th><td>%2</td></tr>")
                    .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    row(tr("Service"), LinkageLabels::kind(linkage.kind));
    for (auto it = linkage.fields.begin(); it != linkage.fields.end(); ++it) {
        if (it.key() != QStringLiteral("token")) {
            row(LinkageLabels::field(it.key()), it.value().toString());
        }
    }
    row(tr("Linkage number"), linkage.uuid.toString(QUuid::WithoutBraces));
    row(tr("Holder proved by"), LinkageLabels::assurance(linkage.assurance));
    row(tr("Registered at"), linkage.createdAt.toLocalTime().toString(Qt::ISODate));
    row(tr("Registered by"), operatorId);
    return QStringLiteral("<h2>%1</h2><table cellpadding=4>%2</table><p>%3</p>")
        .arg(tr("Madoguchi — enrolment receipt").toHtmlEscaped(), rows,
             tr("Keep this receipt. It contains no card number and no individual number (My Number).").toHtmlEscaped());
}

} // namespace madoguchi::gui
