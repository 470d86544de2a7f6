#pragma once

#include "card/Apdu.h"
#include "card/CardConnection.h"
#include "core/Result.h"

#include <QByteArray>

namespace madoguchi::card {

// ISO 7816-4 helpers over a CardConnection (OpenSC layering: transport → ISO helpers → driver).
class Iso7816 final
{
public:
    Iso7816() = delete;

    // Whether a 6C xx answer may be resent with Le = xx. Never for VERIFY: a PIN is sent once only
    // (jpki-card.md §4 "never retry a VERIFY automatically").
    enum class Resend
    {
        Allowed,
        Never,
    };

    static constexpr int MaxOffset = 0x7FFF; // READ BINARY P1 b8 = 0: 15-bit offset (ISO 7816-4 §11.3.3)

    // One command with the transport-level answers handled: 61 xx → GET RESPONSE `00 C0 00 00 xx`
    // (data concatenated), 6C xx → the same command again with Le = xx. Logs header and SW only.
    // The returned status word is not checked.
    [[nodiscard]] static core::Result<ResponseApdu> transmit(CardConnection& connection, const CommandApdu& command,
                                                             Resend resend = Resend::Allowed);
    // transmit() and the status word checked by the StatusWords table; returns the data.
    [[nodiscard]] static core::Result<QByteArray> transmitOk(CardConnection& connection, const CommandApdu& command);

    // SELECT by DF name, no FCI: `00 A4 04 0C Lc AID` (jpki-card.md §1).
    [[nodiscard]] static core::Result<void> selectAid(CardConnection& connection, QByteArrayView aid);
    // SELECT EF by FID, no FCI: `00 A4 02 0C 02 FID` (jpki-card.md §2).
    [[nodiscard]] static core::Result<void> selectEf(CardConnection& connection, quint16 fid);
    // READ BINARY of `length` bytes at `offset` (≤ 0x7FFF): `00 B0 P1 P2 Le`; length ≤ 256, or ≤ 65536
    // with `extended`. Returns exactly what the card sent (may be shorter than asked).
    [[nodiscard]] static core::Result<QByteArray> readBinary(CardConnection& connection, int offset, int length,
                                                             bool extended = false);
};

} // namespace madoguchi::card
