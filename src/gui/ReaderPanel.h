#pragma once

#include "card/ReaderBackend.h"

#include <QWidget>

#include <memory>

namespace Ui {
class ReaderPanel;
}

namespace madoguchi::services {
class TrainingControl;
}

namespace madoguchi::gui {

class ReaderListModel;

// Always visible: the readers with live status and, in training mode, the demo-card controls.
class ReaderPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReaderPanel)

public:
    explicit ReaderPanel(services::TrainingControl* training, QWidget* parent = nullptr);
    ~ReaderPanel() override;

    void setReaders(const QList<card::ReaderState>& readers);
    void setBackendMessage(const QString& message);
    // Training: selects demo card `id` in the combo box and puts it on the reader, so the box always
    // names the card on the reader (--demo-card). false: no training reader or no such card.
    bool insertDemoCard(const QString& id);
    [[nodiscard]] ReaderListModel* model() const { return m_model; }

private:
    void onInsertClicked();
    void onRemoveClicked();
    void fillDemoCards();

    const std::unique_ptr<Ui::ReaderPanel> m_ui;
    ReaderListModel* m_model;
    services::TrainingControl* m_training;
};

} // namespace madoguchi::gui
