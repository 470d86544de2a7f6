#include "TrainingSetup.h"

#include "core/Logging.h"
#include "sim/TrainingBackend.h"

#include <QDir>

namespace madoguchi::app {

TrainingSetup::TrainingSetup(pki::DemoSet demoSet)
    : m_demoSet(std::move(demoSet)), m_backend(std::make_shared<sim::TrainingBackend>())
{}

TrainingSetup::~TrainingSetup() = default;

core::Result<std::unique_ptr<TrainingSetup>> TrainingSetup::open(const QString& dataDir)
{
    // The set embedded at build time (src/app/demoset): a few milliseconds, no key generation.
    auto loaded = pki::DemoSet::loadFrom(QStringLiteral(":/training/demo-set"));
    const QString directory = QDir(dataDir).filePath(QStringLiteral("training/demo-set"));
    if (!loaded) {
        loaded = pki::DemoSet::loadFrom(directory);
    }
    if (!loaded) {
        qCInfo(lcCore) << "generating the training demo set in" << directory << "(" << loaded.error().toString() << ")";
        loaded = pki::makeDemoSet();
        if (!loaded) {
            return core::fail(loaded.error());
        }
        if (auto saved = loaded->saveTo(directory); !saved) {
            qCWarning(lcCore) << "cannot cache the demo set:" << saved.error().toString();
        }
    }
    return std::unique_ptr<TrainingSetup>(new TrainingSetup(std::move(*loaded)));
}

QList<services::TrainingControl::DemoCard> TrainingSetup::demoCards() const
{
    QList<DemoCard> cards;
    for (const auto& resident : m_demoSet.residents) {
        cards.append({resident.id, resident.description});
    }
    return cards;
}

void TrainingSetup::insertCard(const QString& id)
{
    const auto* resident = m_demoSet.resident(id);
    if (resident == nullptr) {
        qCWarning(lcCore) << "no demo card" << id;
        return;
    }
    if (auto inserted = m_backend->insert(*resident); !inserted) {
        qCWarning(lcCore) << "cannot insert demo card" << id << inserted.error().toString();
    }
}

void TrainingSetup::removeCard()
{
    m_backend->remove();
}

} // namespace madoguchi::app
