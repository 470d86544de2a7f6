#pragma once

#include "gui/ImportDialog.h"
#include "services/CardSummary.h"
#include "services/Operator.h"
#include "store/Database.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

namespace Ui {
class LinkagesPage;
}

namespace madoguchi::core {
class Clock;
}
namespace madoguchi::services {
class CardReaderService;
class LinkageService;
} // namespace madoguchi::services

namespace madoguchi::gui {

class LinkageTableModel;

// The Linkages page (issue 4 item 8, issue 6 item 4): search by the card on the reader, platform ID,
// insurance number or name; details and history; suspend / end / migrate with a reason; bulk import.
// Buttons follow the role (AccessPolicy), and the services refuse regardless.
class LinkagesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkagesPage)

public:
    enum class SearchMode
    {
        CardOnReader,
        PlatformId,
        Insurance, // "insurer symbol number branch", separated by spaces or '/'
        Name,
    };
    // Asks for a line of text (a reason, a successor card); nullopt when cancelled. A seam for tests.
    using TextPrompt = std::function<std::optional<QString>(const QString& title, const QString& label)>;

    LinkagesPage(services::LinkageService& linkages, services::CardReaderService& cards, const services::Operator& op,
                 const core::Clock& clock, ImportDialog::Setup importSetup, QWidget* parent = nullptr);
    ~LinkagesPage() override;

    void setTextPrompt(TextPrompt prompt) { m_prompt = std::move(prompt); }
    [[nodiscard]] LinkageTableModel* model() const { return m_model; }

    void search(SearchMode mode, const QString& text);
    void selectRow(int row);
    void suspendSelected();
    void endSelected();
    void migrateSelected();
    void showDetailOfSelected();

Q_SIGNALS:
    void searched(int found);

private:
    void onSearchClicked();
    void onCardRead(const services::CardSummary& summary);
    [[nodiscard]] core::Result<QList<store::Linkage>> find(SearchMode mode, const QString& text);
    void changeSelected(bool end);
    void show(const core::Result<QList<store::Linkage>>& found);
    void updateActions();
    void refresh();

    const std::unique_ptr<Ui::LinkagesPage> m_ui;
    services::LinkageService& m_linkages;
    const services::Operator& m_operator;
    const core::Clock& m_clock;
    ImportDialog::Setup m_importSetup;
    LinkageTableModel* m_model;
    TextPrompt m_prompt;
    std::optional<services::CardSummary> m_card;
    SearchMode m_lastMode = SearchMode::CardOnReader;
    QString m_lastText;
};

} // namespace madoguchi::gui
