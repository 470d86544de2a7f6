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
    connect(m_monitor.get(), &card::CardMonitor::cardRemoved, this, &CardReaderService::cardRemoved);
    connect(m_monitor.get(), &card::CardMonitor::backendError, this, &CardReaderService::backendError);
}

CardReaderService::~CardReaderService()
{
    m_monitor->stop();
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
    const QPointer<CardReaderService> self(this);
    // TrustStore is not thread-safe: an administrator may install an anchor on this (GUI) thread
    // while the card thread validates (a vector reallocating under a reader). The card thread gets its
    // own copy, taken here on the thread that writes; a few anchors, copied in microseconds.
    auto trust = std::make_shared<const pki::TrustStore>(m_trust);
    const core::Clock* clock = &m_clock;
    m_monitor->post([self, reader, trust, clock](card::ReaderBackend& backend) {
        const CardSummaryReader summaryReader(*trust, *clock);
        auto connection = backend.connect(reader);
        auto summary =
            connection ? summaryReader.read(**connection) : core::Result<CardSummary>(core::fail(connection.error()));
        QMetaObject::invokeMethod(
            self,
            [self, reader, summary = std::move(summary)]() mutable {
                if (!self) {
                    return;
                }
                if (summary) {
                    if (self->m_revocationLookup) {
                        summary->revocation = self->m_revocationLookup(*summary);
                    }
                    Q_EMIT self->cardRead(*summary);
                } else {
                    qCInfo(lcServices) << "card read failed on" << reader << summary.error().toString();
                    Q_EMIT self->cardReadFailed(reader, summary.error());
                }
            },
            Qt::QueuedConnection);
    });
}

} // namespace madoguchi::services
