#pragma once

#include "core/Result.h"

#include <QByteArray>

#include <vector>

namespace madoguchi::pki {

// The `index.txt` of an `openssl ca` database, which `openssl ocsp -index` serves: one line per
// certificate, `V` (valid) or `R` (revoked, with date and reason taken from the CRL), expiry,
// serial in upper-case hex, "unknown", subject. Lets a real OpenSSL responder answer for the test PKI.
[[nodiscard]] core::Result<QByteArray> makeResponderIndex(const std::vector<QByteArray>& certsDer,
                                                          const QByteArray& crlDer);

} // namespace madoguchi::pki
