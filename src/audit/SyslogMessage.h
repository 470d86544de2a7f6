#pragma once

#include "audit/AuditEntry.h"

#include <QByteArray>

namespace madoguchi::audit {

// One audit entry as an RFC 5424 syslog message, framed for TLS transport by octet counting
// (RFC 5425 §4.3: "MSG-LEN SP SYSLOG-MSG"). The entry index travels as the structured-data parameter
// seq (and the leaf hash as leaf), so a SIEM can de-duplicate resent entries and spot gaps.
class SyslogMessage final
{
public:
    // RFC 5612 documentation enterprise number; replace with the operator's PEN in production.
    static constexpr const char* kSdId = "madoguchi@32473";

    [[nodiscard]] static QByteArray format(const AuditEntry& entry, const QByteArray& leafHashHex);
    [[nodiscard]] static QByteArray frame(const QByteArray& message);
    // RFC 5424 §6.3.3: inside PARAM-VALUE, '"', '\' and ']' are escaped with '\'.
    [[nodiscard]] static QByteArray escapeParam(const QString& value);
    // RFC 5424 §6: HOSTNAME, APP-NAME, MSGID are PRINTUSASCII without spaces, bounded in length.
    [[nodiscard]] static QByteArray header(const QString& value, int maxLength);
};

} // namespace madoguchi::audit
