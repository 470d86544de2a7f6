#include "pki/OcspOpenSsl.h"

#include <openssl/err.h>

#include <ctime>

namespace madoguchi::pki::ocsp_detail {

core::Result<X509Ptr> parseCertificate(const QByteArray& der, const char* what)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    X509Ptr cert(d2i_X509(nullptr, &p, der.size()));
    if (!cert) {
        return core::fail(core::Errc::MalformedDer,
                          QStringLiteral("%1 is not a DER certificate").arg(QLatin1String(what)), takeOpenSslError());
    }
    if (p != reinterpret_cast<const unsigned char*>(der.constData()) + der.size()) {
        return core::fail(core::Errc::MalformedDer, QStringLiteral("trailing bytes after %1").arg(QLatin1String(what)));
    }
    return cert;
}

qint64 takeOpenSslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    return static_cast<qint64>(code);
}

QDateTime toDateTime(const ASN1_GENERALIZEDTIME* time)
{
    if (time == nullptr) {
        return {};
    }
    std::tm tm{};
    if (ASN1_TIME_to_tm(time, &tm) != 1) {
        return {};
    }
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec),
                     Qt::UTC);
}

} // namespace madoguchi::pki::ocsp_detail
