#pragma once

#include "audit/VerifyReport.h"

#include <QByteArray>
#include <QString>

namespace madoguchi::audit {

// The verifying half of AuditBundle (internal to the audit library).
class BundleReader final
{
public:
    [[nodiscard]] static VerifyReport verify(const QString& path, const QByteArray& pinnedKey,
                                             const QString& expectedTerminal);
};

} // namespace madoguchi::audit
