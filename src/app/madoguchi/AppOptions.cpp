#include "AppOptions.h"

#include "services/Operator.h"

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
    const QCommandLineOption language(
        QStringLiteral("lang"), QCoreApplication::translate("main", "Language: ja or en."), QStringLiteral("ja|en"));
    const QCommandLineOption demoCard(QStringLiteral("demo-card"),
                                      QCoreApplication::translate("main", "Training: insert this demo card at start."),
                                      QStringLiteral("id"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QCoreApplication::translate("main", "Save a screenshot and quit."),
                                        QStringLiteral("file.png"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QCoreApplication::translate("main", "Directory for local data."),
                                     QStringLiteral("dir"));
    const QCommandLineOption demoOperator(
        QStringLiteral("demo-operator"),
        QCoreApplication::translate("main", "Training: sign in the demo operator of this role without a dialog "
                                            "(municipal_staff, insurer_clerk, auditor, admin)."),
        QStringLiteral("role"));
    const QCommandLineOption page(
        QStringLiteral("page"), QCoreApplication::translate("main", "Show this page first (1 = Card … 8 = Operators)."),
        QStringLiteral("n"));
    parser.addOptions({training, language, demoCard, screenshot, dataDir, demoOperator, page});
    parser.process(arguments); // exits on --help / --version, as users expect
    AppOptions options;
    options.training = parser.isSet(training) || parser.isSet(demoCard) || parser.isSet(demoOperator);
    options.demoOperator = parser.value(demoOperator);
    if (!options.demoOperator.isEmpty() && !services::roleFromName(options.demoOperator)) {
        *error = QCoreApplication::translate("main", "Unknown role: %1").arg(options.demoOperator);
        return std::nullopt;
    }
    if (parser.isSet(page)) {
        bool ok = false;
        options.page = parser.value(page).toInt(&ok);
        if (!ok || options.page < 1 || options.page > 8) {
            *error = QCoreApplication::translate("main", "Unknown page: %1 (use 1-8)").arg(parser.value(page));
            return std::nullopt;
        }
    }
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
