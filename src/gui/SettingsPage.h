#pragma once

#include "core/Result.h"
#include "services/SettingsService.h"

#include <QWidget>

#include <memory>

namespace Ui {
class SettingsPage;
}

namespace madoguchi::pki {
class TrustStore;
}
namespace madoguchi::services {
class SessionService;
}

namespace madoguchi::gui {

class LanguageSwitcher;
class TrustAnchorModel;

// This machine's settings (issue 6 item 7). Each edit goes straight to SettingsService as the
// signed-in operator, which checks the role and records the change; a refusal is shown and the
// field returns to the stored value. The language switches live.
class SettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    SettingsPage(services::SettingsService& settings, services::SessionService& session, pki::TrustStore* trust,
                 LanguageSwitcher* language, QWidget* parent = nullptr);
    ~SettingsPage() override;

    // Re-reads the stored values and the operator's rights (after sign-in or a role change).
    void refresh();

protected:
    void changeEvent(QEvent* event) override;

private:
    void connectFields();
    void retranslate();
    void apply(services::SettingsService::Key key, const QVariant& value);
    void onLanguageActivated(int index);
    void onInstallAnchorClicked();
    void showResult(const core::Result<void>& result);

    const std::unique_ptr<Ui::SettingsPage> m_ui;
    services::SettingsService& m_settings;
    services::SessionService& m_session;
    pki::TrustStore* m_trust;
    LanguageSwitcher* m_language;
    TrustAnchorModel* m_anchors;
};

} // namespace madoguchi::gui
