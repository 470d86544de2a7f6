#include "sim/TrainingConnection.h"

namespace madoguchi::sim {

TrainingConnection::TrainingConnection(std::shared_ptr<TrainingSlots> shared, std::size_t slot)
    : m_slots(std::move(shared)), m_slot(slot)
{
    const std::lock_guard lock(m_slots->mutex);
    m_card = m_slots->readers.at(m_slot).card;
}

core::Result<std::shared_ptr<JpkiCardSim>> TrainingConnection::liveCard() const
{
    const std::lock_guard lock(m_slots->mutex);
    const auto& current = m_slots->readers.at(m_slot).card;
    if (!m_card) {
        return core::fail(core::Errc::NoCard, m_slots->readers.at(m_slot).name);
    }
    if (current != m_card) {
        // Pulled, or pulled and another card inserted: PC/SC reports removal until a reconnect.
        return core::fail(core::Errc::CardRemoved, m_slots->readers.at(m_slot).name);
    }
    return m_card;
}

core::Result<card::ResponseApdu> TrainingConnection::transmit(const card::CommandApdu& command)
{
    auto card = liveCard();
    if (!card) {
        return core::fail(card.error());
    }
    const core::SecureBytes raw = command.encode();
    const QByteArray response = (*card)->process(raw.view());
    ++m_apduCount;
    card::ResponseApdu out;
    out.data = response.left(response.size() - 2);
    out.sw = static_cast<quint16>((quint8(response[response.size() - 2]) << 8) | quint8(response.back()));
    return out;
}

core::Result<void> TrainingConnection::beginTransaction()
{
    return liveCard().map([](const auto&) {});
}

core::Result<void> TrainingConnection::endTransaction()
{
    return liveCard().map([](const auto&) {});
}

core::Result<void> TrainingConnection::reconnect()
{
    {
        const std::lock_guard lock(m_slots->mutex);
        m_card = m_slots->readers.at(m_slot).card;
    }
    if (!m_card) {
        return core::fail(core::Errc::NoCard, readerName());
    }
    m_card->reset(); // SCardReconnect with SCARD_RESET_CARD: the driver SELECTs again (jpki-card.md §1)
    return {};
}

QByteArray TrainingConnection::atr() const
{
    return m_card ? m_card->atr() : QByteArray();
}

QString TrainingConnection::readerName() const
{
    const std::lock_guard lock(m_slots->mutex);
    return m_slots->readers.at(m_slot).name;
}

bool TrainingConnection::supportsExtendedLength() const
{
    return m_card && m_card->options().extendedLength;
}

} // namespace madoguchi::sim
