#include "AppContext.h"

#include "card/SharedReaderBackend.h"
#include "TrainingCrls.h"
#include "TrainingSetup.h"
#include "services/VaultSealer.h"
#include "card/PcscBackend.h"
#include "audit/AuditLog.h"
#include "core/Logging.h"
#include "services/AuditChangeRecorder.h"
#include "services/AuditSetup.h"
#include "services/AuditTrail.h"
#include "services/AuditViewSource.h"
#include "services/CardReaderService.h"
#include "services/CardRevocationChecker.h"
#include "services/CardSignInService.h"
#include "services/CounterSetup.h"
#include "services/CrlOverview.h"
#include "services/CrlSweep.h"
#include "services/EnrolmentService.h"
#include "services/LinkageService.h"
#include "services/RevocationQueue.h"
#include "services/OperatorService.h"
#include "services/PlatformFeedRevocationSource.h"
#include "services/SessionService.h"
#include "services/SettingsService.h"
#include "services/SyncService.h"
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
    m_sync.reset(); // waits for a running sync worker
    if (m_cards) {
        m_cards->setRevocationLookup({}); // waits for a running check before its checker goes
    }
    m_revocationChecker.reset();
    m_auditView.reset();
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
    recordSessionAndCardEvents();
    // Pages keep a reference to m_currentOperator; it follows the session.
    const auto follow = [this]() { m_currentOperator = m_session->actor(); };
    QObject::connect(m_session.get(), &services::SessionService::signedIn, m_session.get(), follow);
    QObject::connect(m_session.get(), &services::SessionService::unlocked, m_session.get(), follow);
    QObject::connect(m_session.get(), &services::SessionService::signedOut, m_session.get(), follow);
    QObject::connect(m_session.get(), &services::SessionService::locked, m_session.get(), follow);
    attachCounterServices();
    if (m_auditLog) {
        m_auditView = std::make_unique<services::AuditViewSource>(m_store->databasePath(),
                                                                  m_store->workerConnectionOpener(), m_currentOperator);
    }
}

std::function<core::Result<store::Database>()> AppContext::workerDatabaseOpener() const
{
    return m_store ? m_store->workerConnectionOpener() : std::function<core::Result<store::Database>()>{};
}

services::WorkerAuditOpener AppContext::workerAuditOpener() const
{
    if (!m_store || !m_auditLog) {
        return {};
    }
    return [path = m_store->databasePath(), clock = &m_clock](store::Database& db) {
        return services::WorkerAudit::open(db, path, *clock);
    };
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
    // Sign-in (demo operators; password sign-ins by OperatorService), sign-out and failed sign-ins.
    m_session->setAuditTrail(trail);
    const auto warn = [](const auto& result) {
        if (!result) {
            qCWarning(lcAudit) << "audit entry not written:" << result.error().toString();
        }
    };
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
    m_cards->setRevocationLookup({}); // a running check uses the CRL overview replaced below
    m_revocationChecker.reset();
    const QString terminal = services::AuditSetup::defaultTerminal();
    m_vaultSealer =
        services::loadVaultSealer(isTraining() ? &m_training->demoSet() : nullptr,
                                  m_settings->value(services::SettingsService::Key::TerminalCertificate).toString());
    m_linkages = std::make_unique<services::LinkageService>(m_store->database(), m_clock, QStringLiteral("T1"),
                                                            m_vaultSealer ? &*m_vaultSealer : nullptr, m_recorder);
    m_enrolment = std::make_unique<services::EnrolmentService>(
        *m_cards, *m_linkages, m_clock,
        services::EnrolmentService::Settings{terminal, m_settings->photoCheckApproved()});
    // Training keeps its CRLs apart, like its database: TEST CRLs never enter the office's cache.
    const QString crlRoot = isTraining() ? QDir(m_dataDir).filePath(QStringLiteral("training")) : m_dataDir;
    m_crls = std::make_unique<services::CrlOverview>(QDir(crlRoot).filePath(QStringLiteral("crl-cache")), m_clock);
    m_revocationQueue = std::make_unique<services::RevocationQueue>(m_store->database(), m_clock, m_recorder);
    m_crlSweep = std::make_unique<services::CrlSweep>(*m_crls, *m_linkages, *m_revocationQueue);
    if (m_auditTrail) { // PIN outcomes, CRL imports and checks (issue 5 item 1)
        m_enrolment->setAuditTrail(m_auditTrail.get(), &m_currentOperator);
        m_crls->setAuditTrail(m_auditTrail.get(), &m_currentOperator);
    }
    // Sync (issue 7): the platform and terminal certificate from the settings, read at start-up; the
    // worker opens its own connection. Without a platform the Sync page says "not configured".
    using Key = services::SettingsService::Key;
    services::SyncService::Config sync{QUrl(m_settings->value(Key::PlatformAddress).toString()),
                                       m_settings->value(Key::TerminalCertificate).toString(),
                                       m_store->workerConnectionOpener()};
    m_sync = std::make_unique<services::SyncService>(m_store->database(), m_clock, std::move(sync), m_recorder,
                                                     m_auditLog.get());
    attachPlatformFeed();
    attachRevocationChecks();
}

// Every card read is checked by the RevocationService (CRL cache, OCSP per the [revocation] settings, the
// platform's feed once attached) on the card service's worker thread, failing closed.
void AppContext::attachRevocationChecks()
{
    if (auto loaded = m_crls->reload(); !loaded || m_crls->failures() > 0) {
        qCWarning(lcServices) << "CRL cache:" << m_crls->failures() << "CRL(s) not opened";
    }
    if (isTraining()) {
        refreshTrainingCrls(m_training->demoSet(), *m_crls,
                            QDir(m_dataDir).filePath(QStringLiteral("training/crl-import")), m_clock.now());
    }
    m_revocationChecker = std::make_unique<services::CardRevocationChecker>(
        *m_crls, m_clock, services::CardRevocationChecker::Settings::fromIni(m_settings->filePath()));
    m_revocationChecker->setPlatformFeed(m_platformFeed);
    auto* checker = m_revocationChecker.get();
    m_cards->setRevocationLookup([checker](const services::CardSummary& card) { return checker->check(card); },
                                 [checker]() { checker->cancel(); });
}

// With a platform configured, card checks also ask its revocation feed (issue 7), on a connection of
// their own: the check runs on the card service's worker thread. Called with no checker running.
void AppContext::attachPlatformFeed()
{
    setPlatformFeed(nullptr);
    m_feedSource.reset();
    m_feedDb.reset();
    followPlatformSettings();
    using Key = services::SettingsService::Key;
    QObject::connect(m_settings.get(), &services::SettingsService::changed, m_sync.get(), [this](Key key) {
        if (key == Key::PlatformAddress || key == Key::TerminalCertificate) {
            followPlatformSettings();
        }
    });
}

// Settings → the Sync page's service and the card checks' feed, without a restart (issue 6 item 7).
// The feed source, once made, stays: a running card check may be using it.
void AppContext::followPlatformSettings()
{
    using Key = services::SettingsService::Key;
    const QUrl platform(m_settings->value(Key::PlatformAddress).toString());
    m_sync->setPlatform(platform, m_settings->value(Key::TerminalCertificate).toString());
    if (platform.isEmpty()) {
        setPlatformFeed(nullptr);
        return;
    }
    if (!m_feedSource) {
        auto db = m_store->openWorkerConnection();
        if (!db) {
            qCWarning(lcServices) << "platform feed not attached:" << db.error().toString();
            return;
        }
        m_feedDb = std::make_unique<store::Database>(std::move(*db));
        m_feedSource = std::make_unique<services::PlatformFeedRevocationSource>(*m_feedDb, m_clock);
    }
    setPlatformFeed(m_feedSource.get());
}

void AppContext::setPlatformFeed(pki::RevocationSource* feed)
{
    m_platformFeed = feed;
    if (m_revocationChecker) {
        m_revocationChecker->setPlatformFeed(feed);
    }
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
