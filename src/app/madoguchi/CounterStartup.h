#pragma once

#include "core/Result.h"

namespace madoguchi::app {

class AppContext;

// Opens this counter's database before the window: in training mode the training counter (created
// the first time, TEST credentials); otherwise the first-run dialog when no database exists, or
// the administrator's passphrase for the existing one. false = the user cancelled.
class CounterStartup final
{
public:
    CounterStartup() = delete;

    [[nodiscard]] static core::Result<bool> open(AppContext& context);

private:
    [[nodiscard]] static core::Result<bool> firstRun(AppContext& context, const QString& path);
    [[nodiscard]] static core::Result<bool> unlockExisting(AppContext& context, const QString& path);
};

} // namespace madoguchi::app
