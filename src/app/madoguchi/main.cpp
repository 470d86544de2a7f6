#include "AppContext.h"
#include "AppOptions.h"
#include "TrainingSetup.h"
#include "core/Logging.h"
#include "gui/MainWindow.h"
#include "os/ProcessHardening.h"
#include "services/CardReaderService.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTimer>
#include <QTranslator>

using namespace madoguchi;

namespace {

// Japanese first: Japanese on a Japanese locale or when asked, English otherwise.
QString chooseLanguage(const app::AppOptions& options)
{
    if (!options.language.isEmpty()) {
        return options.language;
    }
    return QLocale::system().language() == QLocale::Japanese ? QStringLiteral("ja") : QStringLiteral("en");
}

void installTranslations(QApplication& app, const QString& language)
{
    QLocale::setDefault(QLocale(language == QStringLiteral("ja") ? QLocale::Japanese : QLocale::English,
                                language == QStringLiteral("ja") ? QLocale::Japan : QLocale::UnitedStates));
    auto* qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
    }
    auto* ownTranslator = new QTranslator(&app);
    if (ownTranslator->load(QStringLiteral(":/i18n/madoguchi_%1.qm").arg(language))) {
        QCoreApplication::installTranslator(ownTranslator);
    } else {
        qCWarning(lcGui) << "no translation for" << language;
    }
}

// --screenshot: grab the window once the card (if any) has been read, then quit.
void scheduleScreenshot(gui::MainWindow& window, services::CardReaderService& cards, const app::AppOptions& options)
{
    const QString path = options.screenshotPath;
    auto grab = [&window, path]() {
        window.grab().save(path);
        QCoreApplication::quit();
    };
    if (options.demoCard.isEmpty()) {
        QTimer::singleShot(500, &window, grab);
        return;
    }
    QObject::connect(&cards, &services::CardReaderService::cardRead, &window, [grab]() { QTimer::singleShot(100, grab); });
    QObject::connect(&cards, &services::CardReaderService::cardReadFailed, &window,
                     [grab]() { QTimer::singleShot(100, grab); });
    QTimer::singleShot(10000, &window, grab); // never hang a script
}

} // namespace

int main(int argc, char* argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    const bool hardened = os::disableCoreDumps();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("madoguchi"));
    QApplication::setApplicationDisplayName(QStringLiteral("Madoguchi"));
    QApplication::setApplicationVersion(QStringLiteral(MADOGUCHI_VERSION));
    QApplication::setOrganizationName(QStringLiteral("Madoguchi"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/madoguchi.png")));
    if (!hardened) {
        qCWarning(lcCore) << "could not disable core dumps";
    }

    QString error;
    const auto options = app::AppOptions::parse(QApplication::arguments(), &error);
    installTranslations(app, options ? chooseLanguage(*options) : QStringLiteral("en"));
    if (!options) {
        QMessageBox::critical(nullptr, QStringLiteral("Madoguchi"), error);
        return 2;
    }
    auto context = app::AppContext::create(*options);
    if (!context) {
        QMessageBox::critical(nullptr, QStringLiteral("Madoguchi"),
                              QCoreApplication::translate("main", "Madoguchi cannot start: %1")
                                  .arg(context.error().toString()));
        return 1;
    }
    auto& ctx = **context;
    gui::MainWindow window({&ctx.cards(), ctx.training(), ctx.trust().isTestPkiTrusted()});
    window.show();
    QTimer::singleShot(0, &window, [&sinceStart]() {
        qCInfo(lcGui) << "first window after" << sinceStart.elapsed() << "ms";
    });
    ctx.cards().start();
    if (!options->demoCard.isEmpty() && ctx.training() != nullptr) {
        ctx.training()->insertCard(options->demoCard);
    }
    if (!options->screenshotPath.isEmpty()) {
        scheduleScreenshot(window, ctx.cards(), *options);
    }
    return QApplication::exec();
}
