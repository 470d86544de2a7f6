#pragma once

#include "audit/AuditLog.h"
#include "audit/AuditQuery.h"
#include "core/Result.h"
#include "services/Operator.h"

#include <QIODevice>
#include <QString>

namespace madoguchi::services {

// Where the audit pieces of a registry live and how they are opened, shared by the CLI and the app.
// The tree-head key is "<db>.audit.pem" beside the database (not inside it: issue 5 "also by someone
// holding the database key"); the terminal id comes from $MADOGUCHI_TERMINAL, else the host name.
class AuditSetup final
{
public:
    [[nodiscard]] static QString keyPathFor(const QString& databasePath);
    [[nodiscard]] static QString defaultTerminal();
    [[nodiscard]] static core::Result<audit::AuditLog> openLog(store::Database& db, const QString& databasePath,
                                                               const core::Clock& clock, QString terminal = {});
    // The public key trusted for verification: --public-key file if given, else derived from the key
    // file, else empty (the verifier then uses the database's copy and says so).
    [[nodiscard]] static QByteArray trustedKey(const QString& databasePath, const QString& publicKeyFile = {});
    // Seals [end of the previous archive, to) into a bundle in `directory` and records the archive
    // (audit_archive row + "audit.archive" entry, one transaction). Entries stay in place: the tree
    // remains continuous and later heads still cover them; the bundle verifies on its own.
    struct Archive
    {
        qint64 from = 0;
        qint64 to = 0;
        QByteArray bundleSha256;
    };
    [[nodiscard]] static core::Result<Archive> archive(audit::AuditLog& log, const Operator& op,
                                                       const QString& directory, qint64 to = -1);
    // The filtered rows as CSV (CsvWriter: formula-injection safe); returns the number of rows.
    [[nodiscard]] static core::Result<qint64> writeCsv(store::Database& db, const audit::AuditFilter& filter,
                                                       QIODevice& out);
};

} // namespace madoguchi::services
