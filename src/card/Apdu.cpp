#include "card/Apdu.h"

#include <algorithm>

namespace madoguchi::card {

namespace {

constexpr int MaxShortLc = 255;
constexpr int MaxExtendedLc = 65535;

void appendLength(core::SecureBytes& out, int value, bool extended)
{
    // Short Le 256 and extended Le 65536 are both encoded as zero (ISO 7816-4 §5.1).
    if (extended) {
        out.append(static_cast<quint8>((value >> 8) & 0xFF));
    }
    out.append(static_cast<quint8>(value & 0xFF));
}

QString hexByte(quint8 b)
{
    return QStringLiteral("%1").arg(b, 2, 16, QLatin1Char('0')).toUpper();
}

int decodeLe(quint32 raw, bool extended)
{
    if (raw == 0) {
        return extended ? CommandApdu::MaxExtendedLe : CommandApdu::MaxShortLe;
    }
    return static_cast<int>(raw);
}

} // namespace

CommandApdu&& CommandApdu::withData(core::SecureBytes data) &&
{
    Q_ASSERT(data.size() <= static_cast<std::size_t>(MaxExtendedLc));
    m_data = std::move(data);
    return std::move(*this);
}

CommandApdu&& CommandApdu::withData(QByteArrayView data) &&
{
    return std::move(*this).withData(core::SecureBytes(data));
}

CommandApdu&& CommandApdu::withLe(int le) &&
{
    Q_ASSERT(le >= 1 && le <= MaxExtendedLe);
    m_le = std::clamp(le, 1, static_cast<int>(MaxExtendedLe));
    return std::move(*this);
}

CommandApdu&& CommandApdu::forceExtended() &&
{
    m_forceExtended = true;
    return std::move(*this);
}

CommandApdu&& CommandApdu::markSensitive() &&
{
    m_sensitive = true;
    return std::move(*this);
}

bool CommandApdu::isExtended() const
{
    return m_forceExtended || m_data.size() > static_cast<std::size_t>(MaxShortLc) || m_le.value_or(0) > MaxShortLe;
}

core::SecureBytes CommandApdu::encode() const
{
    const bool extended = isExtended();
    core::SecureBytes out;
    for (quint8 b : {m_cla, m_ins, m_p1, m_p2}) {
        out.append(b);
    }
    const int lc = static_cast<int>(std::min<std::size_t>(m_data.size(), MaxExtendedLc));
    if (lc > 0) {
        if (extended) {
            out.append(quint8{0}); // extended marker before Lc (cases 3E/4E)
        }
        appendLength(out, lc, extended);
        out.append(m_data.data(), static_cast<std::size_t>(lc));
    }
    if (m_le) {
        if (extended && lc == 0) {
            out.append(quint8{0}); // extended marker before Le (case 2E)
        }
        appendLength(out, *m_le, extended);
    }
    return out;
}

QString CommandApdu::header() const
{
    QString text = hexByte(m_cla) + QLatin1Char(' ') + hexByte(m_ins) + QLatin1Char(' ') + hexByte(m_p1) +
                   QLatin1Char(' ') + hexByte(m_p2);
    if (!m_data.isEmpty()) {
        text += QStringLiteral(" Lc=%1").arg(m_data.size());
    }
    if (m_le) {
        text += QStringLiteral(" Le=%1").arg(*m_le);
    }
    if (isExtended()) {
        text += QStringLiteral(" (extended)");
    }
    return text;
}

core::Result<CommandApdu> CommandApdu::parse(QByteArrayView raw)
{
    const auto at = [&raw](qsizetype i) { return static_cast<quint8>(raw[i]); };
    const qsizetype size = raw.size();
    if (size < 4) {
        return core::fail(core::Errc::MalformedInput, QStringLiteral("command APDU of %1 bytes").arg(size));
    }
    CommandApdu command(at(0), at(1), at(2), at(3));
    if (size == 4) {
        return command; // case 1
    }
    if (size == 5) {
        command.m_le = decodeLe(at(4), false); // case 2S
        return command;
    }
    if (at(4) != 0) {
        const qsizetype lc = at(4);
        if (size != 5 + lc && size != 6 + lc) {
            return core::fail(core::Errc::MalformedInput, QStringLiteral("short Lc %1 in %2 bytes").arg(lc).arg(size));
        }
        command.m_data = core::SecureBytes(raw.sliced(5, lc));
        if (size == 6 + lc) {
            command.m_le = decodeLe(at(5 + lc), false); // case 4S
        }
        return command;
    }
    command.m_forceExtended = true;
    if (size < 7) {
        return core::fail(core::Errc::MalformedInput, QStringLiteral("extended APDU of %1 bytes").arg(size));
    }
    if (size == 7) {
        command.m_le = decodeLe((quint32{at(5)} << 8) | at(6), true); // case 2E
        return command;
    }
    const qsizetype lc = (qsizetype{at(5)} << 8) | at(6);
    if (lc == 0 || (size != 7 + lc && size != 9 + lc)) {
        return core::fail(core::Errc::MalformedInput, QStringLiteral("extended Lc %1 in %2 bytes").arg(lc).arg(size));
    }
    command.m_data = core::SecureBytes(raw.sliced(7, lc));
    if (size == 9 + lc) {
        command.m_le = decodeLe((quint32{at(7 + lc)} << 8) | at(8 + lc), true); // case 4E
    }
    return command;
}

CommandApdu CommandApdu::clone() const
{
    CommandApdu copy(m_cla, m_ins, m_p1, m_p2);
    copy.m_data = m_data.clone();
    copy.m_le = m_le;
    copy.m_forceExtended = m_forceExtended;
    copy.m_sensitive = m_sensitive;
    return copy;
}

QByteArray ResponseApdu::toBytes() const
{
    QByteArray out = data;
    out.append(static_cast<char>(sw1()));
    out.append(static_cast<char>(sw2()));
    return out;
}

core::Result<ResponseApdu> ResponseApdu::fromBytes(QByteArrayView raw)
{
    if (raw.size() < 2) {
        return core::fail(core::Errc::MalformedResponse, QStringLiteral("response APDU of %1 bytes").arg(raw.size()));
    }
    ResponseApdu response;
    response.data = raw.first(raw.size() - 2).toByteArray();
    response.sw = static_cast<quint16>((static_cast<quint8>(raw[raw.size() - 2]) << 8) |
                                       static_cast<quint8>(raw[raw.size() - 1]));
    return response;
}

} // namespace madoguchi::card
