#include "CounterStartup.h"

#include "AppContext.h"
#include "core/Logging.h"
#include "gui/FirstRunDialog.h"
#include "gui/Messages.h"
#include "services/CounterSetup.h"
#include "services/StoreSession.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QLineEdit>

namespace madoguchi::app {

core::Result<bool> CounterStartup::open(AppContext& context)
{
    if (context.isTraining()) {
        auto store =
            services::CounterSetup::openOrCreateTraining(context.dataDir(), context.clock(), context.recorder());
        if (!store) {
            return core::fail(store.error());
        }
        context.attachStore(std::move(*store));
        return true;
    }
    const QString path = services::CounterSetup::databasePath(context.dataDir());
    return services::CounterSetup::exists(path) ? unlockExisting(context, path) : firstRun(context, path);
}

core::Result<bool> CounterStartup::firstRun(AppContext& context, const QString& path)
{
    gui::FirstRunDialog dialog(context.dataDir(),
                               [&](core::SecureBytes passphrase, const services::NewOperator& admin,
                                   core::SecureBytes password) -> core::Result<void> {
                                   auto store = services::CounterSetup::createCounter(path, std::move(passphrase),
                                                                                      admin, password, context.clock(),
                                                                                      context.recorder());
                                   if (!store) {
                                       return core::fail(store.error());
                                   }
                                   context.attachStore(std::move(*store));
                                   return {};
                               });
    return dialog.exec() == QDialog::Accepted;
}

// The database key is wrapped by the administrator's passphrase (architecture.md §4; the OS keychain
// is another issue), so an administrator opens the counter once per start.
core::Result<bool> CounterStartup::unlockExisting(AppContext& context, const QString& path)
{
    QString problem;
    for (;;) {
        bool ok = false;
        const QString label = QCoreApplication::translate("main", "Administrator passphrase of the counter database:");
        const QString passphrase = QInputDialog::getText(
            nullptr, QCoreApplication::translate("main", "Open the counter"),
            problem.isEmpty() ? label : problem + QStringLiteral("\n\n") + label, QLineEdit::Password, QString(), &ok);
        if (!ok) {
            return false;
        }
        auto store = services::StoreSession::open(path, core::SecureBytes(passphrase.toUtf8()),
                                                  services::StoreSession::Schema::Migrate);
        if (store) {
            context.attachStore(std::move(*store));
            return true;
        }
        if (store.error().code != core::Errc::WrongKey) {
            return core::fail(store.error());
        }
        problem = QStringLiteral("⚠ ") + gui::Messages::describe(store.error());
    }
}

} // namespace madoguchi::app
