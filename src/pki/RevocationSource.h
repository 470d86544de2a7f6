#pragma once

#include "core/Result.h"
#include "pki/RevocationQuery.h"
#include "pki/RevocationStatus.h"

namespace madoguchi::pki {

// One place that can answer a revocation question: OCSP, a CRL index, the platform's feed.
// statusOf() may block (network); callers run it on a worker thread, never on the GUI thread
// (architecture.md §2). An error means "no answer" and never counts as good.
class RevocationSource
{
public:
    virtual ~RevocationSource() = default;
    [[nodiscard]] virtual RevocationSourceKind kind() const = 0;
    [[nodiscard]] virtual core::Result<RevocationStatus> statusOf(const RevocationQuery& query) = 0;
    // Thread-safe: makes a running statusOf() return Errc::Cancelled soon.
    virtual void cancel() {}
};

} // namespace madoguchi::pki
