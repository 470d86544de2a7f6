#include "pki/RevocationStatus.h"

#include <array>

namespace madoguchi::pki {

QString certStatusName(CertStatus status)
{
    switch (status) {
    case CertStatus::Good:
        return QStringLiteral("good");
    case CertStatus::Revoked:
        return QStringLiteral("revoked");
    case CertStatus::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString sourceKindName(RevocationSourceKind kind)
{
    switch (kind) {
    case RevocationSourceKind::Ocsp:
        return QStringLiteral("ocsp");
    case RevocationSourceKind::Crl:
        return QStringLiteral("crl");
    case RevocationSourceKind::PlatformFeed:
        break;
    }
    return QStringLiteral("platform_feed");
}

QString reasonName(int reasonCode)
{
    // RFC 5280 §5.3.1 names; 7 is not used.
    static constexpr std::array<const char*, 11> Names{"unspecified",        "keyCompromise", "cACompromise",
                                                       "affiliationChanged", "superseded",    "cessationOfOperation",
                                                       "certificateHold",    "unused7",       "removeFromCRL",
                                                       "privilegeWithdrawn", "aACompromise"};
    if (reasonCode < 0 || reasonCode >= static_cast<int>(Names.size())) {
        return QStringLiteral("reason%1").arg(reasonCode);
    }
    return QString::fromLatin1(Names[static_cast<size_t>(reasonCode)]);
}

} // namespace madoguchi::pki
