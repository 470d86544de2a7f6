#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/SecureBytes.h"
#include "services/OperatorAccount.h"
#include "store/CardIdentity.h"
#include "store/KeyFile.h"

#include <QList>

#include <functional>
#include <optional>

namespace madoguchi::store {
class Database;
class Statement;
} // namespace madoguchi::store

namespace madoguchi::services {

class ChangeRecorder;

struct OperatorServiceOptions
{
    store::KdfParams kdf;            // cost for new hashes; tests use a cheap one
    int maxFailures = 5;             // failures before the first lock
    qint64 firstLockSeconds = 30;    // then doubled per further failure …
    qint64 maxLockSeconds = 15 * 60; // … up to this
};

// Local operator accounts in the encrypted store (issue 6 item 1): sign-in with an scrypt-hashed
// password and a back-off after repeated failures, and the administration of accounts. Roles are
// enforced HERE (AccessPolicy): a wrong role gets Errc::PermissionDenied whatever the GUI shows.
// Every change and every sign-in attempt on an existing account goes to the ChangeRecorder in the
// same transaction (architecture.md §6).
class OperatorService final
{
public:
    using Options = OperatorServiceOptions;
    static constexpr int MinPasswordLength = 8;

    OperatorService(store::Database& db, const core::Clock& clock, ChangeRecorder* recorder = nullptr,
                    Options options = {});

    [[nodiscard]] core::Result<bool> hasOperators();
    // First run only: refused (PermissionDenied) once any operator exists.
    [[nodiscard]] core::Result<Operator> createFirstAdmin(const NewOperator& admin, const core::SecureBytes& password);
    // Errc::AuthenticationFailed (unknown name, wrong password, disabled) or Errc::AccountLocked.
    [[nodiscard]] core::Result<Operator> authenticate(const QString& login, const core::SecureBytes& password);

    // The account by name, without a password: for the training mode's demo operators and the
    // session's own display. Never a way around authenticate() in production (SessionService).
    [[nodiscard]] core::Result<OperatorAccount> account(const QString& login) { return find(login); }
    [[nodiscard]] core::Result<QList<OperatorAccount>> list(const Operator& actor);
    [[nodiscard]] core::Result<void> add(const Operator& actor, const NewOperator& account,
                                         const core::SecureBytes& password);
    [[nodiscard]] core::Result<void> setDisabled(const Operator& actor, const QString& login, bool disabled);
    [[nodiscard]] core::Result<void> resetPassword(const Operator& actor, const QString& login,
                                                   const core::SecureBytes& password);
    [[nodiscard]] core::Result<void> changeRole(const Operator& actor, const QString& login, Role role);

    // Card sign-in (issue 6 item 1; OperatorServiceCards.cpp). Admins bind the identity of an
    // operator's own auth certificate to the account: one card per operator, one operator per card
    // (a card bound elsewhere: Errc::InvalidArgument). Rebinding replaces the old card.
    [[nodiscard]] core::Result<void> bindCard(const Operator& actor, const QString& login,
                                              const store::CardIdentity& card);
    [[nodiscard]] core::Result<void> unbindCard(const Operator& actor, const QString& login);
    // The card bound to `login`, if any (admins and auditors, like list()).
    [[nodiscard]] core::Result<std::optional<store::CardIdentity>> boundCard(const Operator& actor,
                                                                             const QString& login);
    // Who `card` is bound to, without signing in (Errc::CardNotBound: nobody).
    [[nodiscard]] core::Result<QString> loginBoundTo(const store::CardIdentity& card);
    // Only after the card's holder proof verified (CardSignInService): the operator bound to `card`,
    // refused like a password sign-in when disabled or locked; recorded as "sign_in_card".
    // Errc::CardNotBound when no account has this card.
    [[nodiscard]] core::Result<Operator> authenticateCard(const store::CardIdentity& card);

private:
    [[nodiscard]] core::Result<void> insert(const NewOperator& account, const core::SecureBytes& password);
    [[nodiscard]] core::Result<OperatorAccount> find(const QString& login);
    [[nodiscard]] core::Result<void> record(const Operator& actor, const QString& login, const QString& op,
                                            const QString& summary);
    [[nodiscard]] core::Result<void> noteFailure(const OperatorAccount& account);
    [[nodiscard]] core::Result<void> noteSuccess(const OperatorAccount& account);
    [[nodiscard]] core::Result<void> ensureAnotherAdmin(const QString& login);
    [[nodiscard]] core::Result<void> update(const Operator& actor, const QString& login, const char* sql,
                                            const QString& op, const QString& summary,
                                            const std::function<void(store::Statement&)>& bind);

    store::Database& m_db;
    const core::Clock& m_clock;
    ChangeRecorder* m_recorder;
    Options m_options;
};

} // namespace madoguchi::services
