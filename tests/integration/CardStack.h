#pragma once

#include "PcscdProcess.h"
#include "ProcessLines.h"

#include "card/ReaderBackend.h"
#include "pki/DemoSet.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>

#include <memory>

namespace madoguchi::tests {

// What the card-stack tests and the benchmark share: the cached demo set (one directory that both
// madoguchi-cardsim --demo-dir and madoguchi-cli's XDG cache read), a private pcscd and a
// madoguchi-cardsim process, and waits on reader states (SCardGetStatusChange, never sleeps).
class CardStack final
{
public:
    // `cacheRoot` becomes XDG_CACHE_HOME of the CLI; the demo set lives below it.
    CardStack(QString cacheRoot, QString cardsimExe, QString cliExe);
    ~CardStack();

    // Loads the demo set from the cache or generates and saves it there.
    [[nodiscard]] QString prepareDemoSet();
    [[nodiscard]] const pki::DemoSet& demoSet() const { return m_demoSet; }
    [[nodiscard]] QString demoDir() const;

    [[nodiscard]] QString startPcscd(quint16 port);
    void stopPcscd();
    [[nodiscard]] PcscdProcess* pcscd() { return m_pcscd.get(); }

    // Starts madoguchi-cardsim with demo card `id` and waits for its "inserted" line.
    [[nodiscard]] QString startCardSim(const QString& id, const QStringList& extra = {});
    void stopCardSim();
    // Writes a control line ("remove", "insert", "status") and waits for `expectLine` (if given).
    [[nodiscard]] bool control(const QByteArray& line, const QByteArray& expectLine);
    // The card's own APDU count, from the cardsim's "status" answer; -1 when unknown.
    [[nodiscard]] qint64 cardSimApduCount();

    // Runs madoguchi-cli with `args`, `stdinData` on its stdin; returns the exit code (-1 on crash).
    int runCli(const QStringList& args, const QByteArray& stdinData, QByteArray* out, QByteArray* err = nullptr);

    // Waits until the reader's card presence is `present` (through the backend's waitForChange).
    [[nodiscard]] static bool waitForCard(card::ReaderBackend& backend, const QString& reader, bool present,
                                          int timeoutMs = 10000);

private:
    QString m_cacheRoot;
    QString m_cardsimExe;
    QString m_cliExe;
    pki::DemoSet m_demoSet;
    std::unique_ptr<PcscdProcess> m_pcscd;
    std::unique_ptr<QProcess> m_cardsim;
    std::unique_ptr<ProcessLines> m_cardsimLines;
};

} // namespace madoguchi::tests
