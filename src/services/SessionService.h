#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"
#include "services/CardSignInService.h"
#include "services/Operator.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace madoguchi::services {

class AuditTrail;
class OperatorService;

// Who is signed in at this counter, and whether the session is locked (issue 6 item 1). main()
// builds one and hands it down; every service call takes actor(), which is an empty Operator
// (refused by AccessPolicy) while nobody is signed in or the session is locked.
// The inactivity lock is a timer restarted by noteActivity(); the GUI calls that on user input.
class SessionService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionService)

public:
    static constexpr int DefaultLockMinutes = 5;

    explicit SessionService(OperatorService& operators, bool trainingMode = false, QObject* parent = nullptr);
    ~SessionService() override;

    [[nodiscard]] Operator actor() const;
    [[nodiscard]] const std::optional<Operator>& signedInOperator() const { return m_operator; }
    // The display name of the signed-in operator, or the login when it has none.
    [[nodiscard]] QString signedInName() const { return m_name; }
    [[nodiscard]] bool isSignedIn() const { return m_operator.has_value(); }
    [[nodiscard]] bool isLocked() const { return m_locked; }
    [[nodiscard]] bool isTrainingMode() const { return m_training; }

    [[nodiscard]] core::Result<Operator> signIn(const QString& login, const core::SecureBytes& password);
    // Training mode only (--demo-operator): sign in a demo account without its password.
    [[nodiscard]] core::Result<Operator> signInTrainingOperator(const QString& login);
    // Card sign-in (issue 6 item 1): the operator bound to the card whose holder proof verified. While
    // locked, only the locked session's own card unlocks it (another operator: PermissionDenied).
    [[nodiscard]] core::Result<Operator> signInWithCard(const CardSignInService::Verified& proof);
    void signOut();
    void lock();
    // The signed-in operator's password again; a wrong one counts towards the back-off like a sign-in.
    [[nodiscard]] core::Result<void> unlock(const core::SecureBytes& password);

    // The session's audit entries (issue 5 item 1): sign-out, a demo operator's sign-in, and failed
    // sign-ins that change nothing in the store (an unknown name, a locked or disabled account) with
    // the name tried and the reason, never the password. A password sign-in and a wrong password on an
    // existing account are recorded by OperatorService in the same transaction as the account's counter.
    void setAuditTrail(AuditTrail* trail) { m_trail = trail; }

    // 0 = never lock on inactivity.
    void setLockTimeout(int milliseconds);
    [[nodiscard]] int lockTimeout() const { return m_lockAfterMs; }
    void noteActivity();

Q_SIGNALS:
    void signedIn(const madoguchi::services::Operator& op);
    void signedOut();
    void locked();
    void unlocked();

private:
    void begin(const Operator& op);
    void recordFailure(const QString& login, const core::Error& error);

    OperatorService& m_operators;
    bool m_training;
    std::optional<Operator> m_operator;
    QString m_name;
    bool m_locked = false;
    int m_lockAfterMs = DefaultLockMinutes * 60 * 1000;
    QTimer m_inactivity;
    AuditTrail* m_trail = nullptr;
};

} // namespace madoguchi::services
