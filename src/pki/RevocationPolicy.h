#pragma once

#include <QtGlobal>

namespace madoguchi::pki {

// How the revocation service decides; explicit, and failing closed (architecture.md §5):
//  - "revoked" from any source consulted is final, even from a stale CRL (revocations are not undone);
//  - "unknown" from OCSP is final too: the responder does not vouch for the certificate, and a CRL
//    that merely does not list it must not turn that into "good";
//  - an error (unreachable, timeout, bad signature, stale) is no answer: the next source is asked
//    only if `fallback` allows it, and with no answer at all the verdict is "unknown";
//  - nothing ever becomes "good" by default.
struct RevocationPolicy
{
    bool ocspFirst = true;        // OCSP for same-day status, then the CRL (jpki-card.md §6); false: CRL first
    bool fallback = true;         // ask the other source when the first gives no answer
    bool usePlatformFeed = false; // the platform's feed as the last source, once it exists
    // J-LIS publishes a full CRL daily (jpki-card.md §6): a day plus a margin for the download.
    qint64 maxCrlAgeSeconds = 36 * 3600;
    // A CRL past its nextUpdate or older than maxCrlAgeSeconds is no answer (RevocationStale).
    // Off only for an explicitly offline counter; the verdict still carries the CRL's age.
    bool requireFresh = true;
};

} // namespace madoguchi::pki
