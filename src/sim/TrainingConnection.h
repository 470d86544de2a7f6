#pragma once

#include "card/CardConnection.h"
#include "sim/TrainingSlot.h"

#include <memory>

namespace madoguchi::sim {

// A connection to a simulated card in the training reader. Like PC/SC: once the card is removed (or
// swapped), transmit() fails with CardRemoved until reconnect() picks up the card now in the slot.
class TrainingConnection final : public card::CardConnection
{
public:
    TrainingConnection(std::shared_ptr<TrainingSlots> shared, std::size_t slot);

    [[nodiscard]] core::Result<card::ResponseApdu> transmit(const card::CommandApdu& command) override;
    [[nodiscard]] core::Result<void> beginTransaction() override;
    [[nodiscard]] core::Result<void> endTransaction() override;
    [[nodiscard]] core::Result<void> reconnect() override;

    [[nodiscard]] QByteArray atr() const override;
    [[nodiscard]] QString readerName() const override;
    [[nodiscard]] bool supportsExtendedLength() const override;
    [[nodiscard]] int apduCount() const override { return m_apduCount; }

private:
    // The card if it is still the one this connection was made to; else CardRemoved / NoCard.
    [[nodiscard]] core::Result<std::shared_ptr<JpkiCardSim>> liveCard() const;

    const std::shared_ptr<TrainingSlots> m_slots;
    const std::size_t m_slot;
    std::shared_ptr<JpkiCardSim> m_card;
    int m_apduCount = 0;
};

} // namespace madoguchi::sim
