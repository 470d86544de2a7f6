#include "store/KeychainKeyProvider.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTimer>

#include <cstring>
#include <optional>

namespace madoguchi::store {

namespace {

core::Error errorOf(const QKeychain::Job& job)
{
    const QString detail = QStringLiteral("OS keychain: %1").arg(job.errorString());
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return {core::Errc::NotFound, detail, job.error()};
    case QKeychain::NoBackendAvailable:
        return {core::Errc::Unsupported, detail, job.error()};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return {core::Errc::PermissionDenied, detail, job.error()};
    default:
        return {core::Errc::Io, detail, job.error()};
    }
}

// Runs the job to its end on this thread (qtkeychain reports through a queued signal).
void runToEnd(QKeychain::Job& job)
{
    job.setAutoDelete(false);
    // Never fall back to a plain-text file when no keychain exists: then the passphrase route is the answer.
    job.setInsecureFallback(false);
    QEventLoop loop;
    bool done = false; // finished() may come from inside start() on some back-ends
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&loop, &done]() {
        done = true;
        loop.quit();
    });
    job.start();
    if (!done) {
        loop.exec();
    }
}

void wipe(QByteArray& bytes)
{
    if (!bytes.isEmpty()) {
        std::memset(bytes.data(), 0, static_cast<std::size_t>(bytes.size()));
    }
}

} // namespace

KeychainKeyProvider::KeychainKeyProvider(QString entry, QString service)
    : m_service(std::move(service)), m_entry(std::move(entry))
{}

core::Result<core::SecureBytes> KeychainKeyProvider::databaseKey()
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(m_entry);
    runToEnd(job);
    if (job.error() != QKeychain::NoError) {
        return core::fail(errorOf(job));
    }
    QByteArray data = job.binaryData();
    core::SecureBytes key(QByteArrayView(data.constData(), data.size()));
    wipe(data);
    if (key.size() != 32) {
        // Something else under our name: refuse rather than open the database with it.
        return core::fail(core::Errc::WrongKey, QStringLiteral("OS keychain entry is not a 32-byte database key"));
    }
    return key;
}

core::Result<void> KeychainKeyProvider::storeDatabaseKey(const core::SecureBytes& key)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(m_entry);
    QByteArray data(reinterpret_cast<const char*>(key.data()), static_cast<qsizetype>(key.size()));
    job.setBinaryData(data);
    wipe(data);
    runToEnd(job);
    if (job.error() != QKeychain::NoError) {
        return core::fail(errorOf(job));
    }
    return {};
}

core::Result<void> KeychainKeyProvider::removeDatabaseKey()
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(m_entry);
    runToEnd(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound) {
        return core::fail(errorOf(job));
    }
    return {};
}

} // namespace madoguchi::store

namespace madoguchi::store {

core::Result<void> KeychainKeyProvider::probe(const QString& service, std::chrono::milliseconds timeout)
{
    // On the heap and self-deleting: after a timeout the job may still be waiting inside the
    // keychain; it cleans up whenever it ends, and its finished() no longer reaches this loop.
    auto* job = new QKeychain::ReadPasswordJob(service); // owner: itself (autoDelete)
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(QStringLiteral("madoguchi-keychain-probe"));
    QEventLoop loop;
    std::optional<core::Result<void>> answer;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&loop, &answer, job]() {
        if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound) {
            answer = core::Result<void>{};
        } else {
            core::Error error = errorOf(*job);
            // Headless Linux shows up as OtherError from D-Bus ("Cannot autolaunch D-Bus without X11
            // $DISPLAY", "name not provided by any .service file"): for the probe that is "no keychain
            // service here", said as such; only a refusal keeps its own code.
            if (error.code == core::Errc::Io) {
                error.code = core::Errc::Unsupported;
            }
            answer = core::fail(std::move(error));
        }
        loop.quit();
    });
    QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
    job->start();
    if (!answer) {
        loop.exec();
    }
    if (!answer) {
        return core::fail(core::Errc::Timeout,
                          QStringLiteral("OS keychain: no answer within %1 ms").arg(timeout.count()));
    }
    return *answer;
}

} // namespace madoguchi::store
