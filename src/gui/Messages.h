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
    // The technical line for support, shown under the sentence in smaller print.
    [[nodiscard]] static QString technical(const core::Error& error) { return error.toString(); }
};

} // namespace madoguchi::gui
