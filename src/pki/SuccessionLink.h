#pragma once

#include "pki/SuccessionKey.h"

#include <QDateTime>

namespace madoguchi::pki {

// One J-LIS old↔new certificate link (証明書新旧紐付け, jpki-card.md §6): the certificate `from`
// was superseded by `to` (renewal or re-issue), as recorded at `linkedAt`.
struct SuccessionLink
{
    SuccessionKey from;
    SuccessionKey to;
    QDateTime linkedAt; // UTC
};

} // namespace madoguchi::pki
