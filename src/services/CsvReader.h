#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QList>

namespace madoguchi::services {

// One CSV record as raw bytes per field (decoding happens later, per field, so UTF-8 and CP932 share
// this parser: neither uses the bytes '"' ',' CR LF inside a multi-byte character).
struct CsvRecord
{
    QList<QByteArray> fields;
    qint64 line = 0;        // physical line where the record starts (1-based)
    bool malformed = false; // a quote inside an unquoted field, text after a closing quote, or EOF in quotes
};

// A streaming RFC 4180 reader (§2: quotes, doubled quotes, CRLF or LF, line breaks inside quotes).
// Reads the device in 1 MiB chunks; memory does not grow with the file.
class CsvReader final
{
public:
    explicit CsvReader(QIODevice& in);
    // false at the end of input.
    [[nodiscard]] bool next(CsvRecord& record);
    [[nodiscard]] qint64 bytesConsumed() const { return m_consumed; }
    [[nodiscard]] bool readFailed() const { return m_readFailed; }

private:
    [[nodiscard]] bool fill();
    [[nodiscard]] bool atEnd();

    QIODevice& m_in;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_consumed = 0;
    qint64 m_line = 1;
    bool m_eof = false;
    bool m_readFailed = false;
};

} // namespace madoguchi::services
