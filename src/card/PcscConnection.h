#pragma once

#include "card/CardConnection.h"
#include "card/PcscContext.h"

#include <memory>

namespace madoguchi::card {

// A card connected through PC/SC (pcsc-lite or WinSCard): SCardConnect in shared mode, T=0 or T=1.
// Lives on the card thread (architecture.md §2). Counts the APDUs it sends for the benchmark.
class PcscConnection final : public CardConnection
{
public:
    [[nodiscard]] static core::Result<std::unique_ptr<PcscConnection>>
    connect(std::shared_ptr<PcscContext> context, const QString& readerName, bool extendedLength);
    ~PcscConnection() override;
    PcscConnection(const PcscConnection&) = delete;
    PcscConnection& operator=(const PcscConnection&) = delete;

    [[nodiscard]] core::Result<ResponseApdu> transmit(const CommandApdu& command) override;
    [[nodiscard]] core::Result<void> beginTransaction() override;
    [[nodiscard]] core::Result<void> endTransaction() override;
    [[nodiscard]] core::Result<void> reconnect() override;
    [[nodiscard]] QByteArray atr() const override { return m_atr; }
    [[nodiscard]] QString readerName() const override { return m_readerName; }
    // Configured on, and T=1: T=0 carries extended APDUs only through ENVELOPE (ISO 7816-3 §12.2).
    [[nodiscard]] bool supportsExtendedLength() const override;
    [[nodiscard]] int apduCount() const override { return m_apduCount; }
    // SCardControl(CM_IOCTL_GET_FEATURE_REQUEST) (PC/SC Part 10 §2.2).
    [[nodiscard]] core::Result<QByteArray> readerFeatures() override;
    // SCardControl(code, input) (PC/SC Part 10 §2.5: FEATURE_VERIFY_PIN_DIRECT waits for the keypad).
    [[nodiscard]] core::Result<QByteArray> control(quint32 code, const QByteArray& input) override;

private:
    PcscConnection(std::shared_ptr<PcscContext> context, quintptr card, quint32 protocol, QString readerName,
                   bool extendedLength);
    [[nodiscard]] core::Result<void> refreshStatus();

    std::shared_ptr<PcscContext> m_context;
    quintptr m_card;
    quint32 m_protocol;
    QString m_readerName;
    QByteArray m_atr;
    bool m_extendedLength;
    int m_apduCount = 0;
};

} // namespace madoguchi::card
