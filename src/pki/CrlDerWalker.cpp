#include "pki/CrlDerWalker.h"

namespace madoguchi::pki {

core::Error CrlDerWalker::errorAt(qint64 offset, const char* what, const char* why)
{
    return core::Error{
        core::Errc::MalformedDer,
        QStringLiteral("offset %1: %2: %3").arg(offset).arg(QString::fromLatin1(what), QString::fromLatin1(why)),
        offset};
}

bool CrlDerWalker::failHere(const char* why)
{
    m_error = errorAt(m_pos, "DER", why);
    return false;
}

core::Result<void> CrlDerWalker::expectEnd(const char* what) const
{
    if (m_pos != m_end) {
        return core::fail(errorAt(m_pos, what, "unexpected trailing data"));
    }
    return {};
}

} // namespace madoguchi::pki
