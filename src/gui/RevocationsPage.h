#pragma once

#include "services/Operator.h"

#include <QWidget>

#include <memory>

class QTableView;

namespace Ui {
class RevocationsPage;
}

namespace madoguchi::services {
class CrlOverview;
class CrlSweep;
class RevocationQueue;
} // namespace madoguchi::services

namespace madoguchi::gui {

class RevocationsCrlModel;
class RevocationsWorkModel;

// The Revocations page (issue 3 item 9, issue 6 item 5): loaded CRLs and their age, counts by reason,
// serial look-up with where the answer came from, the OCSP settings, and the queues of migrations
// (reason 4) and change-of-address events (reason 3) to work through.
class RevocationsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RevocationsPage)

public:
    RevocationsPage(services::CrlOverview& crls, services::RevocationQueue& queue, const services::Operator& op,
                    QString ocspResponderUrl, QWidget* parent = nullptr);
    ~RevocationsPage() override;

    [[nodiscard]] RevocationsCrlModel* crlModel() const { return m_crlModel; }
    [[nodiscard]] RevocationsWorkModel* migrationModel() const { return m_migrations; }
    [[nodiscard]] RevocationsWorkModel* addressModel() const { return m_addresses; }

    // After each import the counter's registry is held against the CRLs (nullptr: no registry to sweep).
    void setSweep(services::CrlSweep* sweep) { m_sweep = sweep; }
    void importCrl(const QString& crlPath, const QString& issuerPemPath);
    void lookUp(const QString& serialHex);
    void refresh();
    void markSelectedDone();

private:
    void onImportClicked();
    void showCrls();
    void updateActions();
    [[nodiscard]] QTableView* currentQueueView() const;

    const std::unique_ptr<Ui::RevocationsPage> m_ui;
    services::CrlOverview& m_crls;
    services::RevocationQueue& m_queue;
    const services::Operator& m_operator;
    RevocationsCrlModel* m_crlModel;
    RevocationsWorkModel* m_migrations;
    RevocationsWorkModel* m_addresses;
    services::CrlSweep* m_sweep = nullptr;

    [[nodiscard]] QString sweepRegistry();
};

} // namespace madoguchi::gui
