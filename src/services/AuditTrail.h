#pragma once

#include "audit/AuditEvent.h"
#include "core/Result.h"
#include "services/Operator.h"
#include "store/CardIdentity.h"

#include <QJsonObject>

namespace madoguchi::audit {
class AuditLog;
}

namespace madoguchi::services {

// The typed front of the audit log (issue 5 item 1): one function per recorded event, each building
// the entry's action, subject and structured payload. Events that change nothing else are appended
// in their own transaction; for a change in the registry use AuditChangeRecorder (same transaction).
// Never passed: PINs, keys, individual numbers, full card numbers, personal data.
class AuditTrail final
{
public:
    explicit AuditTrail(audit::AuditLog& log) : m_log(&log) {}

    core::Result<qint64> signedIn(const Operator& op);
    core::Result<qint64> signedOut(const Operator& op);
    // A failed sign-in has no authenticated operator: the claimed id is recorded as the subject.
    core::Result<qint64> signInFailed(const QString& claimedId, const QString& reason);
    // assurance: "tap_only", "pin_verified", ... (store::Assurance names).
    core::Result<qint64> cardRead(const Operator& op, const store::CardIdentity& card, const QString& assurance);
    // pinKind: "auth" | "sign" | "profile"; the outcome and tries left, never the PIN.
    core::Result<qint64> pinVerified(const Operator& op, const store::CardIdentity& card, const QString& pinKind,
                                     bool ok, int triesLeft);
    // Any outcome of a PIN step: "ok", "wrong", "blocked", "already_verified", "not_sent_last_try".
    core::Result<qint64> pinOutcome(const Operator& op, const store::CardIdentity& card, const QString& pinKind,
                                    const QString& outcome, int triesLeft);
    core::Result<qint64> linkageImported(const Operator& op, const QString& fileSha256, qint64 rows, qint64 rejected);
    core::Result<qint64> linkageExported(const Operator& op, const QString& destination, qint64 rows);
    // source: "crl" | "ocsp"; status: "good" | "revoked" | "unknown".
    core::Result<qint64> revocationChecked(const Operator& op, const store::CardIdentity& card, const QString& source,
                                           const QString& status, int reasonCode = -1);
    // A CRL import (issue 5 item 1): "ok" with what was loaded, or the error's name when refused.
    core::Result<qint64> crlImported(const Operator& op, const QString& crlId, const QJsonObject& details);
    core::Result<qint64> revocationConsequence(const Operator& op, const store::CardIdentity& card,
                                               const QString& action, int linkages);
    // what: "trust_store" | "audit_key" | "db_key" | "setting"; item names the thing (fingerprint, key).
    core::Result<qint64> configurationChanged(const Operator& op, const QString& what, const QString& item,
                                              const QJsonObject& details = {});
    core::Result<qint64> syncPushed(const Operator& op, qint64 changes, qint64 upToSequence);
    core::Result<qint64> syncPulled(const Operator& op, qint64 changes, qint64 upToSequence);
    // Exports of the log itself (CSV, PDF, bundle) are recorded in the log (issue 5 item 4).
    core::Result<qint64> auditExported(const Operator& op, const QString& format, qint64 from, qint64 to,
                                       const QString& filter);

    // The general entry point for events without a typed function above (sync2: "sync.push" etc.):
    // appended in its own transaction. `action` is "<area>.<verb>"; payload: no secrets, no personal data.
    core::Result<qint64> recordEvent(const Operator& op, const QString& action, const QString& subject,
                                     const QJsonObject& payload = {});

    [[nodiscard]] static audit::AuditEvent event(const Operator& op, const QString& action, const QString& subject,
                                                 QJsonObject payload);

private:
    core::Result<qint64> append(audit::AuditEvent event);
    audit::AuditLog* m_log;
};

} // namespace madoguchi::services
