#pragma once

// Plain wire values exchanged between SyncClient, its OutboxSource and its SyncSink (small structs
// kept together; each is a few fields of docs/api/openapi.yaml).

#include "sync/LinkageRecord.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace madoguchi::sync {

// One local change waiting to be pushed. The key is chosen once, when the change is made, and
// stays with it across retries and restarts: the platform applies it once.
// A credit card's item also carries the card number as sealed at enrolment to the platform vault's
// key (RSA-OAEP ciphertext the counter cannot open; docs/vault.md). It travels beside the linkage,
// never inside LinkageRecord, so it is never in a conflict, a feed or a log.
struct OutboxItem
{
    QString idempotencyKey;
    LinkageRecord linkage;
    QByteArray sealedNumber{};
};

enum class PushOutcome
{
    Applied,   // the platform accepted this version
    Duplicate, // it already had exactly this version
    Conflict,  // the same card + kind is linked differently there, or the version is stale
    Rejected,  // this item alone was refused (e.g. sealed_number_invalid); nothing of it was written
};

struct PushResult
{
    QString idempotencyKey;
    PushOutcome outcome = PushOutcome::Applied;
    qint64 seq = 0;
    bool replayed = false; // answered from the platform's idempotency record
    // The platform's vault holds this item's card number under this token (items sent with a sealed
    // number only): the counter may drop its sealed copy.
    QString vaultToken{};
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
