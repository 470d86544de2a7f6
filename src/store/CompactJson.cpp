#include "store/CompactJson.h"

#include <QJsonDocument>

namespace madoguchi::store {

void CompactJson::appendString(QByteArray& out, const QString& text)
{
    static constexpr char Hex[] = "0123456789abcdef";
    const auto put = [&out](char c) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && c != '"' && c != '\\') {
            out.append(c); // UTF-8 multi-byte sequences pass through (RFC 8259 §8.1)
            return;
        }
        out.append('\\');
        switch (c) {
        case '"':
            out.append('"');
            break;
        case '\\':
            out.append('\\');
            break;
        case '\b':
            out.append('b');
            break;
        case '\f':
            out.append('f');
            break;
        case '\n':
            out.append('n');
            break;
        case '\r':
            out.append('r');
            break;
        case '\t':
            out.append('t');
            break;
        default:
            out.append("u00").append(Hex[u >> 4]).append(Hex[u & 0xf]);
            break;
        }
    };
    out.append('"');
    bool ascii = true;
    for (const QChar ch : text) {
        ascii = ascii && ch.unicode() < 0x80;
    }
    if (ascii) { // identifiers, numbers, dates: nearly every value, without a UTF-8 copy
        for (const QChar ch : text) {
            put(static_cast<char>(ch.unicode()));
        }
    } else {
        for (const char c : text.toUtf8()) {
            put(c);
        }
    }
    out.append('"');
}

QByteArray CompactJson::write(const QJsonObject& object)
{
    QByteArray out;
    out.reserve(24 * object.size() + 2);
    out.append('{');
    bool first = true;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QJsonValue value = it.value();
        if (!first) {
            out.append(',');
        }
        first = false;
        appendString(out, it.key());
        out.append(':');
        if (value.isString()) {
            appendString(out, value.toString());
        } else if (value.isDouble() && value.toDouble() == static_cast<double>(value.toInteger())) {
            out.append(QByteArray::number(value.toInteger()));
        } else if (value.isBool()) {
            out.append(value.toBool() ? "true" : "false");
        } else if (value.isNull()) {
            out.append("null");
        } else {
            return QJsonDocument(object).toJson(QJsonDocument::Compact);
        }
    }
    out.append('}');
    return out;
}

} // namespace madoguchi::store
