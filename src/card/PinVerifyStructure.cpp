#include "card/PinVerifyStructure.h"

namespace madoguchi::card {

namespace {

void appendLe16(QByteArray& out, quint16 value)
{
    out.append(static_cast<char>(value & 0xFF));
    out.append(static_cast<char>(value >> 8));
}

void appendLe32(QByteArray& out, quint32 value)
{
    for (int shift = 0; shift < 32; shift += 8) {
        out.append(static_cast<char>((value >> shift) & 0xFF));
    }
}

} // namespace

QByteArray PinVerifyStructure::toBytes() const
{
    // The APDU the reader completes: the PIN block is pre-filled with 0xFF and overwritten by the
    // digits typed (block size = maximum length, left-justified; §2.5.2 bmFormatString).
    QByteArray apdu;
    apdu.append(static_cast<char>(cla)).append(static_cast<char>(ins));
    apdu.append(static_cast<char>(p1)).append(static_cast<char>(p2));
    apdu.append(static_cast<char>(maxLength));
    apdu.append(QByteArray(maxLength, '\xFF'));

    QByteArray out;
    out.append(static_cast<char>(timeoutSeconds));   // bTimerOut
    out.append(static_cast<char>(timeoutSeconds));   // bTimerOut2
    out.append('\x82');                              // bmFormatString: bytes, offset 0, left, ASCII
    out.append(static_cast<char>(maxLength & 0x0F)); // bmPINBlockString: no length, block = max length
    out.append('\x00');                              // bmPINLengthFormat
    appendLe16(out, static_cast<quint16>((minLength << 8) | maxLength)); // wPINMaxExtraDigit 0xXXYY
    out.append('\x02');                                                  // bEntryValidationCondition: OK key
    out.append('\x01');                                                  // bNumberMessage
    appendLe16(out, langId);                                             // wLangId
    out.append('\x00');                                                  // bMsgIndex
    out.append(QByteArray(3, '\x00'));                                   // bTeoPrologue
    appendLe32(out, static_cast<quint32>(apdu.size()));                  // ulDataLength
    out.append(apdu);
    return out;
}

} // namespace madoguchi::card
