#include "services/AuditTrail.h"

#include "audit/AuditLog.h"

namespace madoguchi::services {

namespace {

QString cardSubject(const store::CardIdentity& card)
{
    return QStringLiteral("card:") + card.toString();
}

} // namespace

audit::AuditEvent AuditTrail::event(const Operator& op, const QString& action, const QString& subject,
                                    QJsonObject payload)
{
    // No operator: the system acted (a CRL, the platform's feed); no role is claimed for it.
    return {op.id, op.id.isEmpty() ? QString() : roleName(op.role), action, subject, std::move(payload)};
}

core::Result<qint64> AuditTrail::append(audit::AuditEvent event)
{
    return m_log->appendInOwnTransaction(event);
}

core::Result<qint64> AuditTrail::signedIn(const Operator& op)
{
    return append(event(op, QStringLiteral("operator.sign_in"), QStringLiteral("operator:") + op.id, {}));
}

core::Result<qint64> AuditTrail::signedOut(const Operator& op)
{
    return append(event(op, QStringLiteral("operator.sign_out"), QStringLiteral("operator:") + op.id, {}));
}

core::Result<qint64> AuditTrail::signInFailed(const QString& claimedId, const QString& reason)
{
    return append({QString(),
                   QString(),
                   QStringLiteral("operator.sign_in_failed"),
                   QStringLiteral("operator:") + claimedId,
                   {{QStringLiteral("reason"), reason}}});
}

core::Result<qint64> AuditTrail::cardRead(const Operator& op, const store::CardIdentity& card, const QString& assurance)
{
    return append(
        event(op, QStringLiteral("card.read"), cardSubject(card), {{QStringLiteral("assurance"), assurance}}));
}

core::Result<qint64> AuditTrail::pinVerified(const Operator& op, const store::CardIdentity& card,
                                             const QString& pinKind, bool ok, int triesLeft)
{
    return pinOutcome(op, card, pinKind, ok ? QStringLiteral("ok") : QStringLiteral("wrong"), triesLeft);
}

core::Result<qint64> AuditTrail::pinOutcome(const Operator& op, const store::CardIdentity& card, const QString& pinKind,
                                            const QString& outcome, int triesLeft)
{
    QJsonObject payload{{QStringLiteral("pinKind"), pinKind}, {QStringLiteral("outcome"), outcome}};
    if (triesLeft >= 0) {
        payload.insert(QStringLiteral("triesLeft"), triesLeft);
    }
    return append(event(op, QStringLiteral("card.pin_verify"), cardSubject(card), payload));
}

core::Result<qint64> AuditTrail::crlImported(const Operator& op, const QString& crlId, const QJsonObject& details)
{
    return append(event(op, QStringLiteral("crl.import"), QStringLiteral("crl:") + crlId, details));
}

core::Result<qint64> AuditTrail::recordEvent(const Operator& op, const QString& action, const QString& subject,
                                             const QJsonObject& payload)
{
    return append(event(op, action, subject, payload));
}

core::Result<qint64> AuditTrail::linkageImported(const Operator& op, const QString& fileSha256, qint64 rows,
                                                 qint64 rejected)
{
    return append(event(op, QStringLiteral("linkage.import"), QStringLiteral("file:") + fileSha256,
                        {{QStringLiteral("rows"), rows}, {QStringLiteral("rejected"), rejected}}));
}

core::Result<qint64> AuditTrail::linkageExported(const Operator& op, const QString& destination, qint64 rows)
{
    return append(event(op, QStringLiteral("linkage.export"), QStringLiteral("file:") + destination,
                        {{QStringLiteral("rows"), rows}}));
}

core::Result<qint64> AuditTrail::revocationChecked(const Operator& op, const store::CardIdentity& card,
                                                   const QString& source, const QString& status, int reasonCode)
{
    QJsonObject payload{{QStringLiteral("source"), source}, {QStringLiteral("status"), status}};
    if (reasonCode >= 0) {
        payload.insert(QStringLiteral("reason"), reasonCode);
    }
    return append(event(op, QStringLiteral("revocation.check"), cardSubject(card), payload));
}

core::Result<qint64> AuditTrail::revocationConsequence(const Operator& op, const store::CardIdentity& card,
                                                       const QString& action, int linkages)
{
    return append(event(op, QStringLiteral("revocation.consequence"), cardSubject(card),
                        {{QStringLiteral("action"), action}, {QStringLiteral("linkages"), linkages}}));
}

core::Result<qint64> AuditTrail::configurationChanged(const Operator& op, const QString& what, const QString& item,
                                                      const QJsonObject& details)
{
    return append(event(op, QStringLiteral("config.") + what, item, details));
}

core::Result<qint64> AuditTrail::syncPushed(const Operator& op, qint64 changes, qint64 upToSequence)
{
    return append(event(op, QStringLiteral("sync.push"), QStringLiteral("platform"),
                        {{QStringLiteral("changes"), changes}, {QStringLiteral("upTo"), upToSequence}}));
}

core::Result<qint64> AuditTrail::syncPulled(const Operator& op, qint64 changes, qint64 upToSequence)
{
    return append(event(op, QStringLiteral("sync.pull"), QStringLiteral("platform"),
                        {{QStringLiteral("changes"), changes}, {QStringLiteral("upTo"), upToSequence}}));
}

core::Result<qint64> AuditTrail::auditExported(const Operator& op, const QString& format, qint64 from, qint64 to,
                                               const QString& filter)
{
    return append(
        event(op, QStringLiteral("audit.export"), QStringLiteral("audit:") + format,
              {{QStringLiteral("from"), from}, {QStringLiteral("to"), to}, {QStringLiteral("filter"), filter}}));
}

} // namespace madoguchi::services
