#include "gui/LockScreen.h"
#include "ui_LockScreen.h"

#include "core/SecureBytes.h"
#include "gui/Messages.h"
#include "gui/ResidentPinDialog.h"
#include "gui/RoleNames.h"
#include "services/CounterSetup.h"
#include "services/SessionService.h"

#include <QEvent>

namespace madoguchi::gui {

LockScreen::LockScreen(services::SessionService& session, services::CardSignInService* cardSignIn, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::LockScreen>()), m_session(session), m_cardSignIn(cardSignIn)
{
    m_ui->setupUi(this);
    m_ui->cardSignInButton->setVisible(cardSignIn != nullptr);
    connect(m_ui->cardSignInButton, &QPushButton::clicked, this, &LockScreen::onCardSignInClicked);
    m_ui->trainingHintLabel->setVisible(session.isTrainingMode());
    connect(m_ui->signInButton, &QPushButton::clicked, this, &LockScreen::onSubmit);
    connect(m_ui->passwordLineEdit, &QLineEdit::returnPressed, this, &LockScreen::onSubmit);
    connect(m_ui->signOutButton, &QPushButton::clicked, &m_session, &services::SessionService::signOut);
    retranslate();
    showSignIn();
}

LockScreen::~LockScreen() = default;

ResidentPinDialog* LockScreen::pinDialog() const
{
    return m_pinDialog.data();
}

void LockScreen::showSignIn()
{
    m_ui->loginLineEdit->setReadOnly(false);
    if (m_session.isTrainingMode() && m_ui->loginLineEdit->text().isEmpty()) {
        m_ui->loginLineEdit->setText(services::CounterSetup::trainingLoginFor(services::Role::Admin));
    }
    m_ui->passwordLineEdit->clear();
    m_ui->errorLabel->clear();
    m_ui->signOutButton->hide();
    retranslate();
    (m_ui->loginLineEdit->text().isEmpty() ? m_ui->loginLineEdit : m_ui->passwordLineEdit)->setFocus();
}

void LockScreen::showLocked()
{
    const auto& op = m_session.signedInOperator();
    m_ui->loginLineEdit->setText(op ? op->id : QString());
    m_ui->loginLineEdit->setReadOnly(true);
    m_ui->passwordLineEdit->clear();
    m_ui->errorLabel->clear();
    m_ui->signOutButton->show();
    retranslate();
    m_ui->passwordLineEdit->setFocus();
}

void LockScreen::onSubmit()
{
    // The password leaves the line edit at once; QString copies cannot be wiped, so keep it short-lived.
    const core::SecureBytes password(m_ui->passwordLineEdit->text().toUtf8());
    m_ui->passwordLineEdit->clear();
    core::Result<void> result;
    if (m_session.isLocked()) {
        result = m_session.unlock(password);
    } else {
        auto op = m_session.signIn(m_ui->loginLineEdit->text().trimmed(), password);
        result = op ? core::Result<void>{} : core::fail(op.error());
    }
    if (!result) {
        m_ui->errorLabel->setText(QStringLiteral("⚠ ") + Messages::describe(result.error()));
        m_ui->passwordLineEdit->setFocus();
    }
}

void LockScreen::showError(const core::Error& error)
{
    m_ui->errorLabel->setText(QStringLiteral("⚠ ") + Messages::describe(error));
    m_ui->cardSignInButton->setEnabled(true);
}

// The service does the work (services::CardSignInService); this only drives it: read the card and
// check it before any PIN, then the PIN dialog (retry counter shown, last try confirmed, never
// retried), then the proof, then the session.
void LockScreen::onCardSignInClicked()
{
    const QString reader = m_cardSignIn->readerWithCard();
    if (reader.isEmpty()) {
        m_ui->errorLabel->setText(tr("⚠ Put your My Number Card on the reader first."));
        return;
    }
    m_pinDialog = nullptr; // an earlier one is closing (deleted later)
    m_ui->cardSignInButton->setEnabled(false);
    m_ui->errorLabel->setText(tr("Reading your card…"));
    m_cardSignIn->prepare(reader, this, [this](core::Result<services::CardSignInCandidate> candidate) {
        onCandidate(std::move(candidate));
    });
}

void LockScreen::onCandidate(core::Result<services::CardSignInCandidate> candidate)
{
    if (!candidate) {
        showError(candidate.error());
        return;
    }
    m_ui->errorLabel->clear();
    const card::PinStatus status = candidate->pin; // read with the card, just now (jpki-card.md §4)
    auto* dialog = new ResidentPinDialog(
        [status](const QString&, QObject*, std::function<void(core::Result<card::PinStatus>)> done) { done(status); },
        candidate->reader, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setForOperator();
    m_pinDialog = dialog;
    connect(dialog, &QDialog::finished, this, [this, dialog, candidate = *candidate](int result) {
        if (result != QDialog::Accepted) {
            m_ui->cardSignInButton->setEnabled(true);
            return;
        }
        m_ui->errorLabel->setText(candidate.hasPinPad() ? tr("Enter your PIN on the reader's keypad…")
                                                        : tr("Checking your PIN with the card…"));
        m_cardSignIn->prove(
            candidate, dialog->takePin(), dialog->confirmation(), this,
            [this](core::Result<services::CardSignInService::Verified> proof) { onProof(std::move(proof)); });
    });
    dialog->start();
    dialog->open();
}

void LockScreen::onProof(core::Result<services::CardSignInService::Verified> proof)
{
    if (!proof) {
        showError(proof.error());
        return;
    }
    if (auto op = m_session.signInWithCard(*proof); !op) {
        showError(op.error());
        return;
    }
    m_ui->errorLabel->clear();
    m_ui->cardSignInButton->setEnabled(true);
}

void LockScreen::retranslate()
{
    const bool locked = m_session.isLocked();
    m_ui->titleLabel->setText(locked ? tr("Locked") : tr("Sign in"));
    const auto& op = m_session.signedInOperator();
    m_ui->messageLabel->setText(
        locked && op ? tr("The session of %1 (%2) is locked. Enter the password to continue, or sign out.")
                           .arg(m_session.signedInName(), RoleNames::display(op->role))
                     : tr("Sign in with your operator name and password."));
    m_ui->signInButton->setText(locked ? tr("&Unlock") : tr("&Sign in"));
    m_ui->trainingHintLabel->setText(
        tr("TEST — training counter. Operators: %1 (administrator), %2 (municipal staff), %3 (insurer clerk), "
           "%4 (auditor). Password for all: %5. Database passphrase: %6. Never use these for real data.")
            .arg(services::CounterSetup::trainingLoginFor(services::Role::Admin),
                 services::CounterSetup::trainingLoginFor(services::Role::MunicipalStaff),
                 services::CounterSetup::trainingLoginFor(services::Role::InsurerClerk),
                 services::CounterSetup::trainingLoginFor(services::Role::Auditor),
                 QString::fromLatin1(services::CounterSetup::TrainingPassword),
                 QString::fromLatin1(services::CounterSetup::TrainingPassphrase)));
}

void LockScreen::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace madoguchi::gui
