#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace madoguchi::card {

// PC/SC Part 10 v2.02.09 §2.5.2 PIN_VERIFY_STRUCTURE: what SCardControl(FEATURE_VERIFY_PIN_DIRECT)
// takes so that the reader asks for the PIN on its own keypad and inserts it into the VERIFY APDU
// itself — the PIN never touches the PC (issue 6 item 3). Multi-byte fields are little-endian.
//
//   off  field                      value for the JPKI auth PIN (jpki-card.md §2, §4)
//   0    bTimerOut                  seconds for the first key (0 = the reader's default)
//   1    bTimerOut2                 seconds after the first key
//   2    bmFormatString             0x82: units of bytes (b7), PIN at offset 0 of the data (b6–3),
//                                   left-justified (b2), ASCII (b1–0 = 10)
//   3    bmPINBlockString           0x04: no length field (b7–4), a 4-byte PIN block (b3–0)
//   4    bmPINLengthFormat          0x00: no length field in the APDU
//   5    wPINMaxExtraDigit          0xXXYY: XX = minimum, YY = maximum PIN length → 04 04
//   7    bEntryValidationCondition  0x02: the keypad's OK key
//   8    bNumberMessage             0x01: one message ("enter PIN")
//   9    wLangId                    0x0411 Japanese (Windows LANGID) → 11 04
//   11   bMsgIndex                  0x00
//   12   bTeoPrologue[3]            00 00 00 (T=1 only; the reader fills it)
//   15   ulDataLength               length of abData
//   19   abData                     the VERIFY APDU: 00 20 00 80 04 and a 4-byte PIN block the
//                                   reader overwrites
struct PinVerifyStructure
{
    static constexpr quint16 LangIdJapanese = 0x0411;

    quint8 cla = 0x00;
    quint8 ins = 0x20;
    quint8 p1 = 0x00;
    quint8 p2 = 0x80;
    quint8 minLength = 4;
    quint8 maxLength = 4;
    quint8 timeoutSeconds = 30;
    quint16 langId = LangIdJapanese;

    // The JPKI 4-digit ASCII PINs (auth EF 0018, text EF 0011 after SELECT of the EF).
    [[nodiscard]] static PinVerifyStructure jpkiFourDigits() { return {}; }
    [[nodiscard]] QByteArray toBytes() const;
};

} // namespace madoguchi::card
