#include "app/cardsim/CardSimOptions.h"

#include <array>
#include <utility>

namespace madoguchi::app {

namespace {

const std::array<std::pair<const char*, CardSimCommand>, 5> CommandWords{{
    {"insert", CardSimCommand::Insert},
    {"remove", CardSimCommand::Remove},
    {"reset", CardSimCommand::Reset},
    {"status", CardSimCommand::Status},
    {"quit", CardSimCommand::Quit},
}};

core::Result<quint16> parseBlockedSw(const QString& text)
{
    const QString upper = text.toUpper();
    for (const quint16 sw : {quint16(0x6983), quint16(0x6984), quint16(0x63C0)}) {
        if (upper == QString::number(sw, 16).toUpper()) {
            return sw;
        }
    }
    return core::fail(core::Errc::InvalidArgument, QStringLiteral("--blocked-sw must be 6983, 6984 or 63C0"));
}

core::Result<quint16> parsePort(const QString& text)
{
    bool ok = false;
    const uint port = text.toUInt(&ok);
    if (!ok || port == 0 || port > 65535) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("--port needs 1..65535"));
    }
    return static_cast<quint16>(port);
}

} // namespace

QString CardSimOptions::usage()
{
    return QStringLiteral("usage: madoguchi-cardsim --profile-dir DIR | --demo ID [--demo-dir DIR]\n"
                          "                         [--port 41000] [--host 127.0.0.1]\n"
                          "                         [--schedule insert@0,remove@1500,...] [--no-extended]\n"
                          "                         [--blocked-sw 6983|6984|63C0]\n"
                          "A simulated My Number Card in pcscd's vpcd reader. Control lines on stdin:\n"
                          "insert, remove, reset, status, quit. Events on stdout, one per line.\n");
}

core::Result<CardSimCommand> CardSimOptions::parseCommand(const QString& word)
{
    for (const auto& [name, command] : CommandWords) {
        if (word == QLatin1String(name)) {
            return command;
        }
    }
    return core::fail(core::Errc::InvalidArgument, QStringLiteral("unknown command \"%1\"").arg(word));
}

core::Result<QList<ScheduledCommand>> CardSimOptions::parseSchedule(const QString& text)
{
    QList<ScheduledCommand> out;
    for (const QString& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList parts = item.trimmed().split(QLatin1Char('@'));
        bool ok = false;
        const int at = parts.size() == 2 ? parts[1].toInt(&ok) : -1;
        auto command = parseCommand(parts[0]);
        if (!command || !ok || at < 0) {
            return core::fail(core::Errc::InvalidArgument,
                              QStringLiteral("bad schedule item \"%1\" (want e.g. insert@0)").arg(item));
        }
        out.append({*command, at});
    }
    return out;
}

core::Result<CardSimOptions> CardSimOptions::parse(const QStringList& args)
{
    CardSimOptions o;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        const bool hasValue = i + 1 < args.size();
        if (arg == QStringLiteral("--no-extended")) {
            o.extendedLength = false;
            continue;
        }
        if (!hasValue) {
            return core::fail(core::Errc::InvalidArgument, QStringLiteral("unknown or incomplete option %1").arg(arg));
        }
        const QString& value = args[++i];
        core::Result<void> ok;
        if (arg == QStringLiteral("--host")) {
            o.host = value;
        } else if (arg == QStringLiteral("--profile-dir")) {
            o.profileDir = value;
        } else if (arg == QStringLiteral("--demo")) {
            o.demoId = value;
        } else if (arg == QStringLiteral("--demo-dir")) {
            o.demoDir = value;
        } else if (arg == QStringLiteral("--port")) {
            ok = parsePort(value).map([&](quint16 p) { o.port = p; });
        } else if (arg == QStringLiteral("--schedule")) {
            ok = parseSchedule(value).map([&](QList<ScheduledCommand> s) { o.schedule = std::move(s); });
        } else if (arg == QStringLiteral("--blocked-sw")) {
            ok = parseBlockedSw(value).map([&](quint16 sw) { o.blockedSw = sw; });
        } else {
            return core::fail(core::Errc::InvalidArgument, QStringLiteral("unknown option %1").arg(arg));
        }
        if (!ok) {
            return core::fail(ok.error());
        }
    }
    return o;
}

} // namespace madoguchi::app
