#include "AppContext.h"

#include "card/SharedReaderBackend.h"
#include "TrainingSetup.h"
#include "card/PcscBackend.h"
#include "services/CardReaderService.h"
#include "services/OperatorService.h"
#include "services/SessionService.h"
#include "services/SettingsService.h"
#include "services/StoreSession.h"
#include "sim/TrainingBackend.h"

#include <QDir>
#include <QStandardPaths>

namespace madoguchi::app {

AppContext::AppContext(pki::TrustStore trust, QString dataDir)
    : m_trust(std::move(trust)), m_dataDir(std::move(dataDir))
{}

AppContext::~AppContext()
{
    m_session.reset();
    m_operators.reset();
    m_store.reset();
    m_cards.reset(); // stop the card thread before the backends it uses go away
}

void AppContext::attachStore(services::StoreSession store)
{
    m_session.reset();
    m_operators.reset();
    m_store = std::make_unique<services::StoreSession>(std::move(store));
    m_operators = std::make_unique<services::OperatorService>(m_store->database(), m_clock, m_recorder);
    m_session = std::make_unique<services::SessionService>(*m_operators, isTraining());
    m_session->setLockTimeout(m_settings->lockMinutes() * 60 * 1000);
    m_settings->attachAudit(&m_store->database(), m_recorder);
}

core::Result<std::unique_ptr<AppContext>> AppContext::create(const AppOptions& options)
{
    const QString dataDir = options.dataDir.isEmpty()
                                ? QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
                                : options.dataDir;
    QDir().mkpath(dataDir);
    const auto mode = options.training ? pki::TrustMode::Training : pki::TrustMode::Production;
    auto trust = pki::TrustStore::load(mode, QDir(dataDir).filePath(QStringLiteral("trust-anchors.pem")));
    if (!trust) {
        return core::fail(trust.error());
    }
    std::unique_ptr<AppContext> context(new AppContext(std::move(*trust), dataDir));
    // Training keeps its settings apart too, so a trainee's choices never touch the office's.
    context->m_settings = std::make_unique<services::SettingsService>(QDir(dataDir).filePath(
        options.training ? QStringLiteral("training/madoguchi.ini") : QStringLiteral("madoguchi.ini")));
    services::CardReaderService::BackendFactory factory;
    if (options.training) {
        auto training = TrainingSetup::open(dataDir);
        if (!training) {
            return core::fail(training.error());
        }
        context->m_training = std::move(*training);
        // Only training mode trusts the demo set's TEST roots; the GUI then shows the banner.
        for (const auto* ca :
             {&context->m_training->demoSet().authCaCertDer, &context->m_training->demoSet().signCaCertDer}) {
            if (auto added = context->m_trust.addTestAnchor(*ca); !added) {
                return core::fail(added.error());
            }
        }
        factory = [backend = context->m_training->backend()]() -> std::unique_ptr<card::ReaderBackend> {
            return std::make_unique<card::SharedReaderBackend>(backend);
        };
    } else {
        factory = []() -> std::unique_ptr<card::ReaderBackend> { return std::make_unique<card::PcscBackend>(); };
    }
    context->m_cards =
        std::make_unique<services::CardReaderService>(std::move(factory), context->m_trust, context->m_clock);
    return context;
}

} // namespace madoguchi::app
