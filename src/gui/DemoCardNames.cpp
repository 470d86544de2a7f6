#include "gui/DemoCardNames.h"

namespace madoguchi::gui {

QString DemoCardNames::label(const QString& id, const QString& fallback)
{
    struct Row
    {
        const char* id;
        QString label;
    };
    const Row rows[] = {
        {"valid", tr("Valid card")},
        {"moved", tr("Moved (signing certificate revoked, reason 3)")},
        {"lost", tr("Lost card (both certificates revoked, reason 1)")},
        {"renewed", tr("Renewed card (new serial)")},
        {"renewed-old", tr("Card before renewal (superseded, reason 4)")},
        {"expired", tr("Expired certificates")},
        {"face-auth", tr("Face-authentication card (no PINs)")},
        {"long-address", tr("Long address with substitute characters")},
        {"one-try", tr("PIN with one try left")},
        {"juki", tr("Old Basic Resident Register card")},
        {"under15", tr("Holder under 15 (no signing certificate)")},
    };
    for (const auto& row : rows) {
        if (id == QLatin1String(row.id)) {
            return row.label;
        }
    }
    return fallback.isEmpty() ? id : fallback;
}

} // namespace madoguchi::gui
