#include "AppOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace madoguchi::app {

std::optional<AppOptions> AppOptions::parse(const QStringList& arguments, QString* error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Madoguchi — the JPKI counter tool"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption training(QStringLiteral("training"),
                                      QCoreApplication::translate("main", "Use the training reader with demo cards."));
    const QCommandLineOption language(QStringLiteral("lang"), QCoreApplication::translate("main", "Language: ja or en."),
                                      QStringLiteral("ja|en"));
    const QCommandLineOption demoCard(QStringLiteral("demo-card"),
                                      QCoreApplication::translate("main", "Training: insert this demo card at start."),
                                      QStringLiteral("id"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QCoreApplication::translate("main", "Save a screenshot and quit."),
                                        QStringLiteral("file.png"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QCoreApplication::translate("main", "Directory for local data."),
                                     QStringLiteral("dir"));
    parser.addOptions({training, language, demoCard, screenshot, dataDir});
    parser.process(arguments); // exits on --help / --version, as users expect
    AppOptions options;
    options.training = parser.isSet(training) || parser.isSet(demoCard);
    options.language = parser.value(language);
    options.demoCard = parser.value(demoCard);
    options.screenshotPath = parser.value(screenshot);
    options.dataDir = parser.value(dataDir);
    if (!options.language.isEmpty() && options.language != QStringLiteral("ja") &&
        options.language != QStringLiteral("en")) {
        *error = QCoreApplication::translate("main", "Unknown language: %1 (use ja or en)").arg(options.language);
        return std::nullopt;
    }
    return options;
}

} // namespace madoguchi::app
