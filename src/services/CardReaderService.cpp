#include "services/CardReaderService.h"

#include "card/CardMonitor.h"
#include "core/Logging.h"
#include "pki/TrustStore.h"
#include "services/CardSummaryReader.h"

#include <QMetaObject>
#include <QPointer>

#include <memory>

namespace madoguchi::services {

CardReaderService::CardReaderService(BackendFactory factory, const pki::TrustStore& trust, const core::Clock& clock,
                                     QObject* parent)
    : QObject(parent), m_trust(trust), m_clock(clock),
      m_monitor(std::make_unique<card::CardMonitor>(std::move(factory)))
{
    qRegisterMetaType<CardSummary>();
    qRegisterMetaType<core::Error>();
    qRegisterMetaType<QList<card::ReaderState>>();
    // The monitor emits on the card thread; these connections are queued to this object's thread.
    connect(m_monitor.get(), &card::CardMonitor::readersChanged, this, &CardReaderService::onReadersChanged);
    connect(m_monitor.get(), &card::CardMonitor::cardInserted, this, &CardReaderService::readCard);
    connect(m_monitor.get(), &card::CardMonitor::cardRemoved, this, &CardReaderService::onCardRemoved);
    m_revocationPool.setMaxThreadCount(1);
    connect(m_monitor.get(), &card::CardMonitor::backendError, this, &CardReaderService::backendError);
}

CardReaderService::~CardReaderService()
{
    m_monitor->stop();
    stopRevocationChecks();
}

void CardReaderService::setRevocationLookup(RevocationLookup lookup, std::function<void()> cancel)
{
    stopRevocationChecks();
    m_revocationLookup = std::move(lookup);
    m_cancelRevocation = std::move(cancel);
}

void CardReaderService::stopRevocationChecks()
{
    if (m_cancelRevocation) {
        m_cancelRevocation();
    }
    m_revocationPool.clear();
    m_revocationPool.waitForDone();
}

void CardReaderService::onCardRemoved(const QString& reader)
{
    ++m_generation[reader];
    Q_EMIT cardRemoved(reader);
}

void CardReaderService::start()
{
    m_monitor->start();
}

void CardReaderService::post(std::function<void(card::ReaderBackend&)> job)
{
    m_monitor->post(std::move(job));
}

void CardReaderService::onReadersChanged(const QList<card::ReaderState>& readers)
{
    m_readers = readers;
    Q_EMIT readersChanged(readers);
}

void CardReaderService::readCard(const QString& reader)
{
    Q_EMIT cardReadStarted(reader);
    const quint64 generation = ++m_generation[reader];
    const QPointer<CardReaderService> self(this);
    // TrustStore is not thread-safe: an administrator may install an anchor on this (GUI) thread
    // while the card thread validates (a vector reallocating under a reader). The card thread gets its
    // own copy, taken here on the thread that writes; a few anchors, copied in microseconds.
    auto trust = std::make_shared<const pki::TrustStore>(m_trust);
    const core::Clock* clock = &m_clock;
    m_monitor->post([self, reader, generation, trust, clock](card::ReaderBackend& backend) {
        const CardSummaryReader summaryReader(*trust, *clock);
        auto connection = backend.connect(reader);
        auto summary =
            connection ? summaryReader.read(**connection) : core::Result<CardSummary>(core::fail(connection.error()));
        QMetaObject::invokeMethod(
            self,
            [self, reader, generation, summary = std::move(summary)]() mutable {
                if (!self) {
                    return;
                }
                if (!summary) {
                    qCInfo(lcServices) << "card read failed on" << reader << summary.error().toString();
                    Q_EMIT self->cardReadFailed(reader, summary.error());
                    return;
                }
                self->finishRead(reader, generation, std::move(*summary));
            },
            Qt::QueuedConnection);
    });
}

// The revocation check may wait for an OCSP responder: it runs on m_revocationPool and reports back here.
void CardReaderService::finishRead(const QString& reader, quint64 generation, CardSummary summary)
{
    if (!m_revocationLookup) {
        Q_EMIT cardRead(summary);
        return;
    }
    Q_EMIT revocationCheckStarted(reader);
    m_revocationPool.start([this, lookup = m_revocationLookup, reader, generation, summary]() mutable {
        summary.revocation = lookup(summary);
        // Queued to this object; the pool is drained before it is destroyed (stopRevocationChecks).
        QMetaObject::invokeMethod(
            this,
            [this, reader, generation, summary]() {
                if (m_generation.value(reader) == generation) {
                    Q_EMIT cardRead(summary);
                }
            },
            Qt::QueuedConnection);
    });
}

} // namespace madoguchi::services
