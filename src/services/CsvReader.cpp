#include "services/CsvReader.h"

namespace madoguchi::services {

namespace {
constexpr qint64 ChunkSize = 1 << 20;
}

CsvReader::CsvReader(QIODevice& in) : m_in(in) {}

bool CsvReader::fill()
{
    if (m_eof) {
        return false;
    }
    const QByteArray chunk = m_in.read(ChunkSize);
    if (chunk.isEmpty()) {
        m_readFailed = !m_in.atEnd(); // read() gave nothing before the end: an I/O error
        m_eof = true;
        return false;
    }
    m_buffer = m_buffer.mid(m_pos) + chunk;
    m_pos = 0;
    return true;
}

bool CsvReader::atEnd()
{
    return m_pos >= m_buffer.size() && !fill();
}

bool CsvReader::next(CsvRecord& record)
{
    record.fields.clear();
    record.malformed = false;
    record.line = m_line;
    if (atEnd()) {
        return false;
    }
    enum class State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
        AfterClose
    };
    State state = State::FieldStart;
    QByteArray field;
    for (;;) {
        if (atEnd()) {
            record.malformed = record.malformed || state == State::Quoted;
            record.fields.append(field);
            return true;
        }
        const char c = m_buffer.at(m_pos++);
        ++m_consumed;
        if (c == '\n') {
            ++m_line;
        }
        switch (state) {
        case State::Quoted:
            if (c == '"') {
                state = State::QuoteInQuoted;
            } else {
                field.append(c);
            }
            continue;
        case State::QuoteInQuoted:
            if (c == '"') { // "" inside quotes is one quote (RFC 4180 §2.7)
                field.append('"');
                state = State::Quoted;
                continue;
            }
            state = State::AfterClose;
            break;
        default:
            break;
        }
        if (c == ',') {
            record.fields.append(field);
            field.clear();
            state = State::FieldStart;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && !atEnd() && m_buffer.at(m_pos) == '\n') {
                ++m_pos;
                ++m_consumed;
                ++m_line;
            }
            record.fields.append(field);
            return true;
        } else if (c == '"' && state == State::FieldStart) {
            state = State::Quoted;
        } else if (state == State::AfterClose || c == '"') {
            record.malformed = true; // text after a closing quote, or a quote in an unquoted field
            field.append(c);
            state = state == State::AfterClose ? State::AfterClose : State::Unquoted;
        } else {
            field.append(c);
            state = State::Unquoted;
        }
    }
}

} // namespace madoguchi::services
