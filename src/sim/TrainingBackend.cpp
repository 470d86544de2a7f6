#include "sim/TrainingBackend.h"

#include "sim/TrainingConnection.h"
#include "sim/TrainingSlot.h"

namespace madoguchi::sim {

TrainingBackend::TrainingBackend(int slotCount, JpkiCardSim::Options options)
    : m_slots(std::make_shared<TrainingSlots>()), m_options(options)
{
    for (int i = 0; i < std::max(slotCount, 1); ++i) {
        m_slots->readers.push_back({slotName(i + 1), nullptr, 0});
    }
}

TrainingBackend::~TrainingBackend() = default;

QString TrainingBackend::slotName(int index)
{
    return QStringLiteral("Madoguchi 研修用リーダー %1").arg(index);
}

core::Result<void> TrainingBackend::insert(const pki::DemoResident& resident, int slot)
{
    if (slot < 0 || static_cast<std::size_t>(slot) >= m_slots->readers.size()) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("no training slot %1").arg(slot));
    }
    auto card = JpkiCardSim::create(resident, m_options); // RSA key parsing: outside the lock
    if (!card) {
        return core::fail(card.error());
    }
    setCard(slot, std::shared_ptr<JpkiCardSim>(std::move(*card)));
    return {};
}

void TrainingBackend::remove(int slot)
{
    if (slot >= 0 && static_cast<std::size_t>(slot) < m_slots->readers.size()) {
        setCard(slot, nullptr);
    }
}

void TrainingBackend::setCard(int slot, std::shared_ptr<JpkiCardSim> card)
{
    {
        const std::lock_guard lock(m_slots->mutex);
        auto& s = m_slots->readers[static_cast<std::size_t>(slot)];
        if (!s.card && !card) {
            return; // removing from an empty slot changes nothing
        }
        s.card = std::move(card);
        ++s.eventCount;
    }
    m_slots->changed.notify_all();
}

std::shared_ptr<JpkiCardSim> TrainingBackend::cardIn(int slot) const
{
    const std::lock_guard lock(m_slots->mutex);
    if (slot < 0 || static_cast<std::size_t>(slot) >= m_slots->readers.size()) {
        return nullptr;
    }
    return m_slots->readers[static_cast<std::size_t>(slot)].card;
}

QList<card::ReaderState> TrainingBackend::statesLocked() const
{
    QList<card::ReaderState> out;
    for (const auto& s : m_slots->readers) {
        card::ReaderState state;
        state.name = s.name;
        state.cardPresent = s.card != nullptr;
        state.atr = s.card ? s.card->atr() : QByteArray();
        state.eventCount = s.eventCount;
        out.append(state);
    }
    return out;
}

core::Result<QList<card::ReaderState>> TrainingBackend::readers()
{
    const std::lock_guard lock(m_slots->mutex);
    return statesLocked();
}

core::Result<QList<card::ReaderState>> TrainingBackend::waitForChange(const QList<card::ReaderState>& known,
                                                                      std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_slots->mutex);
    const quint64 cancelAtStart = m_slots->cancelCount;
    m_slots->changed.wait_for(lock, timeout,
                              [&] { return m_slots->cancelCount != cancelAtStart || statesLocked() != known; });
    return statesLocked();
}

void TrainingBackend::cancelWait()
{
    {
        const std::lock_guard lock(m_slots->mutex);
        ++m_slots->cancelCount;
    }
    m_slots->changed.notify_all();
}

core::Result<std::unique_ptr<card::CardConnection>> TrainingBackend::connect(const QString& readerName)
{
    std::size_t index = 0;
    {
        const std::lock_guard lock(m_slots->mutex);
        for (; index < m_slots->readers.size(); ++index) {
            if (m_slots->readers[index].name == readerName) {
                break;
            }
        }
        if (index == m_slots->readers.size()) {
            return core::fail(core::Errc::ReaderUnavailable, readerName);
        }
        if (!m_slots->readers[index].card) {
            return core::fail(core::Errc::NoCard, readerName);
        }
    }
    return std::make_unique<TrainingConnection>(m_slots, index);
}

} // namespace madoguchi::sim
