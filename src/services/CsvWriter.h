#pragma once

#include <QIODevice>
#include <QStringList>

namespace madoguchi::services {

// RFC 4180 output (CRLF, quotes doubled) in UTF-8 with a BOM so spreadsheet programs read Japanese
// correctly, and neutralised against formula injection (OWASP "CSV Injection"): a cell starting with
// = + - @ TAB or CR gets a leading apostrophe, so a spreadsheet shows it as text instead of running it.
class CsvWriter final
{
public:
    explicit CsvWriter(QIODevice& out, bool writeBom = true);
    void writeRow(const QStringList& cells);
    [[nodiscard]] bool ok() const { return m_ok; }
    // One cell, neutralised and quoted as needed.
    [[nodiscard]] static QByteArray encodeCell(const QString& cell);

private:
    QIODevice& m_out;
    bool m_ok = true;
};

} // namespace madoguchi::services
