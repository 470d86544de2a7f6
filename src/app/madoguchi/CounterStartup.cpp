#include "CounterStartup.h"

#include "AppContext.h"
#include "core/Logging.h"
#include "gui/FirstRunDialog.h"
#include "gui/Messages.h"
#include "services/CounterSetup.h"
#include "services/StoreSession.h"
#include "store/OsKeychain.h"

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
    // Probed once, before the page shows: the keychain choice is enabled only where one answers.
    store::OsKeychain keychain;
    const core::Result<void> available = keychain.probe();
    gui::FirstRunDialog dialog(context.dataDir(), available,
                               [&](core::SecureBytes passphrase, const services::NewOperator& admin,
                                   core::SecureBytes password, store::KeyWrapping wrapping) -> core::Result<void> {
                                   auto provider = wrapping == store::KeyWrapping::KeychainAndPassphrase
                                                       ? keychain.providerFor(path)
                                                       : nullptr;
                                   auto store = services::CounterSetup::createCounter(
                                       path, std::move(passphrase), admin, password, context.clock(),
                                       context.recorder(), {}, std::move(provider));
                                   if (!store) {
                                       return core::fail(store.error());
                                   }
                                   context.attachStore(std::move(*store));
                                   return {};
                               });
    return dialog.exec() == QDialog::Accepted;
}

// The database key is wrapped by the administrator's passphrase (architecture.md §4), and, when the
// first run chose it, also held by the OS keychain: then the counter opens without a prompt, and the
// recovery passphrase is asked for only when the keychain cannot give the key (docs/storage.md "Keys").
core::Result<bool> CounterStartup::unlockExisting(AppContext& context, const QString& path)
{
    store::OsKeychain keychain;
    auto unlock = services::CounterSetup::unlockWithoutPrompt(path, keychain);
    if (unlock.session) {
        context.attachStore(std::move(*unlock.session));
        return true;
    }
    const bool recovery = unlock.keychainProblem.has_value();
    QString problem =
        recovery ? QStringLiteral("⚠ ") + gui::Messages::keychainFallback(*unlock.keychainProblem) : QString();
    for (;;) {
        bool ok = false;
        const QString label =
            recovery ? QCoreApplication::translate("main", "Recovery passphrase of the counter database:")
                     : QCoreApplication::translate("main", "Administrator passphrase of the counter database:");
        const QString passphrase = QInputDialog::getText(
            nullptr, QCoreApplication::translate("main", "Open the counter"),
            problem.isEmpty() ? label : problem + QStringLiteral("\n\n") + label, QLineEdit::Password, QString(), &ok);
        if (!ok) {
            return false;
        }
        auto store = services::StoreSession::open(path, core::SecureBytes(passphrase.toUtf8()),
                                                  services::StoreSession::Schema::Migrate, keychain.providerFor(path));
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
