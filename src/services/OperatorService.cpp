#include "services/OperatorService.h"

#include "core/Logging.h"
#include "services/AccessPolicy.h"
#include "services/ChangeRecorder.h"
#include "services/PasswordHasher.h"
#include "store/Database.h"
#include "store/Transaction.h"

#include <QRegularExpression>

#include <algorithm>

namespace madoguchi::services {

namespace {

constexpr auto SelectColumns = "SELECT login, display_name, role, disabled, failed_attempts, locked_until, created_at, "
                               "password_hash, password_salt, kdf_log2n, kdf_r, kdf_p FROM operator ";

core::Result<void> checkLogin(const QString& login)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9._-]{1,32}$"));
    if (!pattern.match(login).hasMatch()) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("operator name must be 1-32 of a-z 0-9 . _ -"));
    }
    return {};
}

core::Result<void> checkPassword(const core::SecureBytes& password)
{
    if (password.size() < static_cast<std::size_t>(OperatorService::MinPasswordLength)) {
        return core::fail(
            core::Errc::InvalidArgument,
            QStringLiteral("password shorter than %1 characters").arg(OperatorService::MinPasswordLength));
    }
    return {};
}

OperatorAccount accountFrom(const store::Statement& row, PasswordHash* hash)
{
    OperatorAccount account;
    account.login = row.columnText(0);
    account.displayName = row.columnText(1);
    account.role = roleFromName(row.columnText(2)).value_or(Role::Auditor);
    account.disabled = row.columnInt64(3) != 0;
    account.failedAttempts = static_cast<int>(row.columnInt64(4));
    if (!row.columnIsNull(5)) {
        account.lockedUntil = QDateTime::fromString(row.columnText(5), Qt::ISODate);
    }
    account.createdAt = QDateTime::fromString(row.columnText(6), Qt::ISODate);
    if (hash != nullptr) {
        hash->hash = row.columnBlob(7);
        hash->salt = row.columnBlob(8);
        hash->params = {static_cast<quint8>(row.columnInt64(9)), static_cast<quint8>(row.columnInt64(10)),
                        static_cast<quint8>(row.columnInt64(11))};
    }
    return account;
}

} // namespace

OperatorService::OperatorService(store::Database& db, const core::Clock& clock, ChangeRecorder* recorder,
                                 Options options)
    : m_db(db), m_clock(clock), m_recorder(recorder), m_options(options)
{}

core::Result<bool> OperatorService::hasOperators()
{
    auto count = m_db.queryInt("SELECT count(*) FROM operator");
    if (!count) {
        return core::fail(count.error());
    }
    return *count > 0;
}

core::Result<Operator> OperatorService::createFirstAdmin(const NewOperator& admin, const core::SecureBytes& password)
{
    auto any = hasOperators();
    if (!any) {
        return core::fail(any.error());
    }
    if (*any) {
        return core::fail(core::Errc::PermissionDenied, QStringLiteral("operators exist: not a first run"));
    }
    NewOperator account = admin;
    account.role = Role::Admin;
    auto tx = store::Transaction::begin(m_db);
    if (!tx) {
        return core::fail(tx.error());
    }
    if (auto inserted = insert(account, password); !inserted) {
        return core::fail(inserted.error());
    }
    const Operator op{account.login, Role::Admin};
    if (auto recorded = record(op, account.login, QStringLiteral("create_first_admin"), QString()); !recorded) {
        return core::fail(recorded.error());
    }
    if (auto committed = tx->commit(); !committed) {
        return core::fail(committed.error());
    }
    return op;
}

core::Result<void> OperatorService::insert(const NewOperator& account, const core::SecureBytes& password)
{
    if (auto ok = checkLogin(account.login); !ok) {
        return ok;
    }
    if (auto ok = checkPassword(password); !ok) {
        return ok;
    }
    auto hash = PasswordHasher::hash(password, m_options.kdf);
    if (!hash) {
        return core::fail(hash.error());
    }
    auto exists = find(account.login);
    if (exists) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("operator %1 exists").arg(account.login));
    }
    auto stmt = m_db.prepare("INSERT INTO operator(login, display_name, role, password_hash, password_salt, kdf_log2n, "
                             "kdf_r, kdf_p, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    const QString now = m_clock.now().toString(Qt::ISODate);
    stmt->bind(1, account.login).bind(2, account.displayName).bind(3, roleName(account.role));
    stmt->bindBlob(4, hash->hash).bindBlob(5, hash->salt).bind(6, int{hash->params.log2N});
    stmt->bind(7, int{hash->params.r}).bind(8, int{hash->params.p}).bind(9, now).bind(10, now);
    return stmt->run();
}

core::Result<OperatorAccount> OperatorService::find(const QString& login)
{
    auto stmt = m_db.prepare(std::string(SelectColumns) + "WHERE login = ?");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    stmt->bind(1, login);
    auto row = stmt->step();
    if (!row) {
        return core::fail(row.error());
    }
    if (!*row) {
        return core::fail(core::Errc::NotFound, QStringLiteral("no operator %1").arg(login));
    }
    return accountFrom(*stmt, nullptr);
}

core::Result<Operator> OperatorService::authenticate(const QString& login, const core::SecureBytes& password)
{
    auto stmt = m_db.prepare(std::string(SelectColumns) + "WHERE login = ?");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    stmt->bind(1, login);
    auto row = stmt->step();
    if (!row) {
        return core::fail(row.error());
    }
    if (!*row) {
        // Spend the same scrypt time as for a real account, so timing does not reveal valid names.
        (void)PasswordHasher::hash(password, m_options.kdf);
        return core::fail(core::Errc::AuthenticationFailed, QStringLiteral("sign-in refused"));
    }
    PasswordHash stored;
    const OperatorAccount account = accountFrom(*stmt, &stored);
    stmt = store::Statement();
    if (account.lockedUntil.isValid() && account.lockedUntil > m_clock.now()) {
        return core::fail(core::Errc::AccountLocked,
                          QStringLiteral("locked until %1").arg(account.lockedUntil.toString(Qt::ISODate)));
    }
    if (auto verified = PasswordHasher::verify(password, stored); !verified || account.disabled) {
        if (auto noted = noteFailure(account); !noted) {
            return core::fail(noted.error());
        }
        return core::fail(core::Errc::AuthenticationFailed, QStringLiteral("sign-in refused"));
    }
    if (auto noted = noteSuccess(account); !noted) {
        return core::fail(noted.error());
    }
    return account.toOperator();
}

core::Result<void> OperatorService::noteFailure(const OperatorAccount& account)
{
    const int failures = account.failedAttempts + 1;
    QString lockedUntil;
    if (failures >= m_options.maxFailures) {
        // Exponential back-off: 30 s, 60 s, 120 s … capped, so guessing stays slow without locking
        // a clerk out for the day.
        const int doublings = std::min(failures - m_options.maxFailures, 20);
        const qint64 seconds = std::min(m_options.firstLockSeconds << doublings, m_options.maxLockSeconds);
        lockedUntil = m_clock.now().addSecs(seconds).toString(Qt::ISODate);
    }
    return update(
        account.toOperator(), account.login,
        "UPDATE operator SET failed_attempts = ?, locked_until = ? WHERE login = ?", QStringLiteral("sign_in_failed"),
        // The reason is named for the auditor (issue 5 item 1); the password never is.
        (account.disabled ? QStringLiteral("account disabled, ") : QStringLiteral("wrong password, ")) +
            (lockedUntil.isEmpty() ? QStringLiteral("failure %1").arg(failures)
                                   : QStringLiteral("failure %1, locked until %2").arg(failures).arg(lockedUntil)),
        [&](store::Statement& stmt) { stmt.bind(1, failures).bindOptional(2, lockedUntil).bind(3, account.login); });
}

core::Result<void> OperatorService::noteSuccess(const OperatorAccount& account)
{
    return update(account.toOperator(), account.login,
                  "UPDATE operator SET failed_attempts = 0, locked_until = NULL WHERE login = ?",
                  QStringLiteral("sign_in"), QString(), [&](store::Statement& stmt) { stmt.bind(1, account.login); });
}

core::Result<QList<OperatorAccount>> OperatorService::list(const Operator& actor)
{
    if (auto allowed = AccessPolicy::mayViewOperators(actor); !allowed) {
        return core::fail(allowed.error());
    }
    auto stmt = m_db.prepare(std::string(SelectColumns) + "ORDER BY login");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    QList<OperatorAccount> accounts;
    for (auto row = stmt->step(); row && *row; row = stmt->step()) {
        accounts.append(accountFrom(*stmt, nullptr));
    }
    return accounts;
}

core::Result<void> OperatorService::add(const Operator& actor, const NewOperator& account,
                                        const core::SecureBytes& password)
{
    if (auto allowed = AccessPolicy::mayManageOperators(actor); !allowed) {
        return allowed;
    }
    auto tx = store::Transaction::begin(m_db);
    if (!tx) {
        return core::fail(tx.error());
    }
    if (auto inserted = insert(account, password); !inserted) {
        return inserted;
    }
    if (auto recorded =
            record(actor, account.login, QStringLiteral("add"), QStringLiteral("role %1").arg(roleName(account.role)));
        !recorded) {
        return recorded;
    }
    return tx->commit();
}

core::Result<void> OperatorService::setDisabled(const Operator& actor, const QString& login, bool disabled)
{
    if (auto allowed = AccessPolicy::mayManageOperators(actor); !allowed) {
        return allowed;
    }
    if (disabled) {
        if (auto other = ensureAnotherAdmin(login); !other) {
            return other;
        }
    }
    return update(actor, login, "UPDATE operator SET disabled = ?, updated_at = ? WHERE login = ?",
                  disabled ? QStringLiteral("disable") : QStringLiteral("enable"), QString(),
                  [&](store::Statement& stmt) {
                      stmt.bind(1, disabled ? 1 : 0).bind(2, m_clock.now().toString(Qt::ISODate)).bind(3, login);
                  });
}

core::Result<void> OperatorService::resetPassword(const Operator& actor, const QString& login,
                                                  const core::SecureBytes& password)
{
    if (auto allowed = AccessPolicy::mayManageOperators(actor); !allowed) {
        return allowed;
    }
    if (auto ok = checkPassword(password); !ok) {
        return ok;
    }
    auto hash = PasswordHasher::hash(password, m_options.kdf);
    if (!hash) {
        return core::fail(hash.error());
    }
    // A reset also lifts a lock: the administrator has just spoken to the operator.
    return update(actor, login,
                  "UPDATE operator SET password_hash = ?, password_salt = ?, kdf_log2n = ?, kdf_r = ?, kdf_p = ?, "
                  "failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE login = ?",
                  QStringLiteral("reset_password"), QString(), [&](store::Statement& stmt) {
                      stmt.bindBlob(1, hash->hash).bindBlob(2, hash->salt).bind(3, int{hash->params.log2N});
                      stmt.bind(4, int{hash->params.r}).bind(5, int{hash->params.p});
                      stmt.bind(6, m_clock.now().toString(Qt::ISODate)).bind(7, login);
                  });
}

core::Result<void> OperatorService::changeRole(const Operator& actor, const QString& login, Role role)
{
    if (auto allowed = AccessPolicy::mayManageOperators(actor); !allowed) {
        return allowed;
    }
    if (role != Role::Admin) {
        if (auto other = ensureAnotherAdmin(login); !other) {
            return other;
        }
    }
    return update(actor, login, "UPDATE operator SET role = ?, updated_at = ? WHERE login = ?",
                  QStringLiteral("change_role"), QStringLiteral("role %1").arg(roleName(role)),
                  [&](store::Statement& stmt) {
                      stmt.bind(1, roleName(role)).bind(2, m_clock.now().toString(Qt::ISODate)).bind(3, login);
                  });
}

// The counter must never end up without an active administrator (nobody could manage it again).
core::Result<void> OperatorService::ensureAnotherAdmin(const QString& login)
{
    auto stmt = m_db.prepare("SELECT count(*) FROM operator WHERE role = 'admin' AND disabled = 0 AND login <> ?");
    if (!stmt) {
        return core::fail(stmt.error());
    }
    stmt->bind(1, login);
    auto row = stmt->step();
    if (!row) {
        return core::fail(row.error());
    }
    auto target = find(login);
    const bool targetIsActiveAdmin = target && target->role == Role::Admin && !target->disabled;
    if (targetIsActiveAdmin && stmt->columnInt64(0) == 0) {
        return core::fail(core::Errc::InvalidArgument,
                          QStringLiteral("%1 is the last active administrator").arg(login));
    }
    return {};
}

core::Result<void> OperatorService::update(const Operator& actor, const QString& login, const char* sql,
                                           const QString& op, const QString& summary,
                                           const std::function<void(store::Statement&)>& bind)
{
    auto tx = store::Transaction::begin(m_db);
    if (!tx) {
        return core::fail(tx.error());
    }
    auto stmt = m_db.prepare(sql);
    if (!stmt) {
        return core::fail(stmt.error());
    }
    bind(*stmt);
    if (auto ran = stmt->run(); !ran) {
        return ran;
    }
    if (m_db.changes() != 1) {
        return core::fail(core::Errc::NotFound, QStringLiteral("no operator %1").arg(login));
    }
    if (auto recorded = record(actor, login, op, summary); !recorded) {
        return recorded;
    }
    return tx->commit();
}

core::Result<void> OperatorService::record(const Operator& actor, const QString& login, const QString& op,
                                           const QString& summary)
{
    qCInfo(lcServices) << "operator" << op << "by" << actor.id;
    if (m_recorder == nullptr) {
        return {};
    }
    return m_recorder->record(m_db, ChangeRecord{QStringLiteral("operator"), login.toUtf8(), op, 0, actor, summary});
}

} // namespace madoguchi::services
