#include "gui/FirstRunDialog.h"
#include "ui_FirstRunDialog.h"

#include "gui/Messages.h"
#include "services/CounterSetup.h"

#include <QDir>

namespace madoguchi::gui {

FirstRunDialog::FirstRunDialog(const QString& dataDir, const core::Result<void>& keychain, CreateCounter create,
                               QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::FirstRunDialog>()), m_create(std::move(create))
{
    m_ui->setupUi(this);
    m_ui->introLabel->setText(m_ui->introLabel->text().arg(QDir::toNativeSeparators(dataDir)));
    // Where a keychain answers it is the default (no prompt at every start); where none does, the
    // choice stays visible but disabled, with the reason, so nobody wonders where it went.
    m_ui->keychainRadioButton->setEnabled(keychain.has_value());
    if (keychain) {
        m_ui->keychainStatusLabel->setText(tr("✔ A keychain is available on this computer."));
        m_ui->keychainRadioButton->setChecked(true);
    } else {
        m_ui->keychainStatusLabel->setText(tr("✖ Not available: %1").arg(Messages::keychainProblem(keychain.error())));
        m_ui->keychainStatusLabel->setToolTip(Messages::technical(keychain.error()));
        m_ui->passphraseRadioButton->setChecked(true);
    }
    connect(m_ui->keychainRadioButton, &QRadioButton::toggled, this, &FirstRunDialog::onKeyChoiceChanged);
    onKeyChoiceChanged();
    connect(m_ui->passphraseLineEdit, &QLineEdit::textEdited, this, &FirstRunDialog::onPassphraseEdited);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &FirstRunDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &FirstRunDialog::reject);
    onPassphraseEdited();
    m_ui->passphraseLineEdit->setFocus();
}

FirstRunDialog::~FirstRunDialog() = default;

store::KeyWrapping FirstRunDialog::chosenWrapping() const
{
    return m_ui->keychainRadioButton->isChecked() ? store::KeyWrapping::KeychainAndPassphrase
                                                  : store::KeyWrapping::PassphraseOnly;
}

void FirstRunDialog::onKeyChoiceChanged()
{
    // With the keychain the passphrase is still asked for: it is the way back in when the keychain
    // entry is lost or the keychain is locked (docs/storage.md "Keys").
    const bool keychain = chosenWrapping() == store::KeyWrapping::KeychainAndPassphrase;
    m_ui->passphraseLabel->setText(keychain ? tr("Recovery &passphrase:") : tr("Administrator &passphrase:"));
    m_ui->passphraseLineEdit->setAccessibleName(keychain ? tr("Recovery passphrase") : tr("Administrator passphrase"));
    m_ui->keyNoteLabel->setText(
        keychain ? tr("ℹ The counter opens without a prompt on this computer. The recovery passphrase opens it if "
                      "the keychain entry is lost or the keychain is locked: write it down and keep it in a safe.")
                 : tr("ℹ The passphrase is asked for at every start of the counter."));
}

void FirstRunDialog::onPassphraseEdited()
{
    const QString text = m_ui->passphraseLineEdit->text();
    const int bits = services::CounterSetup::passphraseBits(text);
    // Thresholds after NIST SP 800-63B's advice: length matters most; ~80 bits resists offline guessing
    // even against the key file's scrypt cost for years.
    QString hint;
    if (text.size() < services::CounterSetup::MinPassphraseLength) {
        hint = tr("✖ Too short: at least %1 characters.").arg(services::CounterSetup::MinPassphraseLength);
    } else if (bits < 60) {
        hint = tr("⚠ Weak (about %1 bits). Use a longer phrase of several words.").arg(bits);
    } else if (bits < 80) {
        hint = tr("◐ Fair (about %1 bits). A few more words make it strong.").arg(bits);
    } else {
        hint = tr("✔ Strong (about %1 bits).").arg(bits);
    }
    m_ui->strengthLabel->setText(hint);
}

void FirstRunDialog::accept()
{
    if (m_ui->passphraseLineEdit->text() != m_ui->passphraseConfirmLineEdit->text()) {
        m_ui->errorLabel->setText(tr("⚠ The two passphrases differ."));
        return;
    }
    if (m_ui->adminPasswordLineEdit->text() != m_ui->adminPasswordConfirmLineEdit->text()) {
        m_ui->errorLabel->setText(tr("⚠ The two passwords differ."));
        return;
    }
    const services::NewOperator admin{m_ui->adminLoginLineEdit->text().trimmed(),
                                      m_ui->adminNameLineEdit->text().trimmed(), services::Role::Admin};
    auto created = m_create(core::SecureBytes(m_ui->passphraseLineEdit->text().toUtf8()), admin,
                            core::SecureBytes(m_ui->adminPasswordLineEdit->text().toUtf8()), chosenWrapping());
    if (!created) {
        // With the keychain chosen, a refusal, a missing service or no answer came from the keychain
        // (the store and the first admin fail otherwise): worded as such, with the way out.
        const core::Errc code = created.error().code;
        const bool fromKeychain =
            chosenWrapping() == store::KeyWrapping::KeychainAndPassphrase &&
            (code == core::Errc::PermissionDenied || code == core::Errc::Unsupported || code == core::Errc::Timeout);
        m_ui->errorLabel->setText(QStringLiteral("⚠ ") + (fromKeychain ? Messages::keychainStoreFailed(created.error())
                                                                       : Messages::describe(created.error())));
        return;
    }
    for (auto* edit : {m_ui->passphraseLineEdit, m_ui->passphraseConfirmLineEdit, m_ui->adminPasswordLineEdit,
                       m_ui->adminPasswordConfirmLineEdit}) {
        edit->clear();
    }
    QDialog::accept();
}

} // namespace madoguchi::gui
