#pragma once

// Plain wire values exchanged between SyncClient, its OutboxSource and its SyncSink (small structs
// kept together; each is a few fields of docs/api/openapi.yaml).

#include "sync/LinkageRecord.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace madoguchi::sync {

// One local change waiting to be pushed. The key is chosen once, when the change is made, and
// stays with it across retries and restarts: the platform applies it once.
struct OutboxItem
{
    QString idempotencyKey;
    LinkageRecord linkage;
};

enum class PushOutcome
{
    Applied,   // the platform accepted this version
    Duplicate, // it already had exactly this version
    Conflict,  // the same card + kind is linked differently there, or the version is stale
};

struct PushResult
{
    QString idempotencyKey;
    PushOutcome outcome = PushOutcome::Applied;
    qint64 seq = 0;
    bool replayed = false; // answered from the platform's idempotency record
};

// Both versions, for a person to decide (architecture.md §7): never silently overwritten.
struct ConflictRecord
{
    QString conflictId;
    QString reason; // linked_differently | stale_version | version_gap
    LinkageRecord local;
    QJsonObject remote;
};

struct RevocationEvent
{
    qint64 seq = 0;
    QString cardId;
    QString event; // revoked | succession
    int reason = -1;
    QDateTime occurredAt;
    QString successorCardId;
};

struct SyncReport
{
    int pushed = 0;
    int conflicts = 0;
    int pulledLinkages = 0;
    int pulledRevocations = 0;
    int retries = 0;
};

} // namespace madoguchi::sync
