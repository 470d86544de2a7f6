#include "report/AuditPdfReport.h"

#include <QDateTime>
#include <QFile>
#include <QGuiApplication>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace madoguchi::report {

namespace {

QString cell(const QString& text)
{
    return QStringLiteral("<td>") + text.toHtmlEscaped() + QStringLiteral("</td>");
}

} // namespace

core::Result<qint64> AuditPdfReport::write(store::Database& db, const audit::AuditFilter& filter, const QString& title,
                                           const QString& path)
{
    if (qobject_cast<QGuiApplication*>(QCoreApplication::instance()) == nullptr) {
        return core::fail(core::Errc::Unsupported, QStringLiteral("a PDF report needs a QGuiApplication"));
    }
    QString html =
        QStringLiteral("<h2>%1</h2><p>%2<br>%3</p><table border=\"1\" cellspacing=\"0\" cellpadding=\"2\">"
                       "<tr><th>#</th><th>UTC</th><th>Operator</th><th>Role</th><th>Action</th><th>Subject</th></tr>")
            .arg(title.toHtmlEscaped(), filter.describe().toHtmlEscaped(),
                 QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    qint64 after = filter.fromIndex - 1;
    qint64 rows = 0;
    while (rows < kMaxRows) {
        auto page = audit::AuditQuery::page(db, filter, after, 1000);
        if (!page) {
            return core::fail(page.error());
        }
        for (const audit::AuditRow& row : *page) {
            html += QStringLiteral("<tr>") + cell(QString::number(row.index)) +
                    cell(QDateTime::fromMSecsSinceEpoch(row.timeMs, Qt::UTC).toString(Qt::ISODate)) +
                    cell(row.operatorId) + cell(row.role) + cell(row.action) + cell(row.subject) +
                    QStringLiteral("</tr>");
            after = row.index;
            ++rows;
        }
        if (page->size() < 1000) {
            break;
        }
    }
    html += QStringLiteral("</table>");
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Madoguchi"));
    QTextDocument document;
    document.setHtml(html);
    document.print(&writer);
    if (!QFile::exists(path)) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot write %1").arg(path));
    }
    return rows;
}

} // namespace madoguchi::report
