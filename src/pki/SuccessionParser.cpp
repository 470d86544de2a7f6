#include "pki/SuccessionParser.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>
#include <QStringList>

#include <array>
#include <optional>

namespace madoguchi::pki {

using core::Errc;

namespace {

// Column order of the CSV header and the member names of a JSON Lines object.
const std::array<QString, 5> Columns{QStringLiteral("old_issuer_key_id"), QStringLiteral("old_serial"),
                                     QStringLiteral("new_issuer_key_id"), QStringLiteral("new_serial"),
                                     QStringLiteral("linked_at")};
constexpr int MaxKeyIdBytes = 64;
constexpr int MaxSerialBytes = 20; // RFC 5280 §4.1.2.2

// Physical lines with their numbers; strips the line end and a leading UTF-8 BOM.
class LineReader
{
public:
    explicit LineReader(QIODevice& input)
        : m_input(input), m_buffer(SuccessionParser::MaxLineBytes + 2, Qt::Uninitialized)
    {}

    core::Result<std::optional<QByteArray>> next()
    {
        if (m_input.atEnd()) {
            return std::optional<QByteArray>{};
        }
        // Into one reused buffer: QIODevice::readLine(maxSize) would allocate maxSize bytes per line.
        const qint64 length = m_input.readLine(m_buffer.data(), m_buffer.size());
        ++m_number;
        QByteArray line(m_buffer.constData(), length > 0 ? length : 0);
        if (length < 0) {
            return core::fail(Errc::Io,
                              QStringLiteral("read error at line %1: %2").arg(m_number).arg(m_input.errorString()));
        }
        if (!line.endsWith('\n') && !m_input.atEnd()) {
            return core::fail(
                Errc::MalformedInput,
                QStringLiteral("line %1 is longer than %2 bytes").arg(m_number).arg(SuccessionParser::MaxLineBytes));
        }
        if (m_number == 1 && line.startsWith("\xEF\xBB\xBF")) {
            line.remove(0, 3);
        }
        line.chop(line.endsWith("\r\n") ? 2 : (line.endsWith('\n') ? 1 : 0));
        return std::optional<QByteArray>{std::move(line)};
    }
    [[nodiscard]] qint64 number() const { return m_number; }

private:
    QIODevice& m_input;
    QByteArray m_buffer;
    qint64 m_number = 0;
};

struct Fields
{
    QList<QByteArray> values;
    QString error; // a syntax error in the record
};

// RFC 4180 §2: comma-separated, optionally double-quoted fields, "" inside quotes is one quote,
// quoted fields may span lines.
core::Result<Fields> splitCsv(QByteArray line, LineReader& lines)
{
    Fields fields;
    QByteArray field;
    bool inQuotes = false;
    bool afterQuote = false;
    for (qsizetype i = 0;; ++i) {
        if (i == line.size()) {
            if (!inQuotes) {
                break;
            }
            auto more = lines.next();
            if (!more || !*more) {
                return more ? core::Result<Fields>(Fields{{}, QStringLiteral("unterminated quoted field")})
                            : core::Result<Fields>(core::fail(more.error()));
            }
            field += '\n';
            line = std::move(**more);
            i = -1;
            continue;
        }
        const char c = line.at(i);
        if (inQuotes) {
            if (c == '"' && i + 1 < line.size() && line.at(i + 1) == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                inQuotes = false;
                afterQuote = true;
            } else {
                field += c;
            }
        } else if (c == ',') {
            fields.values.append(std::exchange(field, {}));
            afterQuote = false;
        } else if (afterQuote) {
            fields.error = QStringLiteral("text after a closing quote");
        } else if (c == '"' && field.isEmpty()) {
            inQuotes = true;
        } else if (c == '"') {
            fields.error = QStringLiteral("quote inside an unquoted field");
        } else {
            field += c;
        }
    }
    fields.values.append(field);
    return fields;
}

int hexDigit(char16_t c)
{
    if (c >= u'0' && c <= u'9') {
        return c - u'0';
    }
    if (c >= u'a' && c <= u'f') {
        return c - u'a' + 10;
    }
    if (c >= u'A' && c <= u'F') {
        return c - u'A' + 10;
    }
    return -1;
}

// Strict hex: QByteArray::fromHex skips bad characters silently.
std::optional<QByteArray> decodeHex(const QString& text, int maxBytes)
{
    if (text.isEmpty() || text.size() % 2 != 0 || text.size() / 2 > maxBytes) {
        return std::nullopt;
    }
    QByteArray bytes(text.size() / 2, Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const int high = hexDigit(text.at(2 * i).unicode());
        const int low = hexDigit(text.at(2 * i + 1).unicode());
        if (high < 0 || low < 0) {
            return std::nullopt;
        }
        bytes[i] = static_cast<char>(high * 16 + low);
    }
    return bytes;
}

// Digits text[from, from + count) as a number, or -1.
int number(QStringView text, qsizetype from, qsizetype count)
{
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        if (i >= text.size() || text.at(i) < u'0' || text.at(i) > u'9') {
            return -1;
        }
        value = value * 10 + (text.at(i).unicode() - u'0');
    }
    return value;
}

// RFC 3339 §5.6 date-time: YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM); the zone is required.
// Hand-written: Qt::ISODate also accepts forms RFC 3339 does not (no seconds, no zone).
QDateTime parseRfc3339(QStringView text)
{
    const auto at = [&](qsizetype i, char16_t c) { return i < text.size() && text.at(i).toUpper() == QChar(c); };
    if (!at(4, u'-') || !at(7, u'-') || !at(10, u'T') || !at(13, u':') || !at(16, u':')) {
        return {};
    }
    const QDate date(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2));
    const QTime time(number(text, 11, 2), number(text, 14, 2), number(text, 17, 2));
    qsizetype i = 19;
    if (at(i, u'.')) {
        do {
            ++i;
        } while (i < text.size() && text.at(i).isDigit());
    }
    int offsetSeconds = 0;
    if (at(i, u'Z') && i + 1 == text.size()) {
        offsetSeconds = 0;
    } else if ((at(i, u'+') || at(i, u'-')) && i + 6 == text.size() && at(i + 3, u':')) {
        const int hours = number(text, i + 1, 2);
        const int minutes = number(text, i + 4, 2);
        if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
            return {};
        }
        offsetSeconds = (at(i, u'-') ? -1 : 1) * (hours * 3600 + minutes * 60);
    } else {
        return {};
    }
    if (!date.isValid() || !time.isValid()) {
        return {};
    }
    return QDateTime(date, time, Qt::UTC).addSecs(-offsetSeconds);
}

// Validates the five values (in Columns order); the first problem becomes the row's error.
std::optional<SuccessionLink> toLink(const QStringList& values, qint64 row, SuccessionRowError& error)
{
    error.row = row;
    std::array<QByteArray, 4> bytes;
    for (int i = 0; i < 4; ++i) {
        const bool serial = (i % 2) == 1;
        const auto decoded = decodeHex(values.at(i), serial ? MaxSerialBytes : MaxKeyIdBytes);
        if (!decoded) {
            error.field = Columns.at(static_cast<size_t>(i));
            error.reason = QStringLiteral("expected an even number of hex digits, 1 to %1 bytes")
                               .arg(serial ? MaxSerialBytes : MaxKeyIdBytes);
            return std::nullopt;
        }
        bytes.at(static_cast<size_t>(i)) = serial ? SuccessionKey::normalizedSerial(*decoded) : *decoded;
        if (serial && bytes.at(static_cast<size_t>(i)) == QByteArray(1, '\0')) {
            error.field = Columns.at(static_cast<size_t>(i));
            error.reason = QStringLiteral("a serial number is a positive integer (RFC 5280 §4.1.2.2)");
            return std::nullopt;
        }
    }
    const QDateTime linkedAt = parseRfc3339(values.at(4));
    if (!linkedAt.isValid()) {
        error.field = Columns.at(4);
        error.reason = QStringLiteral("expected an RFC 3339 date-time with a zone, e.g. 2026-04-01T09:00:00Z");
        return std::nullopt;
    }
    SuccessionLink link{{bytes[0], bytes[1]}, {bytes[2], bytes[3]}, linkedAt};
    if (link.from == link.to) {
        error.field = Columns.at(3);
        error.reason = QStringLiteral("the successor is the old certificate itself");
        return std::nullopt;
    }
    return link;
}

std::optional<QStringList> decodeCsvValues(const Fields& fields, qint64 row, SuccessionRowError& error)
{
    error.row = row;
    if (!fields.error.isEmpty()) {
        error.reason = fields.error;
        return std::nullopt;
    }
    if (fields.values.size() != static_cast<qsizetype>(Columns.size())) {
        error.reason = QStringLiteral("expected %1 fields, found %2").arg(Columns.size()).arg(fields.values.size());
        return std::nullopt;
    }
    QStringList values;
    for (qsizetype i = 0; i < fields.values.size(); ++i) {
        QStringDecoder utf8(QStringDecoder::Utf8);
        QString value = utf8(fields.values.at(i));
        if (utf8.hasError()) {
            error.field = Columns.at(static_cast<size_t>(i));
            error.reason = QStringLiteral("not valid UTF-8");
            return std::nullopt;
        }
        values.append(value);
    }
    return values;
}

core::Result<std::optional<QStringList>> decodeJsonValues(const QByteArray& line, qint64 row, SuccessionRowError& error)
{
    error.row = row;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        error.reason =
            parseError.error != QJsonParseError::NoError
                ? QStringLiteral("invalid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString())
                : QStringLiteral("expected a JSON object");
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (std::find(Columns.cbegin(), Columns.cend(), it.key()) == Columns.cend()) {
            error.field = it.key();
            error.reason = QStringLiteral("unknown field");
            return std::nullopt;
        }
    }
    QStringList values;
    for (const QString& column : Columns) {
        const QJsonValue value = object.value(column);
        if (!value.isString()) {
            error.field = column;
            error.reason = value.isUndefined() ? QStringLiteral("missing") : QStringLiteral("must be a string");
            return std::nullopt;
        }
        values.append(value.toString());
    }
    return values;
}

// One CSV record from its first line on; the row is the line it starts on.
core::Result<std::optional<QStringList>> readCsvRecord(QByteArray line, LineReader& lines, SuccessionRowError& error)
{
    const qint64 row = lines.number();
    auto fields = splitCsv(std::move(line), lines);
    if (!fields) {
        return core::fail(fields.error());
    }
    return decodeCsvValues(*fields, row, error);
}

core::Result<void> checkHeader(LineReader& lines)
{
    auto header = lines.next();
    if (!header) {
        return core::fail(header.error());
    }
    const QByteArray expected = QStringList(Columns.cbegin(), Columns.cend()).join(QLatin1Char(',')).toLatin1();
    if (!*header || **header != expected) {
        return core::fail(Errc::MalformedInput,
                          QStringLiteral("line 1: expected the header %1").arg(QString::fromLatin1(expected)));
    }
    return {};
}

} // namespace

core::Result<SuccessionParseSummary> SuccessionParser::parse(QIODevice& input, SuccessionFormat format,
                                                             const LinkSink& onLink, const ErrorSink& onError)
{
    LineReader lines(input);
    const bool csv = format == SuccessionFormat::Csv;
    if (csv) {
        if (auto header = checkHeader(lines); !header) {
            return core::fail(header.error());
        }
    }
    SuccessionParseSummary summary;
    for (;;) {
        auto line = lines.next();
        if (!line) {
            return core::fail(line.error());
        }
        if (!*line) {
            return summary;
        }
        if ((*line)->trimmed().isEmpty()) {
            continue; // blank lines carry no record (docs/succession-format.md)
        }
        SuccessionRowError error;
        auto values =
            csv ? readCsvRecord(std::move(**line), lines, error) : decodeJsonValues(**line, lines.number(), error);
        if (!values) {
            return core::fail(values.error());
        }
        ++summary.records;
        const auto link = *values ? toLink(**values, error.row, error) : std::nullopt;
        if (link) {
            ++summary.accepted;
            onLink(*link, error.row);
        } else {
            ++summary.rejected;
            onError(error);
        }
    }
}

} // namespace madoguchi::pki
