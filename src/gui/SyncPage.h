#pragma once

#include "services/Operator.h"
#include "services/SyncConflicts.h"

#include <QWidget>

#include <memory>

namespace Ui {
class SyncPage;
}

namespace madoguchi::services {
class SyncService;
struct SyncStatus;
} // namespace madoguchi::services

namespace madoguchi::gui {

class SyncConflictModel;

// The Sync page (issue 6 item 6, issue 7 item 3): the platform's address and the state in words and
// an icon, when this counter last sent and received, what waits to be sent, "Sync now" (run by
// services::SyncService on its worker thread, with progress and cancel), and the conflicts with both
// versions side by side for a person to decide. Auditors see everything and resolve nothing. Without
// a platform (training, or not yet registered) the page says so and points to Settings.
class SyncPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncPage)

public:
    // `service` may be null: no store open, or no platform configured.
    SyncPage(services::SyncService* service, const services::Operator& op, QWidget* parent = nullptr);
    ~SyncPage() override;

    [[nodiscard]] SyncConflictModel* conflictModel() const { return m_conflicts; }

    void refresh();
    void syncNow();
    void cancelSync();
    void resolveSelected(services::SyncConflicts::Choice choice);

Q_SIGNALS:
    void settingsRequested();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showStatus(const services::SyncStatus& status);
    void showSelectedConflict();
    void onProgress(int pushed, int pulled);
    void onFinished(bool ok);
    void updateActions();
    [[nodiscard]] int selectedRow() const;
    [[nodiscard]] static QString versionText(const QJsonObject& version);

    const std::unique_ptr<Ui::SyncPage> m_ui;
    services::SyncService* m_service;
    const services::Operator& m_operator;
    SyncConflictModel* m_conflicts;
};

} // namespace madoguchi::gui
