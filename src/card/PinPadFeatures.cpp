#include "card/PinPadFeatures.h"

namespace madoguchi::card {

core::Result<PinPadFeatures> PinPadFeatures::parse(QByteArrayView tlvs)
{
    PinPadFeatures features;
    qsizetype i = 0;
    while (i < tlvs.size()) {
        if (i + 2 > tlvs.size()) {
            return core::fail(core::Errc::MalformedTlv, QStringLiteral("feature list ends inside a TLV header"));
        }
        const auto tag = static_cast<quint8>(tlvs[i]);
        const auto length = static_cast<quint8>(tlvs[i + 1]);
        if (length != 4 || i + 2 + length > tlvs.size()) {
            return core::fail(core::Errc::MalformedTlv, QStringLiteral("feature 0x%1: bad length").arg(tag, 2, 16));
        }
        quint32 code = 0;
        for (int k = 0; k < 4; ++k) {
            code = (code << 8) | static_cast<quint8>(tlvs[i + 2 + k]);
        }
        if (tag == VerifyPinDirectTag) {
            features.verifyPinDirect = code;
        } else if (tag == ModifyPinDirectTag) {
            features.modifyPinDirect = code;
        }
        i += 2 + length;
    }
    return features;
}

core::Result<PinPadFeatures> PinPadFeatures::query(CardConnection& connection)
{
    auto raw = connection.readerFeatures();
    if (!raw) {
        if (raw.error().code == core::Errc::Unsupported) {
            return PinPadFeatures{};
        }
        return core::fail(raw.error());
    }
    return parse(*raw);
}

} // namespace madoguchi::card
