#pragma once

#include "AppOptions.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "pki/TrustStore.h"

#include <memory>

namespace madoguchi::services {
class CardReaderService;
}

namespace madoguchi::app {

class TrainingSetup;

// Everything the desktop app's services need, built once in main() and handed down: no singletons
// (architecture.md §2). Owns the objects; the GUI only borrows them.
class AppContext final
{
public:
    [[nodiscard]] static core::Result<std::unique_ptr<AppContext>> create(const AppOptions& options);
    ~AppContext();

    [[nodiscard]] services::CardReaderService& cards() const { return *m_cards; }
    [[nodiscard]] TrainingSetup* training() const { return m_training.get(); }
    [[nodiscard]] const pki::TrustStore& trust() const { return m_trust; }
    [[nodiscard]] const core::Clock& clock() const { return m_clock; }
    [[nodiscard]] QString dataDir() const { return m_dataDir; }

private:
    AppContext(pki::TrustStore trust, QString dataDir);

    core::SystemClock m_clock;
    pki::TrustStore m_trust;
    QString m_dataDir;
    std::unique_ptr<TrainingSetup> m_training;
    std::unique_ptr<services::CardReaderService> m_cards;
};

} // namespace madoguchi::app
