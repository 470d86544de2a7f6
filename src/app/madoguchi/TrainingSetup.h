#pragma once

#include "core/Result.h"
#include "pki/DemoSet.h"
#include "services/TrainingControl.h"

#include <QString>

#include <memory>

namespace madoguchi::sim {
class TrainingBackend;
}

namespace madoguchi::app {

// The embedded default's training reader: the demo set (generated at build time and embedded, loaded
// in milliseconds) and a simulated reader that the GUI puts demo cards on.
class TrainingSetup final : public services::TrainingControl
{
public:
    // Loads the demo set embedded at build time; without it <dataDir>/training/demo-set, or generates
    // and saves it there (seconds: ~21 RSA keys).
    [[nodiscard]] static core::Result<std::unique_ptr<TrainingSetup>> open(const QString& dataDir);
    ~TrainingSetup() override;

    [[nodiscard]] const pki::DemoSet& demoSet() const { return m_demoSet; }
    [[nodiscard]] const std::shared_ptr<sim::TrainingBackend>& backend() const { return m_backend; }

    [[nodiscard]] QList<DemoCard> demoCards() const override;
    void insertCard(const QString& id) override;
    void removeCard() override;

private:
    explicit TrainingSetup(pki::DemoSet demoSet);

    pki::DemoSet m_demoSet;
    std::shared_ptr<sim::TrainingBackend> m_backend;
};

} // namespace madoguchi::app
