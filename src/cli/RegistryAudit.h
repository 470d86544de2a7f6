#pragma once

// Recording the CLI's checks in a registry's audit log (issue 5 item 1: CRL and OCSP results).
#include "cli/CliIo.h"

#include <QJsonObject>
#include <QString>

namespace madoguchi::cli {

// `crl import|check` and `ocsp check` work without a database. When one is named (--db PATH or
// MADOGUCHI_DB, passphrase as for `db`, --operator/--role as for `linkage`), their result is appended
// to its audit log in its own transaction. These verbs change nothing in the registry, so a failure to
// record is reported on stderr and the verb's own result and exit code stand.
void recordInRegistry(CliIo& io, const QString& action, const QString& subject, const QJsonObject& payload);

} // namespace madoguchi::cli
