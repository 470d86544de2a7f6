#pragma once

#include "card/CardConnection.h"
#include "core/Result.h"

#include <QByteArrayView>

#include <optional>

namespace madoguchi::card {

// The PIN pad features a reader announces (PC/SC Part 10 v2.02.09 §2.2: the answer of
// CM_IOCTL_GET_FEATURE_REQUEST is a list of TLVs — tag = feature, length = 4, value = the control code
// to use with SCardControl, big-endian). With FEATURE_VERIFY_PIN_DIRECT the resident types the PIN on
// the reader and it never touches the PC (issue 6 item 3).
struct PinPadFeatures
{
    static constexpr quint8 VerifyPinDirectTag = 0x06; // FEATURE_VERIFY_PIN_DIRECT
    static constexpr quint8 ModifyPinDirectTag = 0x07; // FEATURE_MODIFY_PIN_DIRECT

    std::optional<quint32> verifyPinDirect; // the IOCTL for SCardControl
    std::optional<quint32> modifyPinDirect;

    [[nodiscard]] bool canVerifyOnPinPad() const { return verifyPinDirect.has_value(); }

    // Errc::MalformedTlv on a truncated list or a value that is not 4 bytes.
    [[nodiscard]] static core::Result<PinPadFeatures> parse(QByteArrayView tlvs);
    // Asks the reader (CardConnection::readerFeatures); a reader or backend without Part 10 support
    // answers with no features, not an error.
    [[nodiscard]] static core::Result<PinPadFeatures> query(CardConnection& connection);
};

} // namespace madoguchi::card
