#include "AppContext.h"
#include "AppOptions.h"
#include "CounterStartup.h"
#include "TrainingSetup.h"
#include "core/Logging.h"
#include "gui/LanguageSwitcher.h"
#include "gui/MainWindow.h"
#include "gui/ReaderPanel.h"
#include "os/ProcessHardening.h"
#include "services/CardReaderService.h"
#include "services/CounterSetup.h"
#include "services/SessionService.h"
#include "services/SettingsService.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QIcon>
#include <QMessageBox>
#include <QTimer>

#include <cstdio>

using namespace madoguchi;

namespace {

// Japanese first: the command line, then this machine's setting, then the system locale.
QString chooseLanguage(const app::AppOptions& options, const services::SettingsService& settings)
{
    if (!options.language.isEmpty()) {
        return options.language;
    }
    const QString stored = settings.language();
    return stored.isEmpty() ? gui::LanguageSwitcher::systemDefault() : stored;
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
    QObject::connect(&cards, &services::CardReaderService::cardRead, &window,
                     [grab]() { QTimer::singleShot(100, grab); });
    QObject::connect(&cards, &services::CardReaderService::cardReadFailed, &window,
                     [grab]() { QTimer::singleShot(100, grab); });
    QTimer::singleShot(10000, &window, grab); // never hang a script
}

int fail(const QString& message)
{
    QMessageBox::critical(nullptr, QStringLiteral("Madoguchi"),
                          QCoreApplication::translate("main", "Madoguchi cannot start: %1").arg(message));
    return 1;
}

// --demo-operator: training only, no dialog (scripts, screenshots, GUI tests).
core::Result<void> signInDemoOperator(app::AppContext& ctx, const QString& roleName)
{
    const auto role = services::roleFromName(roleName);
    if (!role || !ctx.isTraining()) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("--demo-operator needs --training and a role"));
    }
    auto op = ctx.session()->signInTrainingOperator(services::CounterSetup::trainingLoginFor(*role));
    return op ? core::Result<void>{} : core::fail(op.error());
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

    gui::LanguageSwitcher language;
    QString error;
    const auto options = app::AppOptions::parse(QApplication::arguments(), &error);
    if (!options) {
        // A usage error goes to stderr like --help's text: a modal box would hang a headless script.
        language.switchTo(gui::LanguageSwitcher::systemDefault());
        std::fprintf(stderr, "madoguchi: %s\n", error.toLocal8Bit().constData());
        return 2;
    }
    auto context = app::AppContext::create(*options);
    if (!context) {
        language.switchTo(gui::LanguageSwitcher::systemDefault());
        return fail(context.error().toString());
    }
    auto& ctx = **context;
    language.switchTo(chooseLanguage(*options, ctx.settings()));
    auto opened = app::CounterStartup::open(ctx);
    if (!opened) {
        return fail(opened.error().toString());
    }
    if (!*opened) {
        return 0; // cancelled at first run or at the passphrase
    }
    QObject::connect(&ctx.settings(), &services::SettingsService::changed, ctx.session(),
                     [&ctx](services::SettingsService::Key key) {
                         if (key == services::SettingsService::Key::LockMinutes) {
                             ctx.session()->setLockTimeout(ctx.settings().lockMinutes() * 60 * 1000);
                         }
                     });
    if (!options->demoOperator.isEmpty()) {
        if (auto signedIn = signInDemoOperator(ctx, options->demoOperator); !signedIn) {
            return fail(signedIn.error().toString());
        }
    }
    gui::MainWindow::Context windowContext{&ctx.cards(),  ctx.training(),  ctx.trust().isTestPkiTrusted(),
                                           ctx.session(), ctx.operators(), &ctx.settings(),
                                           &ctx.trust(),  &language};
    windowContext.currentOperator = &ctx.currentOperator();
    windowContext.clock = &ctx.clock();
    windowContext.enrolment = ctx.enrolment();
    windowContext.linkages = ctx.linkages();
    windowContext.crls = ctx.crls();
    windowContext.revocationQueue = ctx.revocationQueue();
    windowContext.crlSweep = ctx.crlSweep();
    windowContext.audit = ctx.auditView();
    windowContext.openWorkerDatabase = ctx.workerDatabaseOpener();
    windowContext.openWorkerAudit = ctx.workerAuditOpener();
    windowContext.sync = ctx.sync();
    windowContext.cardSignIn = ctx.cardSignIn();
    gui::MainWindow window(windowContext);
    if (options->page > 0) {
        window.showPage(static_cast<services::Workspace>(options->page - 1));
    }
    window.show();
    QTimer::singleShot(0, &window,
                       [&sinceStart]() { qCInfo(lcGui) << "first window after" << sinceStart.elapsed() << "ms"; });
    ctx.cards().start();
    if (!options->demoCard.isEmpty() && !window.readerPanel()->insertDemoCard(options->demoCard)) {
        qCWarning(lcGui) << "no demo card" << options->demoCard;
    }
    if (!options->screenshotPath.isEmpty()) {
        scheduleScreenshot(window, ctx.cards(), *options);
    }
    return QApplication::exec();
}
