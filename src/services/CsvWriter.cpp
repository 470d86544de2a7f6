#include "services/CsvWriter.h"

namespace madoguchi::services {

CsvWriter::CsvWriter(QIODevice& out, bool writeBom) : m_out(out)
{
    if (writeBom) {
        m_ok = m_out.write("\xEF\xBB\xBF") == 3;
    }
}

QByteArray CsvWriter::encodeCell(const QString& cell)
{
    QString value = cell;
    if (!value.isEmpty()) {
        const QChar first = value.front();
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-') ||
            first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r')) {
            value.prepend(QLatin1Char('\''));
        }
    }
    QByteArray utf8 = value.toUtf8();
    if (utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r') ||
        utf8 != value.toUtf8().trimmed()) {
        utf8.replace("\"", "\"\"");
        utf8.prepend('"');
        utf8.append('"');
    }
    return utf8;
}

void CsvWriter::writeRow(const QStringList& cells)
{
    QByteArray line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0) {
            line.append(',');
        }
        line.append(encodeCell(cells[i]));
    }
    line.append("\r\n");
    m_ok = m_ok && m_out.write(line) == line.size();
}

} // namespace madoguchi::services
