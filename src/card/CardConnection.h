#pragma once

#include "card/Apdu.h"
#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace madoguchi::card {

// One connected card, whatever carries the APDUs: PC/SC (pcsc-lite / WinSCard) or the in-process
// training reader. Drivers (JpkiCard) talk only to this interface. Not thread-safe: used only on
// the card thread that created it.
class CardConnection
{
public:
    virtual ~CardConnection() = default;

    // One exchange on the wire. No 61xx/6Cxx handling here (see Iso7816::transmit).
    [[nodiscard]] virtual core::Result<ResponseApdu> transmit(const CommandApdu& command) = 0;
    // Exclusive access across several APDUs (SELECT → VERIFY → SIGN, jpki-card.md §1).
    [[nodiscard]] virtual core::Result<void> beginTransaction() = 0;
    [[nodiscard]] virtual core::Result<void> endTransaction() = 0;
    // After a reset or reinsertion; the driver must SELECT again afterwards.
    [[nodiscard]] virtual core::Result<void> reconnect() = 0;

    [[nodiscard]] virtual QByteArray atr() const = 0;
    [[nodiscard]] virtual QString readerName() const = 0;
    // Whether extended-length APDUs may be sent (reader capability or configuration).
    [[nodiscard]] virtual bool supportsExtendedLength() const = 0;
    // The reader's PC/SC Part 10 feature list (the raw answer of CM_IOCTL_GET_FEATURE_REQUEST, see
    // PinPadFeatures). Errc::Unsupported where there is no such thing (training reader, old drivers).
    [[nodiscard]] virtual core::Result<QByteArray> readerFeatures()
    {
        return core::fail(core::Errc::Unsupported, QStringLiteral("no PC/SC part 10 features"));
    }
    // SCardControl with a Part 10 control code (FEATURE_VERIFY_PIN_DIRECT, PinVerifyStructure): the
    // reader's answer. Errc::Unsupported where there is no such thing.
    [[nodiscard]] virtual core::Result<QByteArray> control(quint32 code, const QByteArray& input)
    {
        Q_UNUSED(code);
        Q_UNUSED(input);
        return core::fail(core::Errc::Unsupported, QStringLiteral("no reader control"));
    }
    // APDUs sent since connect; the benchmark counts them.
    [[nodiscard]] virtual int apduCount() const = 0;
};

} // namespace madoguchi::card
