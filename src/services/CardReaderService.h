#pragma once

#include "card/ReaderBackend.h"
#include "core/Clock.h"
#include "core/Error.h"
#include "services/CardSummary.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace madoguchi::card {
class CardMonitor;
}
namespace madoguchi::pki {
class TrustStore;
}

namespace madoguchi::services {

// The counter's view of its readers: watches them on the card thread, reads every inserted card's
// free data (token, auth cert, chain) and reports to the GUI by queued signals. The GUI thread never
// touches PC/SC (architecture.md §2).
class CardReaderService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CardReaderService)

public:
    using BackendFactory = std::function<std::unique_ptr<card::ReaderBackend>()>;

    CardReaderService(BackendFactory factory, const pki::TrustStore& trust, const core::Clock& clock,
                      QObject* parent = nullptr);
    ~CardReaderService() override;

    using RevocationLookup = std::function<CardSummary::Revocation(const CardSummary&)>;

    void start();
    // Asked for every card read before cardRead is emitted, on this service's own worker thread (never
    // the GUI thread: it may block on OCSP), one card at a time; revocationCheckStarted() is emitted
    // first. Typically CardRevocationChecker::check. `cancel` (optional, thread-safe) stops a running
    // lookup; it is called when the lookup is replaced and at destruction. Unset: NotChecked.
    void setRevocationLookup(RevocationLookup lookup, std::function<void()> cancel = {});
    // Runs `job` on the card thread with the backend (CardMonitor::post): for the jobs of other
    // services (holder proof, PIN status). The job reports back by its own queued call.
    void post(std::function<void(card::ReaderBackend&)> job);
    [[nodiscard]] QList<card::ReaderState> readers() const { return m_readers; }

Q_SIGNALS:
    void readersChanged(const QList<madoguchi::card::ReaderState>& readers);
    void cardReadStarted(const QString& reader);
    // The card was read; its revocation is being checked (cardRead follows).
    void revocationCheckStarted(const QString& reader);
    void cardRead(const madoguchi::services::CardSummary& summary);
    void cardReadFailed(const QString& reader, const madoguchi::core::Error& error);
    void cardRemoved(const QString& reader);
    void backendError(const madoguchi::core::Error& error);

private:
    void onReadersChanged(const QList<card::ReaderState>& readers);
    void readCard(const QString& reader);
    void onCardRemoved(const QString& reader);
    void finishRead(const QString& reader, quint64 generation, CardSummary summary);
    void stopRevocationChecks();

    const pki::TrustStore& m_trust;
    const core::Clock& m_clock;
    std::unique_ptr<card::CardMonitor> m_monitor;
    RevocationLookup m_revocationLookup;
    std::function<void()> m_cancelRevocation;
    QThreadPool m_revocationPool; // one thread: checks run one at a time, off the GUI thread
    // Bumped when a card is inserted or removed: a verdict for a card no longer there is dropped.
    QHash<QString, quint64> m_generation;
    QList<card::ReaderState> m_readers;
};

} // namespace madoguchi::services
