#pragma once

#include "app/cardsim/CardSimOptions.h"

#include <QObject>
#include <QSocketNotifier>
#include <QTextStream>

#include <memory>

namespace madoguchi::sim {
class JpkiCardSim;
class VpcdClient;
} // namespace madoguchi::sim

namespace madoguchi::app {

// Runs one simulated card in pcscd's vpcd reader: applies --schedule and the stdin control lines,
// and prints one machine-readable line per event on stdout ("inserted", "removed", "apdu-count N")
// so that tests wait on lines, not on sleeps.
class CardSimController final : public QObject
{
    Q_OBJECT

public:
    CardSimController(sim::JpkiCardSim& card, const CardSimOptions& options, QObject* parent = nullptr);
    ~CardSimController() override;
    Q_DISABLE_COPY_MOVE(CardSimController)

    // Starts the schedule (or inserts the card at once when there is none) and the stdin reader.
    void start(const QList<ScheduledCommand>& schedule);
    void apply(CardSimCommand command);

signals:
    void quitRequested();

private:
    void onStdinReadable();
    void emitLine(const QString& line);

    sim::JpkiCardSim& m_card;
    std::unique_ptr<sim::VpcdClient> m_vpcd;
    std::unique_ptr<QSocketNotifier> m_stdin;
    QTextStream m_out;
    QByteArray m_pendingInput;
};

} // namespace madoguchi::app
