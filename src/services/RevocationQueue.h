#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "pki/RevocationEvent.h"
#include "services/ChangeRecorder.h"
#include "services/Operator.h"
#include "store/CardIdentity.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace madoguchi::store {
class Database;
}

namespace madoguchi::services {

// One piece of counter work caused by a revocation (jpki-card.md §6).
struct RevocationWorkItem
{
    enum class Queue
    {
        Migration,       // reason 4 superseded: migrate the linkages to the successor serial
        ChangeOfAddress, // reason 3 on a signing cert: the one-stop change-of-address flow
    };
    qint64 id = 0;
    Queue queue = Queue::Migration;
    QString event; // pki::eventKindName
    store::CardIdentity card;
    pki::CertKind certKind = pki::CertKind::Auth;
    std::optional<int> reasonCode;
    QDateTime revokedAt;
    std::optional<store::CardIdentity> successor;
    QString note;
    QDateTime createdAt;
    QDateTime doneAt; // invalid while open
    QString doneBy;
};

// The queues of the Revocations page, kept in the store (0010_revocation_queue.sql) and fed by
// pki::RevocationConsequences events through sink(). Reading follows AccessPolicy::mayRead; marking an
// item done is a card-level action (mayChangeCard).
class RevocationQueue final
{
public:
    RevocationQueue(store::Database& db, const core::Clock& clock, ChangeRecorder* recorder = nullptr)
        : m_db(db), m_clock(clock), m_recorder(recorder)
    {}

    // Queues Migrate / SuccessorMissing (→ Migration) and ChangeOfAddress events; true when a new item
    // was added (other kinds, and an event already queued for the same certificate, add nothing).
    // With a recorder, every consequence (queued or not, except a repeat) gets its audit entry
    // "card.revocation_<kind>" by the system in the same transaction as the queue row.
    [[nodiscard]] core::Result<bool> add(const pki::RevocationEvent& event);
    // For RevocationConsequences::dispatch: add() with failures logged (category lcServices).
    [[nodiscard]] pki::RevocationEventSink sink();

    [[nodiscard]] core::Result<QList<RevocationWorkItem>> items(const Operator& op, RevocationWorkItem::Queue queue,
                                                                bool includeDone = false);
    [[nodiscard]] core::Result<void> markDone(const Operator& op, qint64 id);

private:
    [[nodiscard]] core::Result<bool> insert(const pki::RevocationEvent& event);
    [[nodiscard]] core::Result<void> record(const pki::RevocationEvent& event, bool queued);

    store::Database& m_db;
    const core::Clock& m_clock;
    ChangeRecorder* m_recorder;
};

} // namespace madoguchi::services
