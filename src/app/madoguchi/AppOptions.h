#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace madoguchi::app {

// The desktop app's command line.
struct AppOptions
{
    bool training = false;  // use the training reader (demo cards) instead of PC/SC
    QString language;       // "ja", "en" or empty = from the system locale
    QString demoCard;       // training: put this demo card on the reader at start
    QString screenshotPath; // grab the window to this PNG once it settled, then quit
    QString dataDir;        // overrides the per-user data directory
    QString demoOperator;   // training: sign in the demo operator of this role (e.g. "admin")
    int page = 0;           // 1–8: show this page first (Card … Operators)

    [[nodiscard]] static std::optional<AppOptions> parse(const QStringList& arguments, QString* error);
};

} // namespace madoguchi::app
