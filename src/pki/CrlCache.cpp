#include "pki/CrlCache.h"

#include "core/Logging.h"
#include "pki/CrlIssuer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryFile>

namespace madoguchi::pki {

CrlCache::CrlCache(QString directory) : m_dir(std::move(directory)) {}

QString CrlCache::crlPath(const QString& id) const
{
    return m_dir + QStringLiteral("/") + id + QStringLiteral(".crl");
}

QString CrlCache::indexPath(const QString& id) const
{
    return m_dir + QStringLiteral("/") + id + QStringLiteral(".crlidx");
}

QString CrlCache::issuerPath(const QString& id) const
{
    return m_dir + QStringLiteral("/") + id + QStringLiteral(".issuer.pem");
}

core::Result<Crl> CrlCache::import(const QString& path, const CrlIssuer& issuer, const core::Clock& clock)
{
    if (!QDir().mkpath(m_dir)) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot create %1").arg(m_dir));
    }
    // Verify the copy, not the source: what is cached is exactly what was checked.
    const QString temp = m_dir + QStringLiteral("/import-%1.tmp").arg(QCoreApplication::applicationPid());
    QFile::remove(temp);
    if (!QFile::copy(path, temp)) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot copy %1 into %2").arg(path, m_dir));
    }
    auto crl = Crl::load(temp, issuer, clock);
    if (!crl) {
        QFile::remove(temp);
        return crl;
    }
    const QString id = QString::fromLatin1(crl->contentId().toHex());
    QFile::remove(crlPath(id));
    if (!QFile::rename(temp, crlPath(id))) { // rename keeps the inode, the mapping and the mtime
        QFile::remove(temp);
        return core::fail(core::Errc::Io, QStringLiteral("cannot store %1").arg(crlPath(id)));
    }
    QFile pem(issuerPath(id));
    if (!pem.open(QIODevice::WriteOnly | QIODevice::Truncate) || pem.write(issuer.pem()) != issuer.pem().size()) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot write %1").arg(issuerPath(id)));
    }
    if (auto saved = crl->saveIndex(indexPath(id)); !saved) {
        return core::fail(saved.error());
    }
    return crl;
}

QStringList CrlCache::ids() const
{
    QStringList out;
    const QStringList files = QDir(m_dir).entryList({QStringLiteral("*.crl")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        out << file.chopped(4);
    }
    return out;
}

core::Result<Crl> CrlCache::open(const QString& id, const core::Clock& clock, bool* rebuilt) const
{
    if (rebuilt) {
        *rebuilt = false;
    }
    auto crl = Crl::reopen(crlPath(id), indexPath(id));
    if (crl || crl.error().code == core::Errc::Io) {
        return crl;
    }
    qCWarning(lcPki) << "CRL index rejected, rebuilding:" << crl.error().toString();
    auto issuer = CrlIssuer::fromPemFile(issuerPath(id));
    if (!issuer) {
        return core::fail(issuer.error());
    }
    auto fresh = Crl::load(crlPath(id), *issuer, clock);
    if (!fresh) {
        return fresh;
    }
    if (QString::fromLatin1(fresh->contentId().toHex()) != id) {
        return core::fail(core::Errc::MalformedInput,
                          QStringLiteral("cached CRL %1 no longer matches its name").arg(id));
    }
    if (auto saved = fresh->saveIndex(indexPath(id)); !saved) {
        return core::fail(saved.error());
    }
    if (rebuilt) {
        *rebuilt = true;
    }
    return fresh;
}

} // namespace madoguchi::pki
