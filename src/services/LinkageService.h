#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/SecureBytes.h"
#include "services/ChangeRecorder.h"
#include "services/LinkageValidator.h"
#include "services/Operator.h"
#include "store/Linkage.h"
#include "store/LinkageRepository.h"

#include <QIODevice>

#include <memory>
#include <optional>

namespace madoguchi::store {
class LinkageBulkWriter;
}

namespace madoguchi::services {

class PanSealer;

// What the counter enters to link a card to a service.
struct EnrolRequest
{
    store::CardIdentity card;
    QString kind;
    QJsonObject fields; // per linkage_kind.fields; platform_id may be empty → issued locally
    store::Assurance assurance = store::Assurance::TapOnly;
    QDate validFrom;
    QDate validTo;
    core::SecureBytes pan; // credit cards only: the full number, sealed and then wiped
};

// A revocation event of the PKI layer: the CRL reason code (RFC 5280 §5.3.1) decides the action
// (architecture.md §5): 1/6 suspend, 4 migrate to `successor` (suspend without one), 5 end,
// 3 only recorded (the change-of-address flow is elsewhere), others suspend.
struct RevocationEvent
{
    store::CardIdentity card;
    int reasonCode = 0;
    std::optional<store::CardIdentity> successor;
};

// The linkage registry's use cases (issue 4 item 5). Every change runs in ONE transaction with its
// history row, its outbox entry and the ChangeRecorder's audit entry. Roles: AccessPolicy.
class LinkageService final
{
public:
    LinkageService(store::Database& db, const core::Clock& clock, QString terminalPrefix,
                   const PanSealer* panSealer = nullptr, ChangeRecorder* recorder = nullptr);
    ~LinkageService();

    [[nodiscard]] core::Result<store::Linkage> enrol(const Operator& op, EnrolRequest request);
    // The same inside the caller's transaction (bulk import). `issues` gets field-level problems.
    // `recordEach` false: no audit entry for this row — the caller records the batch as a whole
    // (ImportCsvJob: one entry per committed chunk, docs/storage.md "Audit of bulk imports").
    [[nodiscard]] core::Result<store::Linkage> enrolInTransaction(const Operator& op, EnrolRequest& request,
                                                                  QList<FieldIssue>* issues, bool createCard = true,
                                                                  bool recordEach = true);
    // enrolInTransaction in two steps, so that a bulk import checks rows on one thread while another
    // stores them (ImportCsvJob). prepareEnrolment needs no database and may run on any thread: role,
    // card identity, the kind's fields and validators; the linkage it returns has kind, fields, search
    // key, card, assurance and validity. storeEnrolment, in the caller's transaction on the connection's
    // thread: the card (unknown, revoked or migrated refused), duplicates, the version and outbox rows.
    // `pan`: credit cards only, sealed and then wiped.
    [[nodiscard]] core::Result<store::Linkage> prepareEnrolment(const Operator& op, EnrolRequest& request,
                                                                QList<FieldIssue>& issues) const;
    [[nodiscard]] core::Result<store::Linkage> storeEnrolment(const Operator& op, store::Linkage linkage,
                                                              core::SecureBytes* pan, QList<FieldIssue>& issues,
                                                              bool createCard, bool recordEach);
    // storeEnrolment for bulk imports: no audit entry per row, no card numbers; the version and
    // outbox rows are queued and written a few dozen at a time (store::LinkageBulkWriter). Call
    // flushImported() before committing or reading them, discardImported() when rolling back.
    // `linkage` is completed in place (uuid if none, card id, creator, time): it stays with the
    // caller's row, so the import frees it on its reading thread. `fieldsJson`: store::CompactJson
    // of the linkage's fields (made on the reading thread).
    [[nodiscard]] core::Result<void> storeImported(const Operator& op, store::Linkage& linkage, QByteArray fieldsJson,
                                                   QList<FieldIssue>& issues, bool createCard);
    [[nodiscard]] core::Result<void> flushImported();
    void discardImported();
    // The audit hook, or null (the import records its chunks through it).
    [[nodiscard]] ChangeRecorder* recorder() const { return m_recorder; }
    // The resident's minimum, only on the operator's explicit action (architecture.md §3).
    [[nodiscard]] core::Result<void> recordResident(const Operator& op, const store::CardIdentity& card,
                                                    const QString& name, const QString& birthDate);

    [[nodiscard]] core::Result<QList<store::Linkage>> findByCard(const Operator& op, const store::CardIdentity& card);
    [[nodiscard]] core::Result<QList<store::Linkage>> findByPlatformId(const Operator& op, const QString& id);
    [[nodiscard]] core::Result<QList<store::Linkage>> findByInsurance(const Operator& op, const QString& insurer,
                                                                      const QString& symbol, const QString& number,
                                                                      const QString& branch);
    [[nodiscard]] core::Result<QList<store::Linkage>> findByName(const Operator& op, const QString& name);
    [[nodiscard]] core::Result<QList<store::Linkage>> history(const Operator& op, const QUuid& uuid);

    [[nodiscard]] core::Result<store::Linkage> end(const Operator& op, const QUuid& uuid, const QString& reason);
    // Active → suspended (a counter decision, e.g. a reported loss before the CRL says so).
    [[nodiscard]] core::Result<store::Linkage> suspend(const Operator& op, const QUuid& uuid, const QString& reason);
    // Linkages of `from` are marked migrated and re-created on `to` (serial succession, architecture.md §3).
    [[nodiscard]] core::Result<int> migrate(const Operator& op, const store::CardIdentity& from,
                                            const store::CardIdentity& to);
    // Returns how many linkages changed.
    [[nodiscard]] core::Result<int> applyRevocation(const Operator& op, const RevocationEvent& event);
    // Every current linkage as CSV (CsvWriter: formula injection neutralised).
    [[nodiscard]] core::Result<int> exportCsv(const Operator& op, QIODevice& out);

    [[nodiscard]] store::LinkageRepository& repository() { return m_repo; }

private:
    // The card's row id; unknown (when not creating), revoked or migrated cards are refused.
    // The card of a new linkage, refused when the key is held already (queued import rows included).
    [[nodiscard]] core::Result<qint64> checkNewLinkage(const store::Linkage& l, bool createCard,
                                                       QList<FieldIssue>& found);
    [[nodiscard]] core::Result<qint64> resolveCard(const store::CardIdentity& card, bool create,
                                                   QList<FieldIssue>& issues);
    [[nodiscard]] core::Result<void> prepareKindFields(EnrolRequest& request, QList<FieldIssue>* issues) const;
    [[nodiscard]] core::Result<void> appendVersion(const Operator& op, store::Linkage& linkage, const QString& what,
                                                   bool record = true);
    [[nodiscard]] core::Result<store::Linkage> setStatus(const Operator& op, const QUuid& uuid,
                                                         store::LinkageStatus status, const QString& reason);
    [[nodiscard]] core::Result<store::Linkage> changeStatus(const Operator& op, store::Linkage current,
                                                            store::LinkageStatus status, const QString& reason);
    [[nodiscard]] core::Result<int> changeCard(const Operator& op, qint64 cardId, store::LinkageStatus status,
                                               const QString& reason, std::optional<qint64> successor);
    [[nodiscard]] QString localPlatformId() const;
    [[nodiscard]] QString randomLetters(int count) const;

    store::Database& m_db;
    store::LinkageRepository m_repo;
    const core::Clock& m_clock;
    QString m_terminalPrefix;
    const PanSealer* m_panSealer;
    ChangeRecorder* m_recorder;
    std::unique_ptr<store::LinkageBulkWriter> m_bulk; // an import's queued rows, made on first use
};

} // namespace madoguchi::services
