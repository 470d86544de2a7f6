#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace madoguchi::audit {

// One audit log entry (architecture.md §6). `subject` names what the entry is about (a card
// identity "issuer:serial" hash, a linkage uuid, a file); never a PIN, a key or a full card number.
struct AuditEntry
{
    qint64 index = 0;  // 0-based leaf index in the terminal's tree
    qint64 timeMs = 0; // UTC, milliseconds since the epoch
    QString terminal;
    QString operatorId;
    QString role;
    QString action; // "operator.sign_in", "card.read", "linkage.enrol", ...
    QString subject;
    QJsonObject payload;

    // The canonical bytes the leaf hash covers: version 0x01, index and time as 8-byte big-endian,
    // then terminal, operator, role, action, subject and the compact payload JSON (keys sorted by
    // QJsonObject) each as a 4-byte big-endian length + UTF-8. Fixed fields first so a verifier can
    // read the index without parsing.
    [[nodiscard]] QByteArray canonicalBytes() const;
    [[nodiscard]] static core::Result<AuditEntry> fromCanonical(QByteArrayView bytes);
    // The index stored in canonical bytes, or -1 if they are too short.
    [[nodiscard]] static qint64 indexOf(QByteArrayView bytes);

    // The fixed fields straight from canonical bytes, without decoding the payload JSON (the verifier
    // compares them with the list's columns for every entry). Views into `bytes`.
    struct Fields
    {
        qint64 timeMs = 0;
        QByteArrayView terminal, operatorId, role, action, subject;
    };
    [[nodiscard]] static bool fields(QByteArrayView bytes, Fields& out);

    // The human-readable JSON form (bundles, detail pane); "time" as ISO 8601 UTC with milliseconds.
    [[nodiscard]] QJsonObject toJson() const;

    friend bool operator==(const AuditEntry&, const AuditEntry&) = default;
};

} // namespace madoguchi::audit
