#include "card/PcscBackend.h"

#include "card/PcscApi.h"
#include "card/PcscConnection.h"
#include "card/PcscError.h"
#include "core/Logging.h"

#include <algorithm>
#include <cstring>

namespace madoguchi::card {

namespace {

ReaderState toReaderState(const QString& name, const pcsc::ReaderStateRecord& record)
{
    const DWORD state = record.dwEventState;
    ReaderState reader;
    reader.name = name;
    reader.cardPresent = (state & SCARD_STATE_PRESENT) != 0;
    reader.cardInUse = (state & SCARD_STATE_EXCLUSIVE) != 0;
    reader.mute = (state & SCARD_STATE_MUTE) != 0;
    if (reader.cardPresent) {
        const auto length = std::min<DWORD>(record.cbAtr, sizeof(record.rgbAtr));
        reader.atr = QByteArray(reinterpret_cast<const char*>(record.rgbAtr), static_cast<qsizetype>(length));
    }
    // Both pcsc-lite and WinSCard keep a per-reader event counter in the upper 16 bits.
    reader.eventCount = static_cast<quint32>((state >> 16) & 0xFFFF);
    return reader;
}

core::Error failure(LONG rc, const char* call)
{
    return PcscError::toError(rc, QString::fromLatin1(call));
}

} // namespace

PcscBackend::PcscBackend(PcscBackendOptions options) : m_options(options) {}

PcscBackend::~PcscBackend() = default;

QStringList PcscBackend::splitReaderNames(QByteArrayView multiString)
{
    QStringList names;
    qsizetype pos = 0;
    while (pos < multiString.size() && multiString[pos] != '\0') {
        qsizetype end = pos;
        while (end < multiString.size() && multiString[end] != '\0') {
            ++end;
        }
        names << QString::fromUtf8(multiString.sliced(pos, end - pos));
        pos = end + 1;
    }
    return names;
}

core::Result<PcscBackend::Context> PcscBackend::context()
{
    std::lock_guard lock(m_mutex);
    if (!m_context) {
        auto established = PcscContext::establish();
        if (!established) {
            return core::fail(established.error());
        }
        m_context = *established;
    }
    return m_context;
}

void PcscBackend::dropContext()
{
    std::lock_guard lock(m_mutex);
    m_context.reset();
    m_pnpUnsupported = false;
}

template <typename T>
core::Result<T> PcscBackend::withContext(const std::function<core::Result<T>(const Context&)>& call)
{
    // After pcscd restarts, the old context answers "no service": establish a new one, try once more.
    for (int attempt = 0;; ++attempt) {
        auto ctx = context();
        if (!ctx) {
            return core::fail(ctx.error());
        }
        auto result = call(*ctx);
        if (result || attempt > 0 || !PcscError::isServiceGone(result.error().nativeCode)) {
            return result;
        }
        qCInfo(lcPcsc) << "PC/SC service went away; establishing a new context";
        dropContext();
    }
}

core::Result<QStringList> PcscBackend::listReaders(const Context& context)
{
    const SCARDCONTEXT handle = pcsc::toContext(context->handle());
    for (int attempt = 0; attempt < 3; ++attempt) { // the list may grow between the two calls
        DWORD length = 0;
        LONG rc = pcsc::listReaders(handle, nullptr, &length);
        if (rc == SCARD_E_NO_READERS_AVAILABLE) {
            return QStringList();
        }
        if (rc != SCARD_S_SUCCESS) {
            return core::fail(failure(rc, "SCardListReaders"));
        }
        QByteArray buffer(static_cast<qsizetype>(length), '\0');
        rc = pcsc::listReaders(handle, buffer.data(), &length);
        if (rc == SCARD_E_NO_READERS_AVAILABLE) {
            return QStringList();
        }
        if (rc == SCARD_S_SUCCESS) {
            return splitReaderNames(QByteArrayView(buffer).first(std::min<qsizetype>(length, buffer.size())));
        }
        if (rc != SCARD_E_INSUFFICIENT_BUFFER) {
            return core::fail(failure(rc, "SCardListReaders"));
        }
    }
    return core::fail(core::Errc::Internal, QStringLiteral("SCardListReaders: reader list keeps changing"));
}

core::Result<QList<ReaderState>> PcscBackend::queryStates(const Context& context, const QStringList& names,
                                                          std::vector<quint64>* rawStates)
{
    QList<ReaderState> states;
    if (names.isEmpty()) {
        return states;
    }
    std::vector<QByteArray> utf8;
    std::vector<pcsc::ReaderStateRecord> records(static_cast<std::size_t>(names.size()));
    for (qsizetype i = 0; i < names.size(); ++i) {
        utf8.push_back(names[i].toUtf8());
    }
    for (std::size_t i = 0; i < records.size(); ++i) {
        records[i].szReader = utf8[i].constData();
        records[i].dwCurrentState = SCARD_STATE_UNAWARE;
    }
    const LONG rc = pcsc::getStatusChange(pcsc::toContext(context->handle()), 0, records.data(),
                                          static_cast<DWORD>(records.size()));
    if (rc != SCARD_S_SUCCESS) {
        return core::fail(failure(rc, "SCardGetStatusChange"));
    }
    for (std::size_t i = 0; i < records.size(); ++i) {
        states << toReaderState(names[static_cast<qsizetype>(i)], records[i]);
        if (rawStates) {
            rawStates->push_back(records[i].dwEventState);
        }
    }
    return states;
}

core::Result<QList<ReaderState>> PcscBackend::currentStates(const Context& context)
{
    auto names = listReaders(context);
    if (!names) {
        return core::fail(names.error());
    }
    return queryStates(context, *names, nullptr);
}

core::Result<QList<ReaderState>> PcscBackend::readers()
{
    return withContext<QList<ReaderState>>([this](const Context& ctx) { return currentStates(ctx); });
}

bool PcscBackend::takeCancel()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_cancelRequested, false);
}

void PcscBackend::waitWithoutPnp(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, timeout, [this] { return m_cancelRequested; });
    m_cancelRequested = false;
}

core::Result<QList<ReaderState>> PcscBackend::waitForChange(const QList<ReaderState>& known,
                                                            std::chrono::milliseconds timeout)
{
    if (takeCancel()) {
        return readers();
    }
    return withContext<QList<ReaderState>>([&](const Context& ctx) -> core::Result<QList<ReaderState>> {
        auto names = listReaders(ctx);
        if (!names) {
            return core::fail(names.error());
        }
        std::vector<quint64> raw;
        auto states = queryStates(ctx, *names, &raw);
        if (!states || *states != known) {
            return states; // already different (or failed): no need to wait
        }
        return blockUntilChange(ctx, *names, raw, timeout);
    });
}

core::Result<QList<ReaderState>> PcscBackend::blockUntilChange(const Context& ctx, const QStringList& names,
                                                               const std::vector<quint64>& rawStates,
                                                               std::chrono::milliseconds timeout)
{
    if (names.isEmpty() && m_pnpUnsupported) {
        waitWithoutPnp(timeout);
        return currentStates(ctx);
    }
    std::vector<QByteArray> utf8;
    for (const QString& name : names) {
        utf8.push_back(name.toUtf8());
    }
    std::vector<pcsc::ReaderStateRecord> records(utf8.size() + (m_pnpUnsupported ? 0 : 1));
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        records[i].szReader = utf8[i].constData();
        records[i].dwCurrentState = static_cast<DWORD>(rawStates[i]) & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
    }
    if (!m_pnpUnsupported) {
        // pcsc-lite reports a change when the reader count differs from the upper 16 bits given here.
        records.back().szReader = pcsc::PnpNotification;
        records.back().dwCurrentState = static_cast<DWORD>(names.size()) << 16;
    }
    if (takeCancel()) {
        // Narrows the window in which an SCardCancel() before the wait is lost; what remains costs at
        // most one timeout, never a hang.
        return currentStates(ctx);
    }
    const auto ms = static_cast<DWORD>(std::clamp<qint64>(timeout.count(), 0, 0x7FFFFFFF));
    const LONG rc =
        pcsc::getStatusChange(pcsc::toContext(ctx->handle()), ms, records.data(), static_cast<DWORD>(records.size()));
    static_cast<void>(takeCancel()); // a cancel during the wait has done its job
    if (rc == SCARD_S_SUCCESS || rc == SCARD_E_TIMEOUT || rc == SCARD_E_CANCELLED) {
        return currentStates(ctx);
    }
    if (rc == SCARD_E_UNKNOWN_READER) {
        auto fresh = currentStates(ctx);
        if (fresh && fresh->size() == names.size() && !m_pnpUnsupported) {
            qCInfo(lcPcsc) << "PnP notification not supported; reader hot-plug seen only through polling";
            m_pnpUnsupported = true;
        }
        return fresh;
    }
    return core::fail(failure(rc, "SCardGetStatusChange"));
}

void PcscBackend::cancelWait()
{
    Context ctx;
    {
        std::lock_guard lock(m_mutex);
        m_cancelRequested = true;
        ctx = m_context;
    }
    if (ctx) {
        ctx->cancel();
    }
    m_wake.notify_all();
}

core::Result<std::unique_ptr<CardConnection>> PcscBackend::connect(const QString& readerName)
{
    return withContext<std::unique_ptr<CardConnection>>(
        [&](const Context& ctx) -> core::Result<std::unique_ptr<CardConnection>> {
            auto connection = PcscConnection::connect(ctx, readerName, m_options.extendedLength);
            if (!connection) {
                return core::fail(connection.error());
            }
            return std::unique_ptr<CardConnection>(std::move(*connection));
        });
}

} // namespace madoguchi::card
