#pragma once

#include "card/PcscContext.h"
#include "card/ReaderBackend.h"

#include <QStringList>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <vector>

namespace madoguchi::card {

struct PcscBackendOptions
{
    // Whether connections may send extended-length APDUs (not every reader passes them on).
    bool extendedLength = false;
};

// Readers and cards through PC/SC: pcsc-lite here, WinSCard on Windows, same code. Reader and card
// changes come from SCardGetStatusChange, reader hot-plug through the "\\?PnP?\Notification" pseudo
// reader. When pcscd stops or restarts, the context is established again on the next call.
// All calls but cancelWait() happen on the card thread (architecture.md §2).
class PcscBackend final : public ReaderBackend
{
public:
    explicit PcscBackend(PcscBackendOptions options = {});
    ~PcscBackend() override;
    PcscBackend(const PcscBackend&) = delete;
    PcscBackend& operator=(const PcscBackend&) = delete;

    [[nodiscard]] QString backendName() const override { return QStringLiteral("PC/SC"); }
    [[nodiscard]] core::Result<QList<ReaderState>> readers() override;
    [[nodiscard]] core::Result<QList<ReaderState>> waitForChange(const QList<ReaderState>& known,
                                                                 std::chrono::milliseconds timeout) override;
    void cancelWait() override;
    [[nodiscard]] core::Result<std::unique_ptr<CardConnection>> connect(const QString& readerName) override;

    // A PC/SC multi-string ("a\0b\0\0") walked by bytes and decoded as UTF-8 (reader names may be
    // Japanese; style.md: never use QString::size() as a byte offset).
    [[nodiscard]] static QStringList splitReaderNames(QByteArrayView multiString);

private:
    using Context = std::shared_ptr<PcscContext>;

    template <typename T>
    [[nodiscard]] core::Result<T> withContext(const std::function<core::Result<T>(const Context&)>& call);
    [[nodiscard]] core::Result<Context> context();
    void dropContext();
    [[nodiscard]] core::Result<QStringList> listReaders(const Context& context);
    [[nodiscard]] core::Result<QList<ReaderState>> queryStates(const Context& context, const QStringList& names,
                                                               std::vector<quint64>* rawStates);
    [[nodiscard]] core::Result<QList<ReaderState>> currentStates(const Context& context);
    [[nodiscard]] core::Result<QList<ReaderState>> blockUntilChange(const Context& context, const QStringList& names,
                                                                    const std::vector<quint64>& rawStates,
                                                                    std::chrono::milliseconds timeout);
    [[nodiscard]] bool takeCancel();
    void waitWithoutPnp(std::chrono::milliseconds timeout);

    PcscBackendOptions m_options;
    std::mutex m_mutex; // guards m_context (read by cancelWait) and m_cancelRequested
    std::condition_variable m_wake;
    Context m_context;
    bool m_cancelRequested = false;
    bool m_pnpUnsupported = false;
};

} // namespace madoguchi::card
