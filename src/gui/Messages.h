#pragma once

#include "core/Error.h"

#include <QCoreApplication>
#include <QString>

namespace madoguchi::gui {

// All wording of errors for people lives here, once, in Japanese and English (architecture.md §2).
class Messages final
{
    Q_DECLARE_TR_FUNCTIONS(Messages)

public:
    // A sentence a counter clerk can act on, e.g. "The card was removed. Put it back and try again."
    [[nodiscard]] static QString describe(const core::Error& error);
    // Why the OS keychain cannot hold or give the database key, e.g. "No keychain service answers
    // on this computer." (the first-run page, and the start before the recovery passphrase prompt).
    [[nodiscard]] static QString keychainProblem(const core::Error& error);
    // First run: the keychain would not take the key; nothing was created.
    [[nodiscard]] static QString keychainStoreFailed(const core::Error& error);
    // The start's fallback: the keychain did not open the counter, so the recovery passphrase is asked for.
    [[nodiscard]] static QString keychainFallback(const core::Error& error);
    // The technical line for support, shown under the sentence in smaller print.
    [[nodiscard]] static QString technical(const core::Error& error) { return error.toString(); }
};

} // namespace madoguchi::gui
