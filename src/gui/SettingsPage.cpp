#include "gui/SettingsPage.h"
#include "ui_SettingsPage.h"

#include "gui/LanguageSwitcher.h"
#include "gui/Messages.h"
#include "gui/TrustAnchorModel.h"
#include "pki/TrustStore.h"
#include "services/AccessPolicy.h"
#include "services/SessionService.h"

#include <QEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QSignalBlocker>

namespace madoguchi::gui {

using Key = services::SettingsService::Key;

SettingsPage::SettingsPage(services::SettingsService& settings, services::SessionService& session,
                           pki::TrustStore* trust, LanguageSwitcher* language, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::SettingsPage>()), m_settings(settings), m_session(session),
      m_trust(trust), m_language(language), m_anchors(new TrustAnchorModel(this))
{
    m_ui->setupUi(this);
    // The languages in their own names: someone who cannot read the current one still finds theirs.
    m_ui->languageComboBox->addItem(QStringLiteral("日本語"), QStringLiteral("ja"));
    m_ui->languageComboBox->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->trustAnchorsTableView->setModel(m_anchors);
    m_ui->trustAnchorsTableView->horizontalHeader()->setSectionResizeMode(TrustAnchorModel::SubjectColumn,
                                                                          QHeaderView::Stretch);
    m_ui->trustAnchorsTableView->verticalHeader()->hide();
    retranslate();
    connectFields();
    refresh();
}

void SettingsPage::retranslate()
{
    m_ui->lockTimeoutSpinBox->setSuffix(tr(" min"));
    m_ui->lockTimeoutSpinBox->setSpecialValueText(tr("Never"));
}

SettingsPage::~SettingsPage() = default;

void SettingsPage::connectFields()
{
    connect(m_ui->languageComboBox, &QComboBox::activated, this, &SettingsPage::onLanguageActivated);
    connect(m_ui->preferredReaderLineEdit, &QLineEdit::editingFinished, this,
            [this]() { apply(Key::PreferredReader, m_ui->preferredReaderLineEdit->text()); });
    connect(m_ui->extendedLengthCheckBox, &QCheckBox::toggled, this,
            [this](bool on) { apply(Key::AllowExtendedLength, on); });
    connect(m_ui->platformAddressLineEdit, &QLineEdit::editingFinished, this,
            [this]() { apply(Key::PlatformAddress, m_ui->platformAddressLineEdit->text()); });
    connect(m_ui->terminalCertificateLineEdit, &QLineEdit::editingFinished, this,
            [this]() { apply(Key::TerminalCertificate, m_ui->terminalCertificateLineEdit->text()); });
    connect(m_ui->photoCheckCheckBox, &QCheckBox::toggled, this,
            [this](bool on) { apply(Key::PhotoCheckApproved, on); });
    connect(m_ui->lockTimeoutSpinBox, &QSpinBox::valueChanged, this,
            [this](int minutes) { apply(Key::LockMinutes, minutes); });
    connect(m_ui->installAnchorButton, &QPushButton::clicked, this, &SettingsPage::onInstallAnchorClicked);
}

void SettingsPage::refresh()
{
    const auto actor = m_session.actor();
    const bool office = services::AccessPolicy::mayChangeOfficeSettings(actor).has_value();
    {
        const QSignalBlocker blockers[]{
            QSignalBlocker(m_ui->languageComboBox), QSignalBlocker(m_ui->extendedLengthCheckBox),
            QSignalBlocker(m_ui->photoCheckCheckBox), QSignalBlocker(m_ui->lockTimeoutSpinBox)};
        const QString lang = m_language != nullptr ? m_language->language() : m_settings.language();
        m_ui->languageComboBox->setCurrentIndex(qMax(0, m_ui->languageComboBox->findData(lang)));
        m_ui->preferredReaderLineEdit->setText(m_settings.value(Key::PreferredReader).toString());
        m_ui->extendedLengthCheckBox->setChecked(m_settings.value(Key::AllowExtendedLength).toBool());
        m_ui->platformAddressLineEdit->setText(m_settings.value(Key::PlatformAddress).toString());
        m_ui->terminalCertificateLineEdit->setText(m_settings.value(Key::TerminalCertificate).toString());
        m_ui->photoCheckCheckBox->setChecked(m_settings.photoCheckApproved());
        m_ui->lockTimeoutSpinBox->setValue(m_settings.lockMinutes());
    }
    for (QWidget* field :
         {static_cast<QWidget*>(m_ui->readerGroupBox), static_cast<QWidget*>(m_ui->platformGroupBox),
          static_cast<QWidget*>(m_ui->policyGroupBox), static_cast<QWidget*>(m_ui->installAnchorButton)}) {
        field->setEnabled(office);
    }
    m_ui->officeHintLabel->setVisible(!office);
    if (m_trust != nullptr) {
        m_anchors->setAnchors(m_trust->anchors());
        m_ui->trustAnchorsTableView->resizeColumnsToContents();
    }
}

void SettingsPage::apply(Key key, const QVariant& value)
{
    if (m_settings.value(key) == value) {
        return;
    }
    const auto result = m_settings.set(m_session.actor(), key, value);
    showResult(result);
    if (!result) {
        refresh(); // back to what is stored
    }
}

void SettingsPage::onLanguageActivated(int index)
{
    const QString lang = m_ui->languageComboBox->itemData(index).toString();
    const auto result = m_settings.set(m_session.actor(), Key::Language, lang);
    showResult(result);
    if (result && m_language != nullptr) {
        m_language->switchTo(lang);
    }
}

void SettingsPage::onInstallAnchorClicked()
{
    if (m_trust == nullptr) {
        return;
    }
    const QString file = QFileDialog::getOpenFileName(this, tr("Install trust anchor"), QString(),
                                                      tr("Certificates (*.pem *.crt *.cer *.der)"));
    if (file.isEmpty()) {
        return;
    }
    const auto installed = m_settings.installTrustAnchors(m_session.actor(), *m_trust, file);
    if (!installed) {
        showResult(core::fail(installed.error()));
        return;
    }
    m_ui->statusLabel->setText(tr("✔ %n anchor(s) installed.", nullptr, *installed));
    refresh();
}

void SettingsPage::showResult(const core::Result<void>& result)
{
    m_ui->statusLabel->setText(result ? tr("✔ Saved.") : QStringLiteral("⚠ ") + Messages::describe(result.error()));
}

void SettingsPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
        m_ui->statusLabel->clear();
    }
    QWidget::changeEvent(event);
}

} // namespace madoguchi::gui
