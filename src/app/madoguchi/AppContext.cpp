#include "AppContext.h"

#include "card/SharedReaderBackend.h"
#include "TrainingSetup.h"
#include "card/PcscBackend.h"
#include "audit/AuditLog.h"
#include "core/Logging.h"
#include "services/AuditChangeRecorder.h"
#include "services/AuditSetup.h"
#include "services/AuditTrail.h"
#include "services/CardReaderService.h"
#include "services/CardSignInService.h"
#include "services/CounterSetup.h"
#include "services/CrlOverview.h"
#include "services/EnrolmentService.h"
#include "services/LinkageService.h"
#include "services/RevocationQueue.h"
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
    // A signed tree head at shut-down (architecture.md §6), so an auditor sees the log's last state.
    if (m_auditLog) {
        if (auto head = m_auditLog->signTreeHead(); !head) {
            qCWarning(lcAudit) << "no tree head at shut-down:" << head.error().toString();
        }
    }
    m_enrolment.reset();
    m_linkages.reset();
    m_revocationQueue.reset();
    m_cardSignIn.reset();
    m_session.reset();
    m_operators.reset();
    m_store.reset();
    m_cards.reset(); // stop the card thread before the backends it uses go away
}

void AppContext::attachStore(services::StoreSession store)
{
    m_cardSignIn.reset();
    m_session.reset();
    m_operators.reset();
    m_store = std::make_unique<services::StoreSession>(std::move(store));
    attachAudit();
    m_operators = std::make_unique<services::OperatorService>(m_store->database(), m_clock, m_recorder);
    m_session = std::make_unique<services::SessionService>(*m_operators, isTraining());
    m_session->setLockTimeout(m_settings->lockMinutes() * 60 * 1000);
    m_cardSignIn = std::make_unique<services::CardSignInService>(*m_cards, *m_operators, m_trust, m_clock,
                                                                 services::AuditSetup::defaultTerminal());
    m_settings->attachAudit(&m_store->database(), m_recorder);
    recordSessionAndCardEvents(); // connected first: sign-out is recorded for the operator leaving
    // Pages keep a reference to m_currentOperator; it follows the session.
    const auto follow = [this]() { m_currentOperator = m_session->actor(); };
    QObject::connect(m_session.get(), &services::SessionService::signedIn, m_session.get(), follow);
    QObject::connect(m_session.get(), &services::SessionService::unlocked, m_session.get(), follow);
    QObject::connect(m_session.get(), &services::SessionService::signedOut, m_session.get(), follow);
    QObject::connect(m_session.get(), &services::SessionService::locked, m_session.get(), follow);
    attachCounterServices();
}

// The tamper-evident log (architecture.md §6): every linkage, operator and settings change is written
// in the same transaction as its audit entry. Without it the app still runs, unaudited, and says so.
void AppContext::attachAudit()
{
    const QString path = isTraining() ? services::CounterSetup::trainingDatabasePath(m_dataDir)
                                      : services::CounterSetup::databasePath(m_dataDir);
    auto log = services::AuditSetup::openLog(m_store->database(), path, m_clock);
    if (!log) {
        qCWarning(lcAudit) << "audit log unavailable:" << log.error().toString();
        m_recorder = nullptr;
        return;
    }
    m_auditLog = std::make_unique<audit::AuditLog>(std::move(*log));
    m_auditRecorder = std::make_unique<services::AuditChangeRecorder>(*m_auditLog);
    m_recorder = m_auditRecorder.get();
}

// Sign-in, sign-out and every card read go to the audit log (issue 5 item 1); a card read is recorded
// as tap-only: the proof of the holder is recorded by the enrolment itself.
void AppContext::recordSessionAndCardEvents()
{
    if (!m_auditLog) {
        return;
    }
    m_auditTrail = std::make_unique<services::AuditTrail>(*m_auditLog);
    auto* trail = m_auditTrail.get();
    const auto warn = [](const auto& result) {
        if (!result) {
            qCWarning(lcAudit) << "audit entry not written:" << result.error().toString();
        }
    };
    QObject::connect(m_session.get(), &services::SessionService::signedIn, m_session.get(),
                     [trail, warn](const services::Operator& op) { warn(trail->signedIn(op)); });
    QObject::connect(m_session.get(), &services::SessionService::signedOut, m_session.get(),
                     [this, trail, warn]() { warn(trail->signedOut(m_currentOperator)); });
    QObject::connect(
        m_cards.get(), &services::CardReaderService::cardRead, m_session.get(),
        [this, trail, warn](const services::CardSummary& card) {
            if (!m_currentOperator.id.isEmpty()) {
                warn(trail->cardRead(m_currentOperator, {card.issuerKeyId, card.serial}, QStringLiteral("tap_only")));
            }
        });
}

void AppContext::attachCounterServices()
{
    const QString terminal = services::AuditSetup::defaultTerminal();
    m_linkages = std::make_unique<services::LinkageService>(m_store->database(), m_clock, QStringLiteral("T1"), nullptr,
                                                            m_recorder);
    m_enrolment = std::make_unique<services::EnrolmentService>(
        *m_cards, *m_linkages, m_clock,
        services::EnrolmentService::Settings{terminal, m_settings->photoCheckApproved()});
    m_crls = std::make_unique<services::CrlOverview>(QDir(m_dataDir).filePath(QStringLiteral("crl-cache")), m_clock);
    m_revocationQueue = std::make_unique<services::RevocationQueue>(m_store->database(), m_clock);
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
