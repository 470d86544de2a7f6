#include "gui/ReaderPanel.h"
#include "ui_ReaderPanel.h"

#include "gui/DemoCardNames.h"
#include "gui/ReaderListModel.h"
#include "services/TrainingControl.h"

namespace madoguchi::gui {

ReaderPanel::ReaderPanel(services::TrainingControl* training, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::ReaderPanel>()), m_model(new ReaderListModel(this)),
      m_training(training)
{
    m_ui->setupUi(this);
    m_ui->readerListView->setModel(m_model);
    m_ui->trainingGroupBox->setVisible(m_training != nullptr);
    connect(m_ui->insertButton, &QPushButton::clicked, this, &ReaderPanel::onInsertClicked);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &ReaderPanel::onRemoveClicked);
    fillDemoCards();
    setReaders({});
}

ReaderPanel::~ReaderPanel() = default;

void ReaderPanel::fillDemoCards()
{
    if (m_training == nullptr) {
        return;
    }
    for (const auto& card : m_training->demoCards()) {
        m_ui->demoCardComboBox->addItem(DemoCardNames::label(card.id, card.description), card.id);
    }
}

void ReaderPanel::setReaders(const QList<card::ReaderState>& readers)
{
    m_model->setReaders(readers);
    m_ui->readerStatusLabel->setText(readers.isEmpty() ? tr("No reader found. Connect a card reader.") : QString());
    m_ui->readerStatusLabel->setVisible(readers.isEmpty());
}

void ReaderPanel::setBackendMessage(const QString& message)
{
    m_ui->readerStatusLabel->setText(message);
    m_ui->readerStatusLabel->setVisible(!message.isEmpty());
}

bool ReaderPanel::insertDemoCard(const QString& id)
{
    const int index = m_training != nullptr ? m_ui->demoCardComboBox->findData(id) : -1;
    if (index < 0) {
        return false;
    }
    m_ui->demoCardComboBox->setCurrentIndex(index);
    onInsertClicked();
    return true;
}

void ReaderPanel::onInsertClicked()
{
    if (m_training != nullptr && m_ui->demoCardComboBox->currentIndex() >= 0) {
        m_training->insertCard(m_ui->demoCardComboBox->currentData().toString());
    }
}

void ReaderPanel::onRemoveClicked()
{
    if (m_training != nullptr) {
        m_training->removeCard();
    }
}

} // namespace madoguchi::gui
