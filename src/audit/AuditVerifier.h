#pragma once

#include "audit/VerifyReport.h"
#include "core/Result.h"

#include <QByteArray>

namespace madoguchi::store {
class Database;
}

namespace madoguchi::audit {

// `audit verify` on the database (issue 5 item 3): every body is re-hashed and checked against its
// index, its cached leaf hash and its 256-leaf block; every tree head's signature is checked with the
// trusted key and its root recomputed from the entries (roots recomputed from the same leaves make
// consecutive heads consistent by construction). One pass, streaming, O(log n) memory.
class AuditVerifier final
{
public:
    // `trustedKey`: the terminal's public key (DER or PEM) from outside the database — the key file
    // or the platform; empty means "the key registered in the database", which someone holding the
    // database key could replace (the report's detail says so).
    [[nodiscard]] static core::Result<VerifyReport> verifyDatabase(store::Database& db, const QByteArray& trustedKey,
                                                                   const VerifyProgress& progress = {});
};

} // namespace madoguchi::audit
