#pragma once

#include "card/ReaderBackend.h"

#include <memory>

namespace madoguchi::card {

// Lets the card thread own "its" backend while the training controls keep a handle on the same
// training reader (TrainingBackend is thread-safe for insert/remove).
class SharedReaderBackend final : public ReaderBackend
{
public:
    explicit SharedReaderBackend(std::shared_ptr<ReaderBackend> target) : m_target(std::move(target)) {}

    [[nodiscard]] QString backendName() const override { return m_target->backendName(); }
    [[nodiscard]] core::Result<QList<ReaderState>> readers() override { return m_target->readers(); }
    [[nodiscard]] core::Result<QList<ReaderState>> waitForChange(const QList<ReaderState>& known,
                                                                 std::chrono::milliseconds timeout) override
    {
        return m_target->waitForChange(known, timeout);
    }
    void cancelWait() override { m_target->cancelWait(); }
    [[nodiscard]] core::Result<std::unique_ptr<CardConnection>> connect(const QString& readerName) override
    {
        return m_target->connect(readerName);
    }

private:
    std::shared_ptr<ReaderBackend> m_target;
};

} // namespace madoguchi::card
