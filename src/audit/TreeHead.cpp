#include "audit/TreeHead.h"

#include <QtEndian>

namespace madoguchi::audit {

QByteArray TreeHead::signedBytes() const
{
    QByteArray out("madoguchi-audit-sth-v1");
    out.append('\0');
    const QByteArray name = terminal.toUtf8();
    char buffer[8];
    qToBigEndian(static_cast<quint32>(name.size()), buffer);
    out.append(buffer, 4).append(name);
    qToBigEndian(static_cast<quint64>(size), buffer);
    out.append(buffer, 8);
    qToBigEndian(static_cast<quint64>(timeMs), buffer);
    out.append(buffer, 8);
    out.append(toBytes(root));
    return out;
}

QJsonObject TreeHead::toJson() const
{
    return {{QStringLiteral("size"), size},
            {QStringLiteral("timeMs"), timeMs},
            {QStringLiteral("terminal"), terminal},
            {QStringLiteral("root"), QString::fromLatin1(toBytes(root).toHex())},
            {QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())}};
}

bool TreeHead::fromJson(const QJsonObject& json, TreeHead& out)
{
    out.size = json.value(QStringLiteral("size")).toInteger(-1);
    out.timeMs = json.value(QStringLiteral("timeMs")).toInteger(-1);
    out.terminal = json.value(QStringLiteral("terminal")).toString();
    out.signature = QByteArray::fromBase64(json.value(QStringLiteral("signature")).toString().toLatin1());
    const QByteArray root = QByteArray::fromHex(json.value(QStringLiteral("root")).toString().toLatin1());
    return out.size >= 0 && out.timeMs >= 0 && !out.terminal.isEmpty() && fromBytes(root, out.root);
}

} // namespace madoguchi::audit
