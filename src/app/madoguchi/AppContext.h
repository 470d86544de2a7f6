#pragma once

#include "AppOptions.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "pki/TrustStore.h"
#include "services/Operator.h"
#include "services/PanSealer.h"
#include "services/WorkerAudit.h"
#include "store/Database.h"

#include <functional>
#include <memory>
#include <optional>

namespace madoguchi::pki {
class RevocationSource;
}
namespace madoguchi::audit {
class AuditLog;
}
namespace madoguchi::services {
class AuditChangeRecorder;
class AuditTrail;
class AuditViewSource;
class CardReaderService;
class CardRevocationChecker;
class CardSignInService;
class ChangeRecorder;
class CrlOverview;
class CrlSweep;
class PlatformFeedRevocationSource;
class EnrolmentService;
class LinkageService;
class RevocationQueue;
class OperatorService;
class SessionService;
class SettingsService;
class SyncService;
class StoreSession;
} // namespace madoguchi::services

namespace madoguchi::app {

class TrainingSetup;

// Everything the desktop app's services need, built once in main() and handed down: no singletons
// (architecture.md §2). Owns the objects; the GUI only borrows them. The store and what needs it
// (operators, the session) come later, once the database is open (attachStore).
class AppContext final
{
public:
    [[nodiscard]] static core::Result<std::unique_ptr<AppContext>> create(const AppOptions& options);
    ~AppContext();

    [[nodiscard]] services::CardReaderService& cards() const { return *m_cards; }
    [[nodiscard]] TrainingSetup* training() const { return m_training.get(); }
    [[nodiscard]] pki::TrustStore& trust() { return m_trust; }
    [[nodiscard]] const core::Clock& clock() const { return m_clock; }
    [[nodiscard]] QString dataDir() const { return m_dataDir; }
    [[nodiscard]] bool isTraining() const { return m_training != nullptr; }
    [[nodiscard]] services::SettingsService& settings() const { return *m_settings; }

    // The audit log's hook (wired by the audit issue); nullptr records nothing.
    [[nodiscard]] services::ChangeRecorder* recorder() const { return m_recorder; }
    void attachStore(services::StoreSession store);
    [[nodiscard]] services::StoreSession* store() const { return m_store.get(); }
    [[nodiscard]] services::OperatorService* operators() const { return m_operators.get(); }
    [[nodiscard]] services::SessionService* session() const { return m_session.get(); }
    // Operators' sign-in with their own My Number Card, and its binding on the Operators page.
    [[nodiscard]] services::CardSignInService* cardSignIn() const { return m_cardSignIn.get(); }
    // The counter's work, available once a store is attached (attachStore).
    [[nodiscard]] services::LinkageService* linkages() const { return m_linkages.get(); }
    [[nodiscard]] services::EnrolmentService* enrolment() const { return m_enrolment.get(); }
    [[nodiscard]] services::CrlOverview* crls() const { return m_crls.get(); }
    [[nodiscard]] services::RevocationQueue* revocationQueue() const { return m_revocationQueue.get(); }
    [[nodiscard]] services::CrlSweep* crlSweep() const { return m_crlSweep.get(); }
    [[nodiscard]] services::SyncService* sync() const { return m_sync.get(); }
    // The platform's revocation feed (services::PlatformFeedRevocationSource, written by the sync layer)
    // as the last source of every card's revocation check (pki::RevocationPolicy::usePlatformFeed).
    // Not owned: it must outlive this context or be removed (nullptr) first. May be set before or after
    // the store is attached; a check already running keeps the sources it started with.
    void setPlatformFeed(pki::RevocationSource* feed);
    // The signed-in operator, kept current on every sign-in, lock and sign-out; empty when nobody is
    // signed in (every service then refuses). Pages hold a reference to it.
    [[nodiscard]] const services::Operator& currentOperator() const { return m_currentOperator; }
    // The auditors' page source (own connections, the key stays in the StoreSession); nullptr without
    // a store or an audit log.
    [[nodiscard]] const services::AuditViewSource* auditView() const { return m_auditView.get(); }
    // The typed audit log on the store's connection, for events without a change of their own (sync
    // pushes and pulls: syncPushed/syncPulled or recordEvent); nullptr without an audit log.
    [[nodiscard]] services::AuditTrail* auditTrail() const { return m_auditTrail.get(); }
    // For workers (the bulk import): a new connection to the store, and the audit log on it. Empty
    // without a store (respectively without an audit log).
    [[nodiscard]] std::function<core::Result<store::Database>()> workerDatabaseOpener() const;
    [[nodiscard]] services::WorkerAuditOpener workerAuditOpener() const;

private:
    AppContext(pki::TrustStore trust, QString dataDir);

    core::SystemClock m_clock;
    pki::TrustStore m_trust;
    QString m_dataDir;
    std::unique_ptr<services::SettingsService> m_settings;
    std::unique_ptr<TrainingSetup> m_training;
    std::unique_ptr<services::CardReaderService> m_cards;
    services::ChangeRecorder* m_recorder = nullptr;
    std::unique_ptr<services::StoreSession> m_store;
    std::unique_ptr<services::OperatorService> m_operators;
    std::unique_ptr<services::SessionService> m_session;
    std::unique_ptr<services::CardSignInService> m_cardSignIn;
    std::unique_ptr<audit::AuditLog> m_auditLog;
    std::unique_ptr<services::AuditChangeRecorder> m_auditRecorder;
    std::unique_ptr<services::AuditTrail> m_auditTrail;
    std::unique_ptr<services::LinkageService> m_linkages;
    std::unique_ptr<services::EnrolmentService> m_enrolment;
    std::unique_ptr<services::CrlOverview> m_crls;
    std::unique_ptr<services::RevocationQueue> m_revocationQueue;
    std::unique_ptr<services::CrlSweep> m_crlSweep;
    std::optional<services::PanSealer> m_vaultSealer; // credit cards: the platform vault's key
    std::unique_ptr<services::SyncService> m_sync;
    std::unique_ptr<services::CardRevocationChecker> m_revocationChecker;
    pki::RevocationSource* m_platformFeed = nullptr;
    std::unique_ptr<store::Database> m_feedDb;                            // the feed's own connection
    std::unique_ptr<services::PlatformFeedRevocationSource> m_feedSource; // set when a platform is configured
    std::unique_ptr<services::AuditViewSource> m_auditView;
    services::Operator m_currentOperator;

    void attachAudit();
    void attachPlatformFeed();
    void followPlatformSettings();
    void recordSessionAndCardEvents();
    void attachCounterServices();
    void attachRevocationChecks();
};

} // namespace madoguchi::app
