#pragma once

// Options shared by the `db` and `linkage` groups: which database, which passphrase, who acts.
#include "core/Result.h"
#include "services/Operator.h"
#include "services/StoreSession.h"
#include "store/PassphraseKeyProvider.h"

#include <QStringList>

namespace madoguchi::cli {

// "--name value" from a verb's arguments; empty when absent.
inline QString optionValue(const QStringList& args, const QString& name)
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : QString();
}

// --db PATH, else $MADOGUCHI_DB.
inline QString databasePath(const QStringList& args)
{
    const QString path = optionValue(args, QStringLiteral("--db"));
    return path.isEmpty() ? QString::fromLocal8Bit(qgetenv("MADOGUCHI_DB")) : path;
}

// --passphrase-file F, else $MADOGUCHI_DB_PASSPHRASE (headless use, issue 4 item 2).
inline core::Result<core::SecureBytes> databasePassphrase(const QStringList& args)
{
    return store::PassphraseKeyProvider::readPassphrase(optionValue(args, QStringLiteral("--passphrase-file")),
                                                        "MADOGUCHI_DB_PASSPHRASE");
}

// The database at `path`, opened with the passphrase of databasePassphrase() (the CLI never opens
// from the keychain: docs/storage.md "Keys").
inline core::Result<services::StoreSession> openStore(const QString& path, const QStringList& args)
{
    auto secret = databasePassphrase(args);
    if (!secret) {
        return core::fail(secret.error());
    }
    return services::StoreSession::open(path, std::move(*secret));
}

// --operator ID (default $USER, else "cli") and --role NAME (default admin: the CLI is the administrator's tool).
inline core::Result<services::Operator> cliOperator(const QStringList& args)
{
    QString id = optionValue(args, QStringLiteral("--operator"));
    if (id.isEmpty()) {
        id = QString::fromLocal8Bit(qgetenv("USER"));
    }
    if (id.isEmpty()) {
        id = QStringLiteral("cli"); // no login name (containers, CI): still an identifiable actor
    }
    const QString roleText = optionValue(args, QStringLiteral("--role"));
    const auto role = services::roleFromName(roleText.isEmpty() ? QStringLiteral("admin") : roleText);
    if (!role || id.isEmpty()) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("--operator ID and --role "
                                                                      "municipal_staff|insurer_clerk|auditor|admin"));
    }
    return services::Operator{id, *role};
}

} // namespace madoguchi::cli
