#pragma once

#include "card/ReaderBackend.h"
#include "pki/DemoResident.h"
#include "sim/JpkiCardSim.h"

#include <memory>

namespace madoguchi::sim {

struct TrainingSlots;

// The in-process training reader (architecture.md §1): named slots ("Madoguchi 研修用リーダー 1")
// holding simulated cards. insert()/remove() may be called from any thread (a trainer's UI, a test)
// and wake a waitForChange() in progress, as a real card would wake SCardGetStatusChange.
class TrainingBackend final : public card::ReaderBackend
{
public:
    explicit TrainingBackend(int slotCount = 1, JpkiCardSim::Options options = {});
    ~TrainingBackend() override;
    Q_DISABLE_COPY_MOVE(TrainingBackend)

    // "Madoguchi 研修用リーダー N", N counted from 1.
    [[nodiscard]] static QString slotName(int index);

    // Thread-safe. Replaces any card already in the slot.
    [[nodiscard]] core::Result<void> insert(const pki::DemoResident& resident, int slot = 0);
    void remove(int slot = 0);
    // The simulated card in a slot (for benchmarks: apduCount()), or null.
    [[nodiscard]] std::shared_ptr<JpkiCardSim> cardIn(int slot = 0) const;

    [[nodiscard]] QString backendName() const override { return QStringLiteral("Training"); }
    [[nodiscard]] core::Result<QList<card::ReaderState>> readers() override;
    [[nodiscard]] core::Result<QList<card::ReaderState>> waitForChange(const QList<card::ReaderState>& known,
                                                                       std::chrono::milliseconds timeout) override;
    void cancelWait() override;
    [[nodiscard]] core::Result<std::unique_ptr<card::CardConnection>> connect(const QString& readerName) override;

private:
    [[nodiscard]] QList<card::ReaderState> statesLocked() const;
    void setCard(int slot, std::shared_ptr<JpkiCardSim> card);

    const std::shared_ptr<TrainingSlots> m_slots;
    const JpkiCardSim::Options m_options;
};

} // namespace madoguchi::sim
