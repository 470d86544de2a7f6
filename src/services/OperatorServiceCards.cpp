// OperatorService: the binding of an operator's own My Number Card (issue 6 item 1, migration 0031).
#include "services/OperatorService.h"

#include "services/AccessPolicy.h"
#include "store/Database.h"
#include "store/Transaction.h"

namespace madoguchi::services {

namespace {

core::Result<std::optional<QString>> loginOfCard(store::Database& db, const store::CardIdentity& card)
{
    auto stmt = db.prepare("SELECT login FROM operator_card WHERE issuer_key_id = ? AND serial = ?");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    stmt->bindBlob(1, card.issuerKeyId).bindBlob(2, card.serial);
    auto row = stmt->step();
    if (!row) {
        return core::fail(row.error());
    }
    return *row ? std::optional<QString>(stmt->columnText(0)) : std::nullopt;
}

} // namespace

core::Result<void> OperatorService::bindCard(const Operator& actor, const QString& login,
                                             const store::CardIdentity& card)
{
    if (auto allowed = AccessPolicy::mayManageOperators(actor); !allowed) {
        return allowed;
    }
    if (!card.isValid()) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("no card identity"));
    }
    if (auto account = find(login); !account) {
        return core::fail(account.error());
    }
    auto tx = store::Transaction::begin(m_db);
    if (!tx) {
        return core::fail(tx.error());
    }
    auto holder = loginOfCard(m_db, card);
    if (!holder) {
        return core::fail(holder.error());
    }
    if (*holder && **holder != login) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("this card is bound to %1").arg(**holder));
    }
    auto removed = m_db.prepare("DELETE FROM operator_card WHERE login = ?");
    if (!removed) {
        return core::fail(removed.error());
    }
    if (auto ran = removed->bind(1, login).run(); !ran) {
        return ran;
    }
    auto stmt = m_db.prepare(
        "INSERT INTO operator_card (issuer_key_id, serial, login, bound_by, bound_at) VALUES (?, ?, ?, ?, ?)");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    stmt->bindBlob(1, card.issuerKeyId).bindBlob(2, card.serial).bind(3, login).bind(4, actor.id);
    stmt->bind(5, m_clock.now().toString(Qt::ISODate));
    if (auto ran = stmt->run(); !ran) {
        return ran;
    }
    if (auto recorded = record(actor, login, QStringLiteral("bind_card"), card.toString()); !recorded) {
        return recorded;
    }
    return tx->commit();
}

core::Result<void> OperatorService::unbindCard(const Operator& actor, const QString& login)
{
    if (auto allowed = AccessPolicy::mayManageOperators(actor); !allowed) {
        return allowed;
    }
    return update(actor, login, "DELETE FROM operator_card WHERE login = ?", QStringLiteral("unbind_card"), QString(),
                  [&](store::Statement& stmt) { stmt.bind(1, login); });
}

core::Result<std::optional<store::CardIdentity>> OperatorService::boundCard(const Operator& actor, const QString& login)
{
    if (auto allowed = AccessPolicy::mayViewOperators(actor); !allowed) {
        return core::fail(allowed.error());
    }
    auto stmt = m_db.prepare("SELECT issuer_key_id, serial FROM operator_card WHERE login = ?");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    stmt->bind(1, login);
    auto row = stmt->step();
    if (!row) {
        return core::fail(row.error());
    }
    if (!*row) {
        return std::optional<store::CardIdentity>();
    }
    return std::optional<store::CardIdentity>(store::CardIdentity{stmt->columnBlob(0), stmt->columnBlob(1)});
}

core::Result<QString> OperatorService::loginBoundTo(const store::CardIdentity& card)
{
    auto login = loginOfCard(m_db, card);
    if (!login) {
        return core::fail(login.error());
    }
    if (!*login) {
        return core::fail(core::Errc::CardNotBound, QStringLiteral("no operator has card %1").arg(card.toString()));
    }
    return **login;
}

core::Result<Operator> OperatorService::authenticateCard(const store::CardIdentity& card)
{
    auto login = loginBoundTo(card);
    if (!login) {
        return core::fail(login.error());
    }
    auto account = find(*login);
    if (!account) {
        return core::fail(account.error());
    }
    if (account->lockedUntil.isValid() && account->lockedUntil > m_clock.now()) {
        return core::fail(core::Errc::AccountLocked,
                          QStringLiteral("locked until %1").arg(account->lockedUntil.toString(Qt::ISODate)));
    }
    if (account->disabled) {
        return core::fail(core::Errc::AuthenticationFailed, QStringLiteral("sign-in refused"));
    }
    if (auto noted = update(account->toOperator(), account->login,
                            "UPDATE operator SET failed_attempts = 0, locked_until = NULL WHERE login = ?",
                            QStringLiteral("sign_in_card"), card.toString(),
                            [&](store::Statement& stmt) { stmt.bind(1, account->login); });
        !noted) {
        return core::fail(noted.error());
    }
    return account->toOperator();
}

} // namespace madoguchi::services
