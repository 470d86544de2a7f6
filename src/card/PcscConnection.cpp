#include "card/PcscConnection.h"

#include "card/PcscApi.h"
#include "card/PcscError.h"
#include "core/Logging.h"

#ifndef _WIN32
#include <reader.h> // SCARD_CTL_CODE (pcsc-lite; WinSCard has it in winsmcrd.h)
#endif

#include <array>

#include <utility>

namespace madoguchi::card {

namespace {

// Largest response: 65536 data bytes + SW1 SW2 (ISO 7816-4 §5.1 extended Le).
constexpr DWORD MaxResponse = 65536 + 2;
constexpr DWORD Protocols = SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1;

} // namespace

PcscConnection::PcscConnection(std::shared_ptr<PcscContext> context, quintptr card, quint32 protocol,
                               QString readerName, bool extendedLength)
    : m_context(std::move(context)), m_card(card), m_protocol(protocol), m_readerName(std::move(readerName)),
      m_extendedLength(extendedLength)
{}

core::Result<std::unique_ptr<PcscConnection>> PcscConnection::connect(std::shared_ptr<PcscContext> context,
                                                                      const QString& readerName, bool extendedLength)
{
    const QByteArray name = readerName.toUtf8();
    SCARDHANDLE card = 0;
    DWORD protocol = 0;
    const LONG rc = pcsc::connect(pcsc::toContext(context->handle()), name.constData(), SCARD_SHARE_SHARED, Protocols,
                                  &card, &protocol);
    if (rc == SCARD_W_REMOVED_CARD) {
        // At connect time "removed" simply means there is no card (pcsc-lite answers either).
        return core::fail(core::Errc::NoCard, QStringLiteral("SCardConnect: no card"), PcscError::nativeCode(rc));
    }
    if (rc != SCARD_S_SUCCESS) {
        return core::fail(PcscError::toError(rc, QStringLiteral("SCardConnect")));
    }
    std::unique_ptr<PcscConnection> connection(new PcscConnection(
        std::move(context), static_cast<quintptr>(card), static_cast<quint32>(protocol), readerName, extendedLength));
    if (auto status = connection->refreshStatus(); !status) {
        return core::fail(status.error());
    }
    qCDebug(lcPcsc) << "connected, protocol" << (protocol == SCARD_PROTOCOL_T0 ? "T=0" : "T=1");
    return connection;
}

PcscConnection::~PcscConnection()
{
    SCardDisconnect(pcsc::toCard(m_card), SCARD_LEAVE_CARD);
}

core::Result<void> PcscConnection::refreshStatus()
{
    DWORD state = 0;
    DWORD protocol = 0;
    BYTE atr[64] = {};
    DWORD atrLength = sizeof(atr);
    const LONG rc = pcsc::status(pcsc::toCard(m_card), &state, &protocol, atr, &atrLength);
    if (rc != SCARD_S_SUCCESS) {
        return core::fail(PcscError::toError(rc, QStringLiteral("SCardStatus")));
    }
    m_atr = QByteArray(reinterpret_cast<const char*>(atr), static_cast<qsizetype>(atrLength));
    m_protocol = static_cast<quint32>(protocol);
    return {};
}

bool PcscConnection::supportsExtendedLength() const
{
    return m_extendedLength && m_protocol == SCARD_PROTOCOL_T1;
}

core::Result<ResponseApdu> PcscConnection::transmit(const CommandApdu& command)
{
    const core::SecureBytes wire = command.encode();
    // The response may hold personal data (Text AP): it lives in a wiping buffer until copied out.
    core::SecureBytes buffer(MaxResponse);
    DWORD received = MaxResponse;
    const SCARD_IO_REQUEST* pci = m_protocol == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
    ++m_apduCount;
    const LONG rc = SCardTransmit(pcsc::toCard(m_card), pci, wire.data(), static_cast<DWORD>(wire.size()), nullptr,
                                  buffer.data(), &received);
    if (rc != SCARD_S_SUCCESS) {
        return core::fail(PcscError::toError(rc, QStringLiteral("SCardTransmit")));
    }
    return ResponseApdu::fromBytes(
        QByteArrayView(reinterpret_cast<const char*>(buffer.data()), static_cast<qsizetype>(received)));
}

core::Result<QByteArray> PcscConnection::readerFeatures()
{
    // SCARD_CTL_CODE differs between pcsc-lite (0x42000000 + code) and WinSCard (CTL_CODE of
    // FILE_DEVICE_SMARTCARD); both headers define it (PC/SC Part 10 §2.2 uses code 3400).
    constexpr DWORD GetFeatureRequest = SCARD_CTL_CODE(3400);
    std::array<BYTE, 256> buffer{};
    DWORD received = 0;
    const LONG rc = SCardControl(pcsc::toCard(m_card), GetFeatureRequest, nullptr, 0, buffer.data(),
                                 static_cast<DWORD>(buffer.size()), &received);
    if (rc != SCARD_S_SUCCESS) {
        // Readers without Part 10 support answer "not supported" or "invalid parameter".
        if (rc == static_cast<LONG>(SCARD_E_UNSUPPORTED_FEATURE) ||
            rc == static_cast<LONG>(SCARD_E_INVALID_PARAMETER)) {
            return core::fail(core::Errc::Unsupported, QStringLiteral("reader has no part 10 features"));
        }
        return core::fail(PcscError::toError(rc, QStringLiteral("SCardControl")));
    }
    return QByteArray(reinterpret_cast<const char*>(buffer.data()), static_cast<qsizetype>(received));
}

core::Result<QByteArray> PcscConnection::control(quint32 code, const QByteArray& input)
{
    std::array<BYTE, 258> buffer{};
    DWORD received = 0;
    const LONG rc =
        SCardControl(pcsc::toCard(m_card), static_cast<DWORD>(code), input.constData(),
                     static_cast<DWORD>(input.size()), buffer.data(), static_cast<DWORD>(buffer.size()), &received);
    if (rc != SCARD_S_SUCCESS) {
        return core::fail(PcscError::toError(rc, QStringLiteral("SCardControl")));
    }
    return QByteArray(reinterpret_cast<const char*>(buffer.data()), static_cast<qsizetype>(received));
}

core::Result<void> PcscConnection::beginTransaction()
{
    const LONG rc = SCardBeginTransaction(pcsc::toCard(m_card));
    if (rc != SCARD_S_SUCCESS) {
        return core::fail(PcscError::toError(rc, QStringLiteral("SCardBeginTransaction")));
    }
    return {};
}

core::Result<void> PcscConnection::endTransaction()
{
    const LONG rc = SCardEndTransaction(pcsc::toCard(m_card), SCARD_LEAVE_CARD);
    if (rc != SCARD_S_SUCCESS) {
        return core::fail(PcscError::toError(rc, QStringLiteral("SCardEndTransaction")));
    }
    return {};
}

core::Result<void> PcscConnection::reconnect()
{
    // A warm reset, as the training reader does: the card forgets every PIN verification, so a
    // caller can make sure the next VERIFY really asks for the PIN (card sign-in) and leave no card
    // unlocked behind it. After a reinsertion the reset is harmless.
    DWORD protocol = 0;
    const LONG rc = SCardReconnect(pcsc::toCard(m_card), SCARD_SHARE_SHARED, Protocols, SCARD_RESET_CARD, &protocol);
    if (rc != SCARD_S_SUCCESS) {
        return core::fail(PcscError::toError(rc, QStringLiteral("SCardReconnect")));
    }
    m_protocol = static_cast<quint32>(protocol);
    return refreshStatus();
}

} // namespace madoguchi::card
