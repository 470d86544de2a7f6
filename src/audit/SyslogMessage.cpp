#include "audit/SyslogMessage.h"

#include <QDateTime>
#include <QJsonDocument>

namespace madoguchi::audit {

namespace {

// Facility 13 "log audit", severity 6 "informational": PRI = 13 * 8 + 6 (RFC 5424 §6.2.1).
constexpr int kPri = 13 * 8 + 6;

} // namespace

QByteArray SyslogMessage::escapeParam(const QString& value)
{
    QByteArray out;
    for (const char c : value.toUtf8()) {
        if (c == '"' || c == '\\' || c == ']') {
            out.append('\\');
        }
        out.append(c);
    }
    return out;
}

QByteArray SyslogMessage::header(const QString& value, int maxLength)
{
    QByteArray out;
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        out.append(u >= 33 && u <= 126 ? static_cast<char>(u) : '_');
    }
    out.truncate(maxLength);
    return out.isEmpty() ? QByteArray("-") : out;
}

QByteArray SyslogMessage::format(const AuditEntry& entry, const QByteArray& leafHashHex)
{
    const QByteArray time =
        QDateTime::fromMSecsSinceEpoch(entry.timeMs, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
    QByteArray message = '<' + QByteArray::number(kPri) + ">1 " + time + ' ' + header(entry.terminal, 255) +
                         " madoguchi - " + header(entry.action, 32) + " [" + kSdId + " seq=\"" +
                         QByteArray::number(entry.index) + "\" op=\"" + escapeParam(entry.operatorId) + "\" role=\"" +
                         escapeParam(entry.role) + "\" subject=\"" + escapeParam(entry.subject) + "\" leaf=\"" +
                         leafHashHex + "\"] ";
    // MSG: a UTF-8 BOM marks it as UTF-8 (RFC 5424 §6.4), then the entry as compact JSON.
    message += "\xEF\xBB\xBF";
    message += QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact);
    return message;
}

QByteArray SyslogMessage::frame(const QByteArray& message)
{
    return QByteArray::number(message.size()) + ' ' + message;
}

} // namespace madoguchi::audit
