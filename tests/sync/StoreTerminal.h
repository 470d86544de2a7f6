#pragma once

// A counter for the store-backed sync tests: an encrypted, migrated registry in a temp dir, its
// LinkageService, and a SyncService whose worker opens its own connection to the same file.

#include "../platformd/PlatformTestEnv.h"
#include "../services/ServiceFixture.h"

#include "audit/AuditLog.h"
#include "services/AuditChangeRecorder.h"
#include "services/AuditSetup.h"
#include "services/LinkageService.h"
#include "services/SyncService.h"
#include "services/VaultSealer.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>

#include <functional>
#include <memory>

namespace madoguchi::test {

inline const services::Operator SyncStaff{QStringLiteral("staff-1"), services::Role::MunicipalStaff};

struct StoreTerminal
{
    QTemporaryDir dir;
    core::SystemClock clock;
    std::optional<store::Database> db;
    std::optional<audit::AuditLog> audit;
    std::unique_ptr<services::AuditChangeRecorder> recorder;
    std::optional<services::PanSealer> sealer; // from vault.pem beside terminal.pem, as an office counter
    std::unique_ptr<services::LinkageService> linkages;
    std::unique_ptr<services::SyncService> sync;
    services::SyncService::Config config;

    static bool write(const QString& path, const QByteArray& bytes)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }

    // Registers `id` with the platform and writes terminal.pem / terminal.key / ca.pem / vault.pem.
    static std::unique_ptr<StoreTerminal> enrol(tests::PlatformTestEnv& env, const QString& id, int batchSize = 500)
    {
        return enrolWith(
            env, id,
            [&env, id](const QDir& dir) {
                auto credentials = env.enrol(id);
                return credentials &&
                       write(dir.filePath(QStringLiteral("terminal.pem")), credentials->certificatePem) &&
                       write(dir.filePath(QStringLiteral("terminal.key")), credentials->privateKeyPem) &&
                       write(dir.filePath(QStringLiteral("ca.pem")), credentials->caPem) &&
                       write(dir.filePath(QStringLiteral("vault.pem")), credentials->vaultPublicKeyPem);
            },
            batchSize);
    }

    // `writeCredentials` puts the terminal's files into the counter's directory (e.g. by running
    // `madoguchi-cli sync enrol --out DIR`); the counter then starts as the app does: the vault key from
    // vault.pem beside terminal.pem (services::loadVaultSealer), absent → no credit cards.
    static std::unique_ptr<StoreTerminal> enrolWith(tests::PlatformTestEnv& env, const QString& id,
                                                    const std::function<bool(const QDir&)>& writeCredentials,
                                                    int batchSize = 500)
    {
        auto t = std::make_unique<StoreTerminal>();
        const QString path = t->dir.filePath(QStringLiteral("madoguchi.db"));
        t->db = openMigrated(path);
        if (!t->db || !writeCredentials(QDir(t->dir.path()))) {
            return nullptr;
        }
        const QString cert = t->dir.filePath(QStringLiteral("terminal.pem"));
        auto log = services::AuditSetup::openLog(*t->db, path, t->clock, id);
        if (!log) {
            return nullptr;
        }
        t->audit.emplace(std::move(*log));
        t->recorder = std::make_unique<services::AuditChangeRecorder>(*t->audit);
        t->sealer = services::loadVaultSealer(nullptr, cert);
        t->linkages = std::make_unique<services::LinkageService>(*t->db, t->clock, id,
                                                                 t->sealer ? &*t->sealer : nullptr, t->recorder.get());
        services::SyncService::Config config;
        config.platform = env.baseUrl();
        config.terminalCertificate = cert;
        config.openWorkerDatabase = [path]() {
            return store::Database::open(path, fixtureKey(), store::Database::Mode::OpenExisting);
        };
        config.batchSize = batchSize;
        config.pageSize = 1000;
        config.initialBackoffMs = 50;
        t->config = config;
        t->sync = std::make_unique<services::SyncService>(*t->db, t->clock, config, t->recorder.get(), &*t->audit);
        return t;
    }

    bool runSync(int timeoutMs = 120000)
    {
        QSignalSpy done(sync.get(), &services::SyncService::finished);
        if (auto started = sync->start(SyncStaff); !started) {
            qWarning() << started.error().toString();
            return false;
        }
        if (!done.wait(timeoutMs) || !done.at(0).at(0).toBool()) {
            qWarning() << (sync->lastError() ? sync->lastError()->toString() : QStringLiteral("timeout"));
            return false;
        }
        return true;
    }

    qint64 count(const char* sql) { return db->queryInt(sql).value_or(-1); }
};

inline services::EnrolRequest insurance(int cardNo, const QString& number)
{
    services::EnrolRequest r;
    r.card = card(cardNo);
    r.kind = QStringLiteral("health_insurance");
    r.fields = {{QStringLiteral("insurer_number"), QStringLiteral("33120015")},
                {QStringLiteral("symbol"), QStringLiteral("記号")},
                {QStringLiteral("number"), number},
                {QStringLiteral("branch"), QStringLiteral("01")}};
    return r;
}

inline services::EnrolRequest catv(int cardNo, const QString& household)
{
    services::EnrolRequest r;
    r.card = card(cardNo);
    r.kind = QStringLiteral("catv");
    r.fields = {{QStringLiteral("household_id"), household}};
    return r;
}

} // namespace madoguchi::test
