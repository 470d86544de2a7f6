#include "pki/OcspCache.h"

#include "core/Logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMutexLocker>
#include <QSaveFile>

namespace madoguchi::pki {

namespace {
// An OCSP response for one certificate is a few KiB; anything far bigger on disk is not ours.
constexpr qint64 MaxCachedResponseBytes = 1 << 20;
} // namespace

OcspCache::OcspCache(const core::Clock& clock, QString diskDirectory)
    : m_clock(clock), m_diskDirectory(std::move(diskDirectory))
{}

std::optional<RevocationStatus> OcspCache::find(const QByteArray& certIdDer) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(certIdDer);
    if (it == m_entries.cend() || !(m_clock.now() < it->nextUpdate)) {
        return std::nullopt;
    }
    RevocationStatus status = *it;
    status.fromCache = true;
    return status;
}

std::optional<QByteArray> OcspCache::findOnDisk(const QByteArray& certIdDer) const
{
    if (m_diskDirectory.isEmpty()) {
        return std::nullopt;
    }
    QFile file(pathFor(certIdDer));
    if (!file.open(QIODevice::ReadOnly) || file.size() > MaxCachedResponseBytes) {
        return std::nullopt;
    }
    return file.readAll();
}

void OcspCache::store(const QByteArray& certIdDer, const RevocationStatus& status, const QByteArray& responseDer)
{
    if (!status.nextUpdate.isValid() || !(m_clock.now() < status.nextUpdate)) {
        return;
    }
    {
        QMutexLocker lock(&m_mutex);
        m_entries.insert(certIdDer, status);
    }
    if (m_diskDirectory.isEmpty() || responseDer.isEmpty()) {
        return;
    }
    QDir().mkpath(m_diskDirectory);
    QSaveFile file(pathFor(certIdDer));
    if (!file.open(QIODevice::WriteOnly) || file.write(responseDer) != responseDer.size() || !file.commit()) {
        qCWarning(lcPki) << "OCSP disk cache write failed:" << file.errorString();
    }
}

void OcspCache::remove(const QByteArray& certIdDer)
{
    {
        QMutexLocker lock(&m_mutex);
        m_entries.remove(certIdDer);
    }
    if (!m_diskDirectory.isEmpty()) {
        QFile::remove(pathFor(certIdDer));
    }
}

void OcspCache::clearMemory()
{
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
}

int OcspCache::memorySize() const
{
    QMutexLocker lock(&m_mutex);
    return static_cast<int>(m_entries.size());
}

QString OcspCache::pathFor(const QByteArray& certIdDer) const
{
    const QByteArray name = QCryptographicHash::hash(certIdDer, QCryptographicHash::Sha256).toHex();
    return m_diskDirectory + QLatin1Char('/') + QString::fromLatin1(name) + QStringLiteral(".ocsp");
}

} // namespace madoguchi::pki
