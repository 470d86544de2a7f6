#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "services/Operator.h"
#include "store/Linkage.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace madoguchi::store {
class Database;
} // namespace madoguchi::store

namespace madoguchi::services {

class ChangeRecorder;
class SyncRecords;

// One conflict as the Sync page shows it (0032_sync.sql sync_conflict): both versions in wire form.
struct SyncConflict
{
    qint64 id = 0;
    QString reason; // linked_differently | stale_version | version_gap | a refusal code
    QString card;
    QString kind; // local kind code
    QJsonObject ours;
    QJsonObject theirs; // the platform's linkage, or its refusal ({code, message})
    QDateTime detectedAt;
    QString resolution; // empty while open; keep_ours | take_theirs
    QString resolvedBy;
};

// The conflicts of sync and their resolution by a person (architecture.md §7: nothing is silently
// overwritten). Keep ours: our version is appended again as a new version and pushed (a linkage the
// platform holds for the same card and kind is ended by a pushed version first). Take theirs: the
// platform's version becomes a new local version, and ours is ended. Every step is a new version with
// its outbox entry and its ChangeRecorder entry, in one transaction with the resolution row.
// Reading: AccessPolicy::mayRead; resolving: mayChangeKind for the conflict's kind (auditors may
// look, not resolve).
class SyncConflicts final
{
public:
    enum class Choice
    {
        KeepOurs,
        TakeTheirs,
    };

    SyncConflicts(store::Database& db, const core::Clock& clock, ChangeRecorder* recorder = nullptr)
        : m_db(db), m_clock(clock), m_recorder(recorder)
    {}

    [[nodiscard]] core::Result<QList<SyncConflict>> list(const Operator& op, bool includeResolved = false);
    [[nodiscard]] core::Result<qint64> openCount();
    [[nodiscard]] core::Result<void> resolve(const Operator& op, qint64 conflictId, Choice choice);

    [[nodiscard]] static bool mayResolve(const Operator& op, const QString& kind);

private:
    struct Sides
    {
        store::Linkage ours;
        std::optional<store::Linkage> theirs; // none for a refusal
        int oursLatest = 0;                   // the highest local version of each uuid (0: none here)
        int theirsLatest = 0;
    };

    [[nodiscard]] core::Result<SyncConflict> load(qint64 id);
    [[nodiscard]] core::Result<void> keepOurs(const Operator& op, const Sides& sides);
    [[nodiscard]] core::Result<void> takeTheirs(const Operator& op, const Sides& sides);
    [[nodiscard]] core::Result<void> apply(const Operator& op, const SyncRecords& records, const SyncConflict& c,
                                           Choice choice);
    // Appends `l` as a new local version (version already set), with its outbox entry and record.
    [[nodiscard]] core::Result<void> append(const Operator& op, store::Linkage l, const QString& what, bool push);

    store::Database& m_db;
    const core::Clock& m_clock;
    ChangeRecorder* m_recorder;
};

} // namespace madoguchi::services
