#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace madoguchi::card {

// An ISO 7816-4 command APDU. The body lives in SecureBytes because for VERIFY and CHANGE PIN it *is*
// the PIN; header() is the only form that may be logged (style.md: no APDU hex dumps in logs).
class CommandApdu final
{
public:
    static constexpr int MaxShortLe = 256;
    static constexpr int MaxExtendedLe = 65536;

    CommandApdu(quint8 cla, quint8 ins, quint8 p1, quint8 p2) : m_cla(cla), m_ins(ins), m_p1(p1), m_p2(p2) {}

    CommandApdu&& withData(core::SecureBytes data) &&;
    CommandApdu&& withData(QByteArrayView data) &&;
    CommandApdu&& withLe(int le) &&;  // 1..65536; 256 encodes as 00 in short form
    CommandApdu&& forceExtended() &&; // extended length even when short would do
    CommandApdu&& markSensitive() &&; // body never appears anywhere but on the wire

    [[nodiscard]] quint8 cla() const { return m_cla; }
    [[nodiscard]] quint8 ins() const { return m_ins; }
    [[nodiscard]] quint8 p1() const { return m_p1; }
    [[nodiscard]] quint8 p2() const { return m_p2; }
    [[nodiscard]] const core::SecureBytes& data() const { return m_data; }
    [[nodiscard]] std::optional<int> le() const { return m_le; }
    [[nodiscard]] bool isSensitive() const { return m_sensitive; }
    [[nodiscard]] bool isExtended() const;

    // The bytes for the wire (ISO 7816-4 §5.1, cases 1–4, short or extended).
    [[nodiscard]] core::SecureBytes encode() const;
    // Loggable: "00 B0 01 00 Le=256"; "00 20 00 80 Lc=4" for VERIFY (no body, ever).
    [[nodiscard]] QString header() const;
    // The card simulator's side: parse raw bytes into a command (cases 1–4, short or extended).
    [[nodiscard]] static core::Result<CommandApdu> parse(QByteArrayView raw);

    // A copy is explicit because the body may be a secret.
    [[nodiscard]] CommandApdu clone() const;
    CommandApdu(CommandApdu&&) noexcept = default;
    CommandApdu& operator=(CommandApdu&&) noexcept = default;
    CommandApdu(const CommandApdu&) = delete;
    CommandApdu& operator=(const CommandApdu&) = delete;

private:
    quint8 m_cla;
    quint8 m_ins;
    quint8 m_p1;
    quint8 m_p2;
    core::SecureBytes m_data;
    std::optional<int> m_le;
    bool m_forceExtended = false;
    bool m_sensitive = false;
};

// A response APDU: data plus the status word SW1 SW2.
struct ResponseApdu
{
    QByteArray data;
    quint16 sw = 0;

    [[nodiscard]] quint8 sw1() const { return static_cast<quint8>(sw >> 8); }
    [[nodiscard]] quint8 sw2() const { return static_cast<quint8>(sw & 0xFF); }
    [[nodiscard]] bool isOk() const { return sw == 0x9000; }
    [[nodiscard]] QByteArray toBytes() const;
    [[nodiscard]] static core::Result<ResponseApdu> fromBytes(QByteArrayView raw); // needs >= 2 bytes
};

} // namespace madoguchi::card
