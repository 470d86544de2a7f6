#pragma once

#include "card/ReaderBackend.h"
#include "core/Clock.h"
#include "core/Error.h"
#include "services/CardSummary.h"

#include <QList>
#include <QObject>
#include <QStringList>

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
    // Consulted on this object's thread for every card read before cardRead is emitted (a CRL cache
    // lookup: well under a millisecond, performance.md §1). Unset: the verdict stays NotChecked.
    void setRevocationLookup(RevocationLookup lookup) { m_revocationLookup = std::move(lookup); }
    // Runs `job` on the card thread with the backend (CardMonitor::post): for the jobs of other
    // services (holder proof, PIN status). The job reports back by its own queued call.
    void post(std::function<void(card::ReaderBackend&)> job);
    [[nodiscard]] QList<card::ReaderState> readers() const { return m_readers; }

Q_SIGNALS:
    void readersChanged(const QList<madoguchi::card::ReaderState>& readers);
    void cardReadStarted(const QString& reader);
    void cardRead(const madoguchi::services::CardSummary& summary);
    void cardReadFailed(const QString& reader, const madoguchi::core::Error& error);
    void cardRemoved(const QString& reader);
    void backendError(const madoguchi::core::Error& error);

private:
    void onReadersChanged(const QList<card::ReaderState>& readers);
    void readCard(const QString& reader);

    const pki::TrustStore& m_trust;
    const core::Clock& m_clock;
    std::unique_ptr<card::CardMonitor> m_monitor;
    RevocationLookup m_revocationLookup;
    QList<card::ReaderState> m_readers;
};

} // namespace madoguchi::services
