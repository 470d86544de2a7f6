#include "card/Iso7816.h"

#include "card/StatusWords.h"
#include "core/Logging.h"

namespace madoguchi::card {

namespace {

// A card answering 61 xx forever must not keep us looping (ISO 7816-4 §5.3.4 chains are finite).
constexpr int MaxGetResponse = 64;

core::Result<ResponseApdu> send(CardConnection& connection, const CommandApdu& command)
{
    auto response = connection.transmit(command);
    if (!response) {
        qCInfo(lcCard).noquote() << command.header() << "failed:" << response.error().toString();
        return response;
    }
    qCDebug(lcCard).noquote() << command.header() << "->" << response->data.size() << "bytes, SW"
                              << StatusWords::toHex(response->sw);
    return response;
}

int leFromSw2(quint8 sw2)
{
    return sw2 == 0 ? CommandApdu::MaxShortLe : sw2;
}

} // namespace

core::Result<ResponseApdu> Iso7816::transmit(CardConnection& connection, const CommandApdu& command, Resend resend)
{
    auto response = send(connection, command);
    if (!response) {
        return response;
    }
    if (response->sw1() == 0x6C && resend == Resend::Allowed) {
        // ISO 7816-4 §5.6: 6C xx = wrong Le, xx is the exact length; resend once with it.
        response = send(connection, command.clone().withLe(leFromSw2(response->sw2())));
        if (!response) {
            return response;
        }
    }
    QByteArray collected = response->data;
    for (int round = 0; response->sw1() == 0x61; ++round) {
        if (round == MaxGetResponse) {
            return core::fail(core::Errc::MalformedResponse, QStringLiteral("endless 61xx chain"), response->sw);
        }
        // ISO 7816-4 §7.6.1 GET RESPONSE, Le = SW2 (00 = 256).
        response = send(connection, CommandApdu(0x00, 0xC0, 0x00, 0x00).withLe(leFromSw2(response->sw2())));
        if (!response) {
            return response;
        }
        collected += response->data;
    }
    response->data = collected;
    return response;
}

core::Result<QByteArray> Iso7816::transmitOk(CardConnection& connection, const CommandApdu& command)
{
    auto response = transmit(connection, command);
    if (!response) {
        return core::fail(response.error());
    }
    if (auto ok = StatusWords::check(response->sw, command.header()); !ok) {
        return core::fail(ok.error());
    }
    return response->data;
}

core::Result<void> Iso7816::selectAid(CardConnection& connection, QByteArrayView aid)
{
    auto result = transmitOk(connection, CommandApdu(0x00, 0xA4, 0x04, 0x0C).withData(aid));
    if (!result) {
        return core::fail(result.error());
    }
    return {};
}

core::Result<void> Iso7816::selectEf(CardConnection& connection, quint16 fid)
{
    const char bytes[2] = {static_cast<char>(fid >> 8), static_cast<char>(fid & 0xFF)};
    auto result = transmitOk(connection, CommandApdu(0x00, 0xA4, 0x02, 0x0C).withData(QByteArrayView(bytes, 2)));
    if (!result) {
        return core::fail(result.error());
    }
    return {};
}

core::Result<QByteArray> Iso7816::readBinary(CardConnection& connection, int offset, int length, bool extended)
{
    const int maxLength = extended ? CommandApdu::MaxExtendedLe : CommandApdu::MaxShortLe;
    if (offset < 0 || offset > MaxOffset || length < 1 || length > maxLength) {
        return core::fail(core::Errc::InvalidArgument,
                          QStringLiteral("READ BINARY offset %1 length %2").arg(offset).arg(length));
    }
    const auto p1 = static_cast<quint8>(offset >> 8);
    const auto p2 = static_cast<quint8>(offset & 0xFF);
    if (extended) {
        return transmitOk(connection, CommandApdu(0x00, 0xB0, p1, p2).withLe(length).forceExtended());
    }
    return transmitOk(connection, CommandApdu(0x00, 0xB0, p1, p2).withLe(length));
}

} // namespace madoguchi::card
