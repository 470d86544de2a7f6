#include "services/SettingsService.h"

#include "pki/TrustStore.h"
#include "services/AccessPolicy.h"
#include "services/ChangeRecorder.h"
#include "services/SessionService.h"
#include "store/Database.h"
#include "store/Transaction.h"

#include <QFileInfo>
#include <QUrl>

#include <array>
#include <optional>

namespace madoguchi::services {

namespace {

struct KeyInfo
{
    SettingsService::Key key;
    const char* name;
    bool personal; // a display preference rather than office policy
};

constexpr std::array Keys{
    KeyInfo{SettingsService::Key::Language, "ui/language", true},
    KeyInfo{SettingsService::Key::PreferredReader, "reader/preferred", false},
    KeyInfo{SettingsService::Key::AllowExtendedLength, "reader/allowExtendedLength", false},
    KeyInfo{SettingsService::Key::PlatformAddress, "platform/address", false},
    KeyInfo{SettingsService::Key::TerminalCertificate, "platform/terminalCertificate", false},
    KeyInfo{SettingsService::Key::PhotoCheckApproved, "policy/photoCheckApproved", false},
    KeyInfo{SettingsService::Key::LockMinutes, "session/lockMinutes", false},
};

const KeyInfo& infoOf(SettingsService::Key key)
{
    return Keys.at(static_cast<std::size_t>(key));
}

QVariant defaultOf(SettingsService::Key key)
{
    switch (key) {
    case SettingsService::Key::AllowExtendedLength:
        return true;
    case SettingsService::Key::PhotoCheckApproved:
        return false;
    case SettingsService::Key::LockMinutes:
        return SessionService::DefaultLockMinutes;
    default:
        return QString();
    }
}

// The value in its stored form, or nullopt when it is out of range.
std::optional<QVariant> normalised(SettingsService::Key key, const QVariant& value)
{
    using Key = SettingsService::Key;
    switch (key) {
    case Key::Language: {
        const QString lang = value.toString();
        return lang == QStringLiteral("ja") || lang == QStringLiteral("en") ? std::optional<QVariant>(lang)
                                                                            : std::nullopt;
    }
    case Key::AllowExtendedLength:
    case Key::PhotoCheckApproved:
        return QVariant(value.toBool());
    case Key::LockMinutes: {
        bool ok = false;
        const int minutes = value.toInt(&ok);
        return ok && minutes >= 0 && minutes <= 120 ? std::optional<QVariant>(minutes) : std::nullopt;
    }
    case Key::PlatformAddress: {
        const QString text = value.toString().trimmed();
        const QUrl url(text, QUrl::StrictMode);
        const bool ok =
            text.isEmpty() || (url.isValid() && url.scheme() == QStringLiteral("https") && !url.host().isEmpty());
        return ok ? std::optional<QVariant>(text) : std::nullopt;
    }
    case Key::PreferredReader:
    case Key::TerminalCertificate:
        return QVariant(value.toString().trimmed());
    }
    return std::nullopt;
}

} // namespace

SettingsService::SettingsService(const QString& iniPath, QObject* parent)
    : QObject(parent), m_settings(iniPath, QSettings::IniFormat)
{}

SettingsService::~SettingsService() = default;

void SettingsService::attachAudit(store::Database* db, ChangeRecorder* recorder)
{
    m_db = db;
    m_recorder = recorder;
}

QString SettingsService::keyName(Key key)
{
    return QString::fromLatin1(infoOf(key).name);
}

QVariant SettingsService::value(Key key) const
{
    return m_settings.value(keyName(key), defaultOf(key));
}

core::Result<void> SettingsService::set(const Operator& actor, Key key, const QVariant& newValue)
{
    const auto allowed =
        infoOf(key).personal ? AccessPolicy::mayChangePreferences(actor) : AccessPolicy::mayChangeOfficeSettings(actor);
    if (!allowed) {
        return allowed;
    }
    const auto stored = normalised(key, newValue);
    if (!stored) {
        return core::fail(core::Errc::InvalidArgument, QStringLiteral("%1: value out of range").arg(keyName(key)));
    }
    const QVariant old = value(key);
    if (old == *stored) {
        return {};
    }
    // Values here are settings, never personal data: safe to put in the audit summary.
    const QString summary = QStringLiteral("%1: %2 -> %3").arg(keyName(key), old.toString(), stored->toString());
    auto recorded = record(actor, keyName(key), QStringLiteral("change"), summary, [&]() {
        m_settings.setValue(keyName(key), *stored);
        m_settings.sync();
        return m_settings.status() == QSettings::NoError;
    });
    if (!recorded) {
        return recorded;
    }
    Q_EMIT changed(key);
    return {};
}

core::Result<int> SettingsService::installTrustAnchors(const Operator& actor, pki::TrustStore& trust,
                                                       const QString& file)
{
    if (auto allowed = AccessPolicy::mayChangeOfficeSettings(actor); !allowed) {
        return core::fail(allowed.error());
    }
    core::Result<int> installed = 0;
    auto recorded = record(actor, QStringLiteral("trust_anchor"), QStringLiteral("install"),
                           QStringLiteral("from %1").arg(QFileInfo(file).fileName()), [&]() {
                               installed = trust.installAnchorsFromFile(file);
                               return installed.has_value();
                           });
    if (!installed) {
        return installed;
    }
    if (!recorded) {
        return core::fail(recorded.error());
    }
    return installed;
}

// The change is recorded and applied together: the audit row commits only when apply() succeeded,
// and a failing recorder stops the change before it is applied.
core::Result<void> SettingsService::record(const Operator& actor, const QString& entityId, const QString& op,
                                           const QString& summary, const std::function<bool()>& apply)
{
    if (m_db == nullptr || m_recorder == nullptr) {
        return apply() ? core::Result<void>{} : core::fail(core::Errc::Io, QStringLiteral("cannot save settings"));
    }
    auto tx = store::Transaction::begin(*m_db);
    if (!tx) {
        return core::fail(tx.error());
    }
    if (auto recorded = m_recorder->record(
            *m_db, ChangeRecord{QStringLiteral("setting"), entityId.toUtf8(), op, 0, actor, summary});
        !recorded) {
        return recorded;
    }
    if (!apply()) {
        return core::fail(core::Errc::Io, QStringLiteral("cannot save %1").arg(entityId));
    }
    return tx->commit();
}

} // namespace madoguchi::services
