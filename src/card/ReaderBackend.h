#pragma once

#include "card/CardConnection.h"
#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <chrono>
#include <memory>

namespace madoguchi::card {

struct ReaderState
{
    QString name; // UTF-8 decoded reader name (may be Japanese)
    bool cardPresent = false;
    bool cardInUse = false; // another process holds it exclusively
    bool mute = false;      // card present but did not answer to reset
    QByteArray atr;
    quint32 eventCount = 0; // changes whenever the card is inserted or removed (PC/SC event counter)

    friend bool operator==(const ReaderState&, const ReaderState&) = default;
};

// Where readers come from: PC/SC, or the training reader with simulated cards. All calls except
// cancelWait() happen on the one card thread that created the backend (architecture.md §2).
class ReaderBackend
{
public:
    virtual ~ReaderBackend() = default;

    [[nodiscard]] virtual QString backendName() const = 0; // "PC/SC", "Training"
    [[nodiscard]] virtual core::Result<QList<ReaderState>> readers() = 0;
    // Blocks until readers or cards differ from `known`, the timeout passes or cancelWait() is called;
    // returns the current states (equal to `known` on timeout or cancel).
    [[nodiscard]] virtual core::Result<QList<ReaderState>> waitForChange(const QList<ReaderState>& known,
                                                                         std::chrono::milliseconds timeout) = 0;
    // Thread-safe: wakes a waitForChange() in progress.
    virtual void cancelWait() = 0;
    [[nodiscard]] virtual core::Result<std::unique_ptr<CardConnection>> connect(const QString& readerName) = 0;
};

} // namespace madoguchi::card
