#pragma once

#include "pki/DemoResident.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace madoguchi::bench {

// Card-login request bodies for terminal "bench-a", made ahead: a challenge token as the platform
// would issue it (HMAC with the platform secret) and the resident's signature over it (RSA signing
// is the card's work, not the platform's, so it is not measured).
[[nodiscard]] QList<QByteArray> signedVerifications(const QByteArray& secret, const pki::DemoResident& resident,
                                                    int count);
// The same, one body a line, dealt round-robin into <directory>/verify-bodies.txt.<i> for i < parts
// (one file per wrk thread: verify.lua); returns the path without the suffix.
[[nodiscard]] QString verificationFiles(const QString& directory, const QByteArray& secret,
                                        const pki::DemoResident& resident, int count, int parts);

} // namespace madoguchi::bench
