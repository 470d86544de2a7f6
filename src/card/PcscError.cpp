#include "card/PcscError.h"

#include "card/PcscApi.h"

#include <array>

namespace madoguchi::card {

namespace {

struct PcscRule
{
    LONG rc;
    core::Errc code;
    const char* meaning;
};

// toolchain.md: after removal the first SCardTransmit answers SCARD_E_NOT_TRANSACTED, later ones
// SCARD_W_REMOVED_CARD; both mean the card is gone.
const std::array PcscTable{
    PcscRule{SCARD_E_NO_SERVICE, core::Errc::NoService, "smart card service not running"},
    PcscRule{SCARD_E_SERVICE_STOPPED, core::Errc::NoService, "smart card service stopped"},
    PcscRule{SCARD_E_NO_READERS_AVAILABLE, core::Errc::NoReaders, "no reader available"},
    PcscRule{SCARD_E_UNKNOWN_READER, core::Errc::ReaderUnavailable, "unknown reader"},
    PcscRule{SCARD_E_READER_UNAVAILABLE, core::Errc::ReaderUnavailable, "reader unavailable"},
    PcscRule{SCARD_E_INVALID_HANDLE, core::Errc::ReaderUnavailable, "handle no longer valid"},
    PcscRule{SCARD_E_NO_SMARTCARD, core::Errc::NoCard, "no card in the reader"},
    PcscRule{SCARD_W_REMOVED_CARD, core::Errc::CardRemoved, "card removed"},
    PcscRule{SCARD_E_NOT_TRANSACTED, core::Errc::CardRemoved, "card removed (transaction lost)"},
    PcscRule{SCARD_W_RESET_CARD, core::Errc::CardReset, "card reset by another application"},
    PcscRule{SCARD_W_UNRESPONSIVE_CARD, core::Errc::CardUnresponsive, "card does not answer to reset"},
    PcscRule{SCARD_W_UNPOWERED_CARD, core::Errc::CardUnresponsive, "card not powered"},
    PcscRule{SCARD_E_SHARING_VIOLATION, core::Errc::SharingViolation, "card held exclusively elsewhere"},
    PcscRule{SCARD_E_TIMEOUT, core::Errc::Timeout, "timeout"},
    PcscRule{SCARD_E_CANCELLED, core::Errc::Cancelled, "cancelled"},
    PcscRule{SCARD_E_PROTO_MISMATCH, core::Errc::Unsupported, "protocol mismatch"},
    PcscRule{SCARD_E_UNSUPPORTED_FEATURE, core::Errc::Unsupported, "unsupported feature"},
    PcscRule{SCARD_E_INVALID_PARAMETER, core::Errc::InvalidArgument, "invalid parameter"},
    PcscRule{SCARD_E_INVALID_VALUE, core::Errc::InvalidArgument, "invalid value"},
    PcscRule{SCARD_E_INSUFFICIENT_BUFFER, core::Errc::Internal, "buffer too small"},
    PcscRule{SCARD_E_NO_MEMORY, core::Errc::Internal, "out of memory"},
    PcscRule{SCARD_F_INTERNAL_ERROR, core::Errc::TransportFailed, "internal error"},
    PcscRule{SCARD_F_COMM_ERROR, core::Errc::TransportFailed, "communication error"},
    PcscRule{SCARD_E_COMM_DATA_LOST, core::Errc::TransportFailed, "communication data lost"},
    PcscRule{SCARD_E_NOT_READY, core::Errc::TransportFailed, "reader or card not ready"},
};

} // namespace

core::Error PcscError::toError(qint64 rc, const QString& call)
{
    const quint32 native = nativeCode(rc);
    for (const auto& rule : PcscTable) {
        if (static_cast<quint32>(rule.rc) == native) {
            return core::Error{rule.code, call + QStringLiteral(": ") + QString::fromLatin1(rule.meaning), native};
        }
    }
    return core::Error{core::Errc::TransportFailed, call + QStringLiteral(": PC/SC error"), native};
}

bool PcscError::isServiceGone(qint64 rc)
{
    // pcsc-lite answers a wait that was in progress when pcscd died with SCARD_F_COMM_ERROR (seen in the
    // manual restart check); later calls on the old context give SCARD_E_NO_SERVICE.
    const quint32 native = nativeCode(rc);
    return native == static_cast<quint32>(SCARD_E_NO_SERVICE) ||
           native == static_cast<quint32>(SCARD_E_SERVICE_STOPPED) ||
           native == static_cast<quint32>(SCARD_E_INVALID_HANDLE) || native == static_cast<quint32>(SCARD_F_COMM_ERROR);
}

} // namespace madoguchi::card
