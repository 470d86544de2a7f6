#pragma once

#include "core/Result.h"
#include "services/Operator.h"

#include <QObject>
#include <QSettings>
#include <QVariant>

#include <functional>

namespace madoguchi::store {
class Database;
}
namespace madoguchi::pki {
class TrustStore;
}

namespace madoguchi::services {

class ChangeRecorder;

// This machine's settings (issue 6 item 7), in an INI file in the data directory. Why a file and
// not the database: the language and the lock timeout are needed before the database is open (first
// run, sign-in), the file is per machine as the issue asks, and an installer or an administrator can
// pre-seed it. Every change is checked against the operator's role and recorded through the
// ChangeRecorder (entity "setting") in a database transaction when a database is attached.
class SettingsService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsService)

public:
    enum class Key
    {
        Language,            // "ja" | "en": a personal preference, anyone signed in
        PreferredReader,     // reader name, empty = first with a card
        AllowExtendedLength, // bool
        PlatformAddress,     // https://… (stored only, sync is another issue)
        TerminalCertificate, // path of the terminal's client certificate
        PhotoCheckApproved,  // bool: this office may use the photo-check route
        LockMinutes,         // 0 = never, 1–120
    };

    explicit SettingsService(const QString& iniPath, QObject* parent = nullptr);
    ~SettingsService() override;

    // Where changes are recorded; both may be null (no recording, e.g. before the database exists).
    void attachAudit(store::Database* db, ChangeRecorder* recorder);

    [[nodiscard]] QVariant value(Key key) const;
    [[nodiscard]] QString language() const { return value(Key::Language).toString(); }
    [[nodiscard]] int lockMinutes() const { return value(Key::LockMinutes).toInt(); }
    [[nodiscard]] bool photoCheckApproved() const { return value(Key::PhotoCheckApproved).toBool(); }

    // Errc::PermissionDenied for the wrong role, Errc::InvalidArgument for a value out of range.
    [[nodiscard]] core::Result<void> set(const Operator& actor, Key key, const QVariant& value);
    // Admins: trust the CA certificates in `file` (TrustStore::installAnchorsFromFile), recorded.
    [[nodiscard]] core::Result<int> installTrustAnchors(const Operator& actor, pki::TrustStore& trust,
                                                        const QString& file);

    [[nodiscard]] static QString keyName(Key key);
    [[nodiscard]] QString filePath() const { return m_settings.fileName(); }

Q_SIGNALS:
    void changed(madoguchi::services::SettingsService::Key key);

private:
    [[nodiscard]] core::Result<void> record(const Operator& actor, const QString& entityId, const QString& op,
                                            const QString& summary, const std::function<bool()>& apply);

    QSettings m_settings;
    store::Database* m_db = nullptr;
    ChangeRecorder* m_recorder = nullptr;
};

} // namespace madoguchi::services
