#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace madoguchi::app {

// One line of the control language, from stdin or from --schedule.
enum class CardSimCommand
{
    Insert,
    Remove,
    Reset,
    Status,
    Quit,
};

struct ScheduledCommand
{
    CardSimCommand command = CardSimCommand::Insert;
    int atMs = 0;
};

// madoguchi-cardsim's command line.
struct CardSimOptions
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 41000;
    QString profileDir; // a resident saved by sim::DemoResidentFiles
    QString demoId;     // --demo ID: a resident of pki::makeDemoSet()
    QString demoDir;    // --demo-dir DIR: where the demo set is cached (loaded if present, else saved)
    QList<ScheduledCommand> schedule;
    bool extendedLength = true; // --no-extended emulates a short-only reader
    quint16 blockedSw = 0x6983; // --blocked-sw 6983|6984|63C0

    // `args` without the program name. Fails with a message fit for stderr.
    [[nodiscard]] static core::Result<CardSimOptions> parse(const QStringList& args);
    [[nodiscard]] static QString usage();
    // "insert@0,remove@1500,insert@3000" (milliseconds after start).
    [[nodiscard]] static core::Result<QList<ScheduledCommand>> parseSchedule(const QString& text);
    // "insert", "remove", "reset", "status", "quit".
    [[nodiscard]] static core::Result<CardSimCommand> parseCommand(const QString& word);
};

} // namespace madoguchi::app
