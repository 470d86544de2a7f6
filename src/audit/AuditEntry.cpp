#include "audit/AuditEntry.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QtEndian>

namespace madoguchi::audit {

namespace {

constexpr char kVersion = 0x01;
constexpr qsizetype kHeader = 1 + 8 + 8;

void putU64(QByteArray& out, quint64 value)
{
    char buffer[8];
    qToBigEndian(value, buffer);
    out.append(buffer, 8);
}

void putText(QByteArray& out, QByteArrayView utf8)
{
    char buffer[4];
    qToBigEndian(static_cast<quint32>(utf8.size()), buffer);
    out.append(buffer, 4);
    out.append(utf8);
}

class Reader final
{
public:
    explicit Reader(QByteArrayView bytes) : m_bytes(bytes), m_at(kHeader) {}
    bool view(QByteArrayView& out)
    {
        if (m_at + 4 > m_bytes.size()) {
            return false;
        }
        const auto length = static_cast<qsizetype>(qFromBigEndian<quint32>(m_bytes.data() + m_at));
        m_at += 4;
        if (length > m_bytes.size() - m_at) {
            return false;
        }
        out = m_bytes.sliced(m_at, length);
        m_at += length;
        return true;
    }
    bool text(QByteArray& out)
    {
        if (m_at + 4 > m_bytes.size()) {
            return false;
        }
        const auto length = static_cast<qsizetype>(qFromBigEndian<quint32>(m_bytes.data() + m_at));
        m_at += 4;
        if (length > m_bytes.size() - m_at) {
            return false;
        }
        out = m_bytes.sliced(m_at, length).toByteArray();
        m_at += length;
        return true;
    }
    [[nodiscard]] bool atEnd() const { return m_at == m_bytes.size(); }

private:
    QByteArrayView m_bytes;
    qsizetype m_at;
};

} // namespace

QByteArray AuditEntry::canonicalBytes() const
{
    QByteArray out;
    out.reserve(256);
    out.append(kVersion);
    putU64(out, static_cast<quint64>(index));
    putU64(out, static_cast<quint64>(timeMs));
    putText(out, terminal.toUtf8());
    putText(out, operatorId.toUtf8());
    putText(out, role.toUtf8());
    putText(out, action.toUtf8());
    putText(out, subject.toUtf8());
    putText(out, QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return out;
}

qint64 AuditEntry::indexOf(QByteArrayView bytes)
{
    if (bytes.size() < kHeader || bytes.at(0) != kVersion) {
        return -1;
    }
    return static_cast<qint64>(qFromBigEndian<quint64>(bytes.data() + 1));
}

bool AuditEntry::fields(QByteArrayView bytes, Fields& out)
{
    if (indexOf(bytes) < 0) {
        return false;
    }
    out.timeMs = static_cast<qint64>(qFromBigEndian<quint64>(bytes.data() + 9));
    Reader reader(bytes);
    return reader.view(out.terminal) && reader.view(out.operatorId) && reader.view(out.role) &&
           reader.view(out.action) && reader.view(out.subject);
}

core::Result<AuditEntry> AuditEntry::fromCanonical(QByteArrayView bytes)
{
    const auto malformed = [] {
        return core::fail(core::Errc::MalformedInput, QStringLiteral("malformed audit entry bytes"));
    };
    if (indexOf(bytes) < 0) {
        return malformed();
    }
    AuditEntry entry;
    entry.index = indexOf(bytes);
    entry.timeMs = static_cast<qint64>(qFromBigEndian<quint64>(bytes.data() + 9));
    Reader reader(bytes);
    QByteArray fields[6];
    for (QByteArray& field : fields) {
        if (!reader.text(field)) {
            return malformed();
        }
    }
    QJsonParseError error{};
    const QJsonDocument payload = QJsonDocument::fromJson(fields[5], &error);
    if (!reader.atEnd() || error.error != QJsonParseError::NoError || !payload.isObject()) {
        return malformed();
    }
    entry.terminal = QString::fromUtf8(fields[0]);
    entry.operatorId = QString::fromUtf8(fields[1]);
    entry.role = QString::fromUtf8(fields[2]);
    entry.action = QString::fromUtf8(fields[3]);
    entry.subject = QString::fromUtf8(fields[4]);
    entry.payload = payload.object();
    return entry;
}

QJsonObject AuditEntry::toJson() const
{
    return {{QStringLiteral("index"), index},
            {QStringLiteral("time"), QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC).toString(Qt::ISODateWithMs)},
            {QStringLiteral("terminal"), terminal},
            {QStringLiteral("operator"), operatorId},
            {QStringLiteral("role"), role},
            {QStringLiteral("action"), action},
            {QStringLiteral("subject"), subject},
            {QStringLiteral("payload"), payload}};
}

} // namespace madoguchi::audit
