#include "gui/ResidentPinDialog.h"
#include "ui_ResidentPinDialog.h"

#include "gui/Messages.h"
#include "services/EnrolmentService.h"

#include <QGuiApplication>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScreen>
#include <QStyle>

namespace madoguchi::gui {

ResidentPinDialog::ResidentPinDialog(services::EnrolmentService& service, QString reader, QWidget* parent)
    : ResidentPinDialog(
          [&service](const QString& name, QObject* context, std::function<void(core::Result<card::PinStatus>)> done) {
              service.readPinStatus(name, context, std::move(done));
          },
          std::move(reader), parent)
{}

ResidentPinDialog::ResidentPinDialog(StatusReader statusReader, QString reader, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ResidentPinDialog>()), m_statusReader(std::move(statusReader)),
      m_reader(std::move(reader))
{
    m_ui->setupUi(this);
    // jpki-card.md §4: the auth PIN is exactly 4 digits; nothing else can be typed.
    m_ui->pinLineEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,4}")), m_ui->pinLineEdit));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Confirm PIN"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ResidentPinDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ResidentPinDialog::reject);
    connect(m_ui->confirmLastTryCheckBox, &QCheckBox::toggled, this, &ResidentPinDialog::updateInputs);
    connect(m_ui->pinLineEdit, &QLineEdit::textChanged, this, &ResidentPinDialog::updateInputs);
    setState(State::Checking);
}

ResidentPinDialog::~ResidentPinDialog()
{
    m_ui->pinLineEdit->clear();
}

void ResidentPinDialog::placeOnScreen(int index)
{
    const auto screens = QGuiApplication::screens();
    if (index < 0 || index >= screens.size()) {
        return;
    }
    QScreen* screen = screens.at(index);
    setScreen(screen);
    const QRect area = screen->availableGeometry();
    move(area.center() - rect().center());
}

void ResidentPinDialog::setForOperator()
{
    setWindowTitle(tr("Sign in with your card"));
    m_ui->confirmLastTryCheckBox->setText(tr("I know that one wrong PIN blocks my card, and I want to try."));
}

void ResidentPinDialog::start()
{
    setState(State::Checking);
    m_statusReader(m_reader, this, [this](core::Result<card::PinStatus> status) { onStatus(status); });
}

card::PinConfirmation ResidentPinDialog::confirmation() const
{
    return m_state == State::NeedsConfirmation && m_ui->confirmLastTryCheckBox->isChecked()
               ? card::PinConfirmation::ConfirmedLastTry
               : card::PinConfirmation::NotConfirmed;
}

void ResidentPinDialog::onStatus(const core::Result<card::PinStatus>& status)
{
    if (!status) {
        m_ui->messageLabel->setText(Messages::describe(status.error()));
        setState(status.error().code == core::Errc::PinNotAvailable ? State::NoPins
                 : status.error().code == core::Errc::PinBlocked    ? State::Blocked
                                                                    : State::Failed);
        return;
    }
    m_triesLeft = status->triesLeft;
    m_pinPad = status->onPinPad;
    // PC/SC Part 10 FEATURE_VERIFY_PIN_DIRECT: the reader asks for the PIN; nothing is typed here.
    m_ui->pinLineEdit->setVisible(!m_pinPad);
    if (m_pinPad) {
        m_ui->messageLabel->setText(tr("Enter the PIN on the reader's keypad after pressing Confirm. The PIN "
                                       "goes to the card only, never to this computer."));
    }
    if (status->blocked) {
        setState(State::Blocked);
        return;
    }
    setState(status->isLastTry() ? State::NeedsConfirmation : State::Ready);
}

void ResidentPinDialog::setState(State state)
{
    m_state = state;
    const auto warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    m_ui->warningLabel->clear();
    m_ui->confirmLastTryCheckBox->setVisible(state == State::NeedsConfirmation);
    m_ui->confirmLastTryCheckBox->setChecked(false);
    switch (state) {
    case State::Checking:
        m_ui->triesLabel->setText(tr("Checking how many tries are left…"));
        break;
    case State::Ready:
        m_ui->triesLabel->setText(m_triesLeft < 0 ? tr("The PIN was already confirmed on this card.")
                                                  : tr("Tries left: %n", nullptr, m_triesLeft));
        break;
    case State::NeedsConfirmation:
        m_ui->triesLabel->setText(tr("Tries left: %n", nullptr, m_triesLeft));
        m_ui->warningLabel->setText(tr("⚠ Only ONE try is left. A wrong PIN now blocks the card; it can then only "
                                       "be reset at the municipal office. Staff must confirm before you type."));
        setWindowIcon(warningIcon);
        break;
    case State::Blocked:
        m_ui->triesLabel->setText(tr("No tries are left."));
        m_ui->warningLabel->setText(tr("⚠ The PIN is blocked. It can be reset at the municipal office with an "
                                       "identity check. Do not try again here."));
        break;
    case State::NoPins:
        m_ui->triesLabel->setText(tr("This card has no PIN."));
        m_ui->warningLabel->setText(tr("This is a face-authentication card: it has no PINs. Use the photo check "
                                       "where this office is approved for it."));
        break;
    case State::Failed:
        m_ui->triesLabel->setText(tr("The card could not be checked."));
        break;
    }
    updateInputs();
    Q_EMIT stateChanged(state);
}

void ResidentPinDialog::updateInputs()
{
    const bool mayType =
        m_state == State::Ready || (m_state == State::NeedsConfirmation && m_ui->confirmLastTryCheckBox->isChecked());
    m_ui->pinLineEdit->setEnabled(mayType);
    if (!mayType) {
        m_ui->pinLineEdit->clear();
    } else {
        m_ui->pinLineEdit->setFocus();
    }
    m_ui->buttonBox->button(QDialogButtonBox::Ok)
        ->setEnabled(mayType && (m_pinPad || m_ui->pinLineEdit->text().size() == 4));
}

void ResidentPinDialog::accept()
{
    if (m_pinPad && m_ui->pinLineEdit->isEnabled()) {
        m_pin.clear(); // typed on the keypad
        QDialog::accept();
        return;
    }
    if (!m_ui->pinLineEdit->isEnabled() || m_ui->pinLineEdit->text().size() != 4) {
        return;
    }
    // Into SecureBytes character by character, then the edit is emptied at once (the PIN lives only
    // as long as the VERIFY needs it, style.md "Errors and secrets").
    m_pin.clear();
    const QString text = m_ui->pinLineEdit->text();
    for (const QChar c : text) {
        m_pin.append(static_cast<std::uint8_t>(c.toLatin1()));
    }
    m_ui->pinLineEdit->clear();
    QDialog::accept();
}

} // namespace madoguchi::gui
