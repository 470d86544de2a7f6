#pragma once

#include "audit/VerifyReport.h"
#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace madoguchi::store {
class Database;
}

namespace madoguchi::audit {

// An offline-verifiable export of entries [from, to) (issue 5 item 3). A directory with
//   entries.jsonl  one line per entry: {"index", "leaf" (hex), "bytes" (base64 canonical), "entry"}
//   bundle.json    terminal, public key (PEM), range, the first signed head covering `to`, the last
//                  head at or before `from` with an RFC 6962 consistency proof between them, and the
//                  hashes of the subtrees outside the range that the head's root needs
//   terminal.pem   the terminal's public key (same as in bundle.json)
// No database key is needed to verify it; the auditor pins the terminal's key or fingerprint.
class AuditBundle final
{
public:
    static constexpr const char* kFormat = "madoguchi-audit-bundle/1";

    // Needs a signed head with size >= to (AuditLog::signTreeHead() first). Returns the SHA-256 of
    // bundle.json, which itself commits to the entries through the signed root.
    [[nodiscard]] static core::Result<QByteArray> exportRange(store::Database& db, qint64 from, qint64 to,
                                                              const QString& directory);
    // `path`: the bundle directory or its bundle.json. `pinnedKey` (PEM or DER, may be empty) and
    // `expectedTerminal` (may be empty) reject a bundle from another terminal.
    [[nodiscard]] static VerifyReport verify(const QString& path, const QByteArray& pinnedKey = {},
                                             const QString& expectedTerminal = {});
};

} // namespace madoguchi::audit
