#include "audit/VerifyReport.h"

namespace madoguchi::audit {

QString problemName(VerifyReport::Problem problem)
{
    switch (problem) {
    case VerifyReport::Problem::None:
        return QStringLiteral("none");
    case VerifyReport::Problem::Modified:
        return QStringLiteral("modified");
    case VerifyReport::Problem::Missing:
        return QStringLiteral("missing");
    case VerifyReport::Problem::Misplaced:
        return QStringLiteral("misplaced");
    case VerifyReport::Problem::HeadSignature:
        return QStringLiteral("head_signature");
    case VerifyReport::Problem::HeadRoot:
        return QStringLiteral("head_root");
    case VerifyReport::Problem::WrongTerminal:
        return QStringLiteral("wrong_terminal");
    case VerifyReport::Problem::Malformed:
        return QStringLiteral("malformed");
    case VerifyReport::Problem::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

} // namespace madoguchi::audit
