#include "app/cardsim/CardSimController.h"

#include "sim/JpkiCardSim.h"
#include "sim/VpcdClient.h"

#include <QTimer>

#include <cstdio>
#include <unistd.h>

namespace madoguchi::app {

CardSimController::CardSimController(sim::JpkiCardSim& card, const CardSimOptions& options, QObject* parent)
    : QObject(parent), m_card(card), m_vpcd(std::make_unique<sim::VpcdClient>(card, options.host, options.port)),
      m_out(stdout)
{
    connect(m_vpcd.get(), &sim::VpcdClient::connected, this, [this] { emitLine(QStringLiteral("inserted")); });
    connect(m_vpcd.get(), &sim::VpcdClient::disconnected, this, [this] { emitLine(QStringLiteral("removed")); });
    connect(m_vpcd.get(), &sim::VpcdClient::connectFailed, this,
            [](const QString& why) { std::fprintf(stderr, "vpcd: connect failed (%s), retrying\n", qPrintable(why)); });
}

CardSimController::~CardSimController() = default;

void CardSimController::start(const QList<ScheduledCommand>& schedule)
{
    if (schedule.isEmpty()) {
        apply(CardSimCommand::Insert);
    }
    for (const ScheduledCommand& item : schedule) {
        QTimer::singleShot(item.atMs, this, [this, command = item.command] { apply(command); });
    }
    // stdin as an event source (POSIX only: the simulator targets pcscd + vpcd on Linux).
    m_stdin = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
    connect(m_stdin.get(), &QSocketNotifier::activated, this, &CardSimController::onStdinReadable);
}

void CardSimController::apply(CardSimCommand command)
{
    switch (command) {
    case CardSimCommand::Insert:
        m_vpcd->start(); // "inserted" follows when pcscd accepts the connection
        break;
    case CardSimCommand::Remove:
        if (m_vpcd->isStarted()) {
            m_vpcd->stop(); // "removed" follows from the disconnected signal, if it was connected
        }
        break;
    case CardSimCommand::Reset:
        m_card.reset();
        emitLine(QStringLiteral("reset"));
        break;
    case CardSimCommand::Status:
        emitLine(QStringLiteral("status %1")
                     .arg(m_vpcd->isConnected() ? QStringLiteral("inserted")
                          : m_vpcd->isStarted() ? QStringLiteral("connecting")
                                                : QStringLiteral("removed")));
        emitLine(QStringLiteral("apdu-count %1").arg(m_card.apduCount()));
        break;
    case CardSimCommand::Quit:
        m_vpcd->stop();
        emitLine(QStringLiteral("quit"));
        emit quitRequested();
        break;
    }
}

void CardSimController::onStdinReadable()
{
    char buffer[512];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n <= 0) {
        m_stdin->setEnabled(false); // EOF: keep running on the schedule; SIGTERM or "quit" ends us
        return;
    }
    m_pendingInput.append(buffer, n);
    qsizetype newline = 0;
    while ((newline = m_pendingInput.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_pendingInput.left(newline)).trimmed();
        m_pendingInput.remove(0, newline + 1);
        if (line.isEmpty()) {
            continue;
        }
        if (auto command = CardSimOptions::parseCommand(line)) {
            apply(*command);
        } else {
            emitLine(QStringLiteral("error %1").arg(command.error().detail));
        }
    }
}

void CardSimController::emitLine(const QString& line)
{
    m_out << line << '\n';
    m_out.flush();
}

} // namespace madoguchi::app
