#include "services/SessionService.h"

#include "core/Logging.h"
#include "services/AuditTrail.h"
#include "services/OperatorService.h"

namespace madoguchi::services {

SessionService::SessionService(OperatorService& operators, bool trainingMode, QObject* parent)
    : QObject(parent), m_operators(operators), m_training(trainingMode)
{
    m_inactivity.setSingleShot(true);
    connect(&m_inactivity, &QTimer::timeout, this, &SessionService::lock);
}

SessionService::~SessionService() = default;

Operator SessionService::actor() const
{
    if (!m_operator || m_locked) {
        return Operator{}; // empty id: AccessPolicy refuses everything
    }
    return *m_operator;
}

core::Result<Operator> SessionService::signIn(const QString& login, const core::SecureBytes& password)
{
    auto op = m_operators.authenticate(login, password);
    if (!op) {
        recordFailure(login, op.error());
        return op;
    }
    begin(*op);
    return op;
}

void SessionService::recordFailure(const QString& login, const core::Error& error)
{
    if (m_trail == nullptr) {
        return;
    }
    QString reason;
    if (error.code == core::Errc::AccountLocked) {
        reason = QStringLiteral("account_locked");
    } else if (auto account = m_operators.account(login); !account && account.error().code == core::Errc::NotFound) {
        reason = QStringLiteral("unknown_name");
    } else {
        return; // OperatorService recorded it with the failure counter (wrong password, disabled)
    }
    if (auto recorded = m_trail->signInFailed(login, reason); !recorded) {
        qCWarning(lcAudit) << "failed sign-in not recorded:" << recorded.error().toString();
    }
}

core::Result<Operator> SessionService::signInTrainingOperator(const QString& login)
{
    if (!m_training) {
        return core::fail(core::Errc::PermissionDenied, QStringLiteral("demo operators exist in training mode only"));
    }
    auto account = m_operators.account(login);
    if (!account) {
        return core::fail(account.error());
    }
    if (account->disabled) {
        if (m_trail != nullptr) {
            (void)m_trail->signInFailed(login, QStringLiteral("account_disabled"));
        }
        return core::fail(core::Errc::AuthenticationFailed, QStringLiteral("sign-in refused"));
    }
    begin(account->toOperator());
    if (m_trail != nullptr) {
        // authenticate() records a password sign-in with its counter reset; this one has no password.
        if (auto recorded = m_trail->signedIn(account->toOperator()); !recorded) {
            qCWarning(lcAudit) << "sign-in not recorded:" << recorded.error().toString();
        }
    }
    return account->toOperator();
}

core::Result<Operator> SessionService::signInWithCard(const CardSignInService::Verified& proof)
{
    if (m_operator && m_locked) {
        auto bound = m_operators.loginBoundTo(proof.card());
        if (!bound) {
            return core::fail(bound.error());
        }
        if (*bound != m_operator->id) {
            return core::fail(core::Errc::PermissionDenied, QStringLiteral("the locked session is another operator's"));
        }
    }
    auto op = m_operators.authenticateCard(proof.card());
    if (!op) {
        return op;
    }
    if (m_operator && m_locked) {
        m_operator = *op; // role may have changed meanwhile
        m_locked = false;
        noteActivity();
        Q_EMIT unlocked();
        return op;
    }
    begin(*op);
    return op;
}

void SessionService::begin(const Operator& op)
{
    m_operator = op;
    auto account = m_operators.account(op.id);
    m_name = account && !account->displayName.isEmpty() ? account->displayName : op.id;
    m_locked = false;
    qCInfo(lcServices) << "signed in:" << op.id << roleName(op.role);
    noteActivity();
    Q_EMIT signedIn(op);
}

void SessionService::signOut()
{
    if (!m_operator) {
        return;
    }
    qCInfo(lcServices) << "signed out:" << m_operator->id;
    if (m_trail != nullptr) {
        if (auto recorded = m_trail->signedOut(*m_operator); !recorded) {
            qCWarning(lcAudit) << "sign-out not recorded:" << recorded.error().toString();
        }
    }
    m_operator.reset();
    m_name.clear();
    m_locked = false;
    m_inactivity.stop();
    Q_EMIT signedOut();
}

void SessionService::lock()
{
    if (!m_operator || m_locked) {
        return;
    }
    m_locked = true;
    m_inactivity.stop();
    qCInfo(lcServices) << "session locked";
    Q_EMIT locked();
}

core::Result<void> SessionService::unlock(const core::SecureBytes& password)
{
    if (!m_operator || !m_locked) {
        return {};
    }
    auto op = m_operators.authenticate(m_operator->id, password);
    if (!op) {
        recordFailure(m_operator->id, op.error());
        return core::fail(op.error());
    }
    m_operator = *op; // role may have changed meanwhile
    m_locked = false;
    noteActivity();
    Q_EMIT unlocked();
    return {};
}

void SessionService::setLockTimeout(int milliseconds)
{
    m_lockAfterMs = std::max(0, milliseconds);
    noteActivity();
}

void SessionService::noteActivity()
{
    if (!m_operator || m_locked || m_lockAfterMs == 0) {
        m_inactivity.stop();
        return;
    }
    m_inactivity.start(m_lockAfterMs);
}

} // namespace madoguchi::services
